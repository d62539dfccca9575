// The engine knows no resource kind by name (issue #13): the planner, the renderers, the reader, the
// config (normalize) and the executor reach the kinds only through the registry (src/kinds/registry.ts), so a new kind is its folder plus a
// registration, and no central file composes kinds' documents or sections by name.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** An import of one kind's folder (src/kinds/<kind>/...), as opposed to src/kinds/registry.ts or kind.ts. */
const ONE_KINDS_MODULE = /from\s+['"][^'"]*\/kinds\/[a-z-]+\/[^'"]*['"]/;

describe.each(['src/planner', 'src/render', 'src/reader', 'src/config', 'src/apply', 'src/workflow'])('%s', (folder) => {
  const files = (readdirSync(new URL(`../../${folder}/`, import.meta.url), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s imports no single kind, only the registry', (file) => {
    const source = readFileSync(new URL(`../../${folder}/${file}`, import.meta.url), 'utf8');
    expect(source).not.toMatch(ONE_KINDS_MODULE);
  });
});
