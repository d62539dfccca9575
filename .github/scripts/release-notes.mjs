#!/usr/bin/env node
// The release workflow's checks and notes: `node .github/scripts/release-notes.mjs v1.2.3` exits 1 with
// a message when the tag is not package.json's version or CHANGELOG.md has no "## [1.2.3]" section,
// and otherwise prints that section's body (the GitHub release's notes).
import { readFileSync } from 'node:fs';

export function releaseNotes(tag, packageVersion, changelog) {
  const match = /^v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(tag);
  if (!match) return { error: `the tag "${tag}" is not a version tag (vX.Y.Z).` };
  const version = match[1];
  if (version !== packageVersion) return { error: `the tag ${tag} is not package.json's version (${packageVersion}): set "version": "${version}" in package.json, or tag v${packageVersion}.` };
  const lines = changelog.split('\n');
  const heading = new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\](\\s|$)`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return { error: `CHANGELOG.md has no "## [${version}]" section: rename [Unreleased] to [${version}] - YYYY-MM-DD.` };
  let end = lines.findIndex((line, i) => i > start && (/^## /.test(line) || /^\[[^\]]+\]: /.test(line)));
  if (end < 0) end = lines.length;
  const notes = lines.slice(start + 1, end).join('\n').trim();
  if (notes === '') return { error: `CHANGELOG.md's section for ${version} is empty.` };
  return { version, major: `v${version.split('.')[0]}`, notes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tag = process.argv[2] ?? '';
  const result = releaseNotes(tag, JSON.parse(readFileSync('package.json', 'utf8')).version, readFileSync('CHANGELOG.md', 'utf8'));
  if (result.error) {
    process.stderr.write(`Error: ${result.error}\n`);
    process.exit(1);
  }
  process.stdout.write(`${result.notes}\n`);
}
