// The examples in docs/org-yaml.md are valid org.yaml files (so the reference cannot rot).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrgYaml } from '../../src/config/parse-org-yaml.js';

const DOC = readFileSync(new URL('../../docs/org-yaml.md', import.meta.url), 'utf8');
const EXAMPLES = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').filter((block) => block.includes('version:'));

describe('docs/org-yaml.md', () => {
  it('has the complete and the smallest example', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(2);
  });

  it.each(EXAMPLES.map((text, i) => [i + 1, text] as const))('example %i validates', (_, text) => {
    const result = parseOrgYaml(text, 'org.yaml');
    expect(result.ok ? [] : result.errors.map((e) => `${e.position?.line}:${e.position?.column} ${e.message}`)).toEqual([]);
  });
});

describe('README.md', () => {
  const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const [reference, security] = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

  it('the org.yaml reference, with the security section appended, validates', () => {
    expect(reference).toContain('version: 1');
    expect(security).toContain('security:');
    const result = parseOrgYaml(`${reference}${security}`, 'org.yaml');
    expect(result.ok ? [] : result.errors.map((e) => `${e.position?.line}:${e.position?.column} ${e.message}`)).toEqual([]);
  });
});
