#!/usr/bin/env node
// Thin launcher: the CLI is bundled to build/cli.js by `npm run build` (run automatically by `npm ci`).
import { existsSync } from 'node:fs';

const bundle = new URL('../build/cli.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('orgctl: build/cli.js is missing. Run `npm ci` (or `npm run build`) in the repository first.\n');
  process.exit(1);
}
await import(bundle.href);
