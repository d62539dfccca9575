// The functional core stays pure: the planner, the renderers, the text helpers and the resource kinds
// import no I/O, SDK or Action modules and read no process state, clock or randomness (style principle 1).
// A kind's executors reach AWS only through the port interface, never the SDK adapter.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const FORBIDDEN_IMPORT = /from\s+['"](node:[^'"]+|fs|fs\/promises|path|os|child_process|http|https|net|@aws-sdk\/[^'"]+|@actions\/[^'"]+)['"]/;
const FORBIDDEN_USE = /\bprocess\.|\bDate\.now\(|\bnew Date\(|\bMath\.random\(|\bperformance\.now\(/;

const FORBIDDEN_ADAPTER = /from\s+['"][^'"]*\/aws\/sdk\/[^'"]*['"]/;

describe.each(['src/planner', 'src/render', 'src/text', 'src/kinds', 'src/explain'])('%s', (folder) => {
  const files = (readdirSync(new URL(`../../${folder}/`, import.meta.url), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s imports no I/O and reads no process state, clock or randomness', (file) => {
    const source = readFileSync(new URL(`../../${folder}/${file}`, import.meta.url), 'utf8');
    expect(source).not.toMatch(FORBIDDEN_IMPORT);
    expect(source).not.toMatch(FORBIDDEN_USE);
    expect(source).not.toMatch(FORBIDDEN_ADAPTER);
  });
});
