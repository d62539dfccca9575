// Hard limits on org.yaml, in one place so messages, docs and tests agree.

/** Largest org.yaml orgctl reads. A real one with 5,000 accounts is about 100 KiB; anything near this is the wrong file. */
export const MAX_ORG_YAML_BYTES = 1024 * 1024;

/** YAML alias expansions allowed (the `yaml` package's count); bounds "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 100;

/** AWS Organizations nests OUs at most five levels under the root. */
export const MAX_OU_DEPTH = 5;

/** The only org.yaml format version this orgctl reads. */
export const SUPPORTED_VERSION = 1;

/** Deepest YAML nesting accepted. A real org.yaml nests about 15 levels (5 OU levels are 10). */
export const MAX_YAML_NESTING = 64;
