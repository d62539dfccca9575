// The npm package (issue #18, part 3): only what runs ships, it needs no dependencies at run time (the
// CLI is one bundle), and `orgctl --version` is package.json's version. .ci/check-package installs the
// packed tarball into an empty folder and runs it; this checks what goes into the tarball.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli/main.js';

const root = new URL('../../', import.meta.url);
const packageJson = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
  engines: Record<string, string>;
  dependencies?: Record<string, string>;
  exports: Record<string, string>;
};

describe('the npm package', () => {
  it('packs only the launcher, the bundle, the schemas and the documents', () => {
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'silent' } });
    const [packed] = JSON.parse(output) as { files: { path: string }[] }[];
    expect(packed!.files.map((f) => f.path).sort()).toEqual(
      ['CHANGELOG.md', 'README.md', 'bin/orgctl.js', 'build/cli.js', 'package.json', 'schema/org.schema.json', 'schema/plan.schema.json'].sort(),
    );
  });

  it('installs nothing else: every dependency is bundled into build/cli.js', () => {
    expect(packageJson.dependencies ?? {}).toEqual({});
    expect(packageJson.bin).toEqual({ orgctl: 'bin/orgctl.js' });
    expect(packageJson.engines).toEqual({ node: '>=20' });
    expect(Object.keys(packageJson.exports)).toEqual(['./package.json', './schema/org.schema.json', './schema/plan.schema.json']);
  });

  it('says package.json\'s version, which the code does not repeat', () => {
    expect(VERSION).toBe(packageJson.version);
    const main = readFileSync(new URL('src/cli/main.ts', root), 'utf8');
    expect(main).not.toMatch(/['"]\d+\.\d+\.\d+['"]/);
  });
});
