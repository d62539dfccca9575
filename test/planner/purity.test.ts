// The functional core stays pure: the planner and the renderers import no I/O, SDK or Action modules
// and read no process state, clock or randomness (style principle 1).

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const FORBIDDEN_IMPORT = /from\s+['"](node:[^'"]+|fs|fs\/promises|path|os|child_process|http|https|net|@aws-sdk\/[^'"]+|@actions\/[^'"]+)['"]/;
const FORBIDDEN_USE = /\bprocess\.|\bDate\.now\(|\bnew Date\(|\bMath\.random\(|\bperformance\.now\(/;

describe.each(['src/planner', 'src/render'])('%s', (folder) => {
  const files = readdirSync(new URL(`../../${folder}/`, import.meta.url)).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s imports no I/O and reads no process state, clock or randomness', (file) => {
    const source = readFileSync(new URL(`../../${folder}/${file}`, import.meta.url), 'utf8');
    expect(source).not.toMatch(FORBIDDEN_IMPORT);
    expect(source).not.toMatch(FORBIDDEN_USE);
  });
});
