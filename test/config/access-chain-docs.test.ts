// The access-chain examples in README.md and docs/root-credentials.md are valid org.yaml (with the top
// of a file in front), so the end-to-end description cannot rot.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrgYaml } from '../../src/config/parse-org-yaml.js';

const HEAD = ['version: 1', 'organization:', '  managementAccountId: "123456789012"', 'root:', '  accounts: ["123456789012"]', ''].join('\n');

function accessChainBlock(file: string): string {
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  const section = text.slice(text.indexOf('The access chain'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error(`no yaml block after "The access chain" in ${file}`);
  return block;
}

describe('the access chain examples', () => {
  it.each(['README.md', 'docs/root-credentials.md'])('%s: declares all three rings and validates', (file) => {
    const block = accessChainBlock(file);
    for (const ring of ['identityCenter:', 'assignments:', 'breakGlassUsers:', 'create: true']) expect(block).toContain(ring);
    const result = parseOrgYaml(`${HEAD}${block}`, 'org.yaml');
    expect(result.ok ? [] : result.errors.map((e) => `${e.position?.line}:${e.position?.column} ${e.message}`)).toEqual([]);
    if (result.ok) expect(result.value.security?.breakGlassUsers).toEqual([expect.objectContaining({ name: 'break-glass', create: true })]);
  });
});
