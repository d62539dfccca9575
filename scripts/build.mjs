// Bundles the CLI (build/cli.js, not committed) and the GitHub Action (dist/index.js, committed).
// One file each, so both start fast and the Action needs no install step.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __orgctlCreateRequire } from 'node:module'; const require = __orgctlCreateRequire(import.meta.url);" },
};

const only = process.argv[2];
const targets = [
  { name: 'cli', entryPoints: ['src/cli/bin.ts'], outfile: 'build/cli.js' },
  { name: 'action', entryPoints: ['src/action/main.ts'], outfile: 'dist/index.js' },
].filter((t) => !only || t.name === only);

const { existsSync } = await import('node:fs');
for (const { name, ...target } of targets) {
  if (!existsSync(target.entryPoints[0])) continue;
  await build({ ...common, ...target });
}
