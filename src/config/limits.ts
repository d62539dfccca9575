// Hard limits on org.yaml, in one place so messages, docs and tests agree.

/**
 * Largest org.yaml orgctl reads (and `orgctl import` writes). Sized for AWS's largest organizations:
 * measured with the bench's generator (bench/synthetic-org.ts: 50,000 accounts, 2,000 OUs, 100 budgets)
 * rendered as `orgctl import` writes it (one account per line, with its name), a 50,000-account
 * org.yaml is 3.2 MiB (3,388,369 bytes) with the bench's short names, and 5.2 MiB with every name at
 * CreateAccount's 50-character maximum. 8 MiB leaves headroom over both (only names near the 128
 * characters a renamed account may have, on all 50,000 accounts, would pass it: about 9 MiB).
 * Every other bound (nesting, aliases, lengths in the schema) stays as it is.
 */
export const MAX_ORG_YAML_BYTES = 8 * 1024 * 1024;

/** For messages: "8.0 MiB", "412 KiB". */
export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** What the largest organizations need, for messages about the limit. */
export const LARGEST_ORG_YAML_NOTE = 'an organization of 50,000 accounts needs 3 to 5 MiB';

/** YAML alias expansions allowed (the `yaml` package's count); bounds "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 100;

/** AWS Organizations nests OUs at most five levels under the root. */
export const MAX_OU_DEPTH = 5;

/** The only org.yaml format version this orgctl reads. */
export const SUPPORTED_VERSION = 1;

/** Deepest YAML nesting accepted. A real org.yaml nests about 15 levels (5 OU levels are 10). */
export const MAX_YAML_NESTING = 64;
