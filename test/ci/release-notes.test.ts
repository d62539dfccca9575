// The release workflow's gate and notes (.github/scripts/release-notes.mjs): the tag must be package.json's
// version, and the release's notes are CHANGELOG.md's section for it.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, without types
import { releaseNotes } from '../../.github/scripts/release-notes.mjs';

type Result = { error?: string; version?: string; major?: string; notes?: string };
const notes = releaseNotes as (tag: string, version: string, changelog: string) => Result;

const CHANGELOG = `# Changelog

## [Unreleased]

## [1.2.0] - 2027-01-10

### Added

- rehearsal

### Fixed

- a bug

## [1.1.0] - 2026-12-24

- older

[1.2.0]: https://example.com/compare/v1.1.0...v1.2.0
`;

describe('release notes', () => {
  it('gives the section of the tagged version, up to the next section, and its major tag', () => {
    expect(notes('v1.2.0', '1.2.0', CHANGELOG)).toEqual({ version: '1.2.0', major: 'v1', notes: '### Added\n\n- rehearsal\n\n### Fixed\n\n- a bug' });
    expect(notes('v1.1.0', '1.1.0', CHANGELOG).notes).toBe('- older');
  });

  it('refuses a tag that is not package.json\'s version, saying what to change', () => {
    expect(notes('v1.3.0', '1.2.0', CHANGELOG).error).toBe('the tag v1.3.0 is not package.json\'s version (1.2.0): set "version": "1.3.0" in package.json, or tag v1.2.0.');
    expect(notes('1.2.0', '1.2.0', CHANGELOG).error).toBe('the tag "1.2.0" is not a version tag (vX.Y.Z).');
  });

  it('refuses a version the changelog has no section for', () => {
    expect(notes('v1.0.0', '1.0.0', CHANGELOG).error).toBe('CHANGELOG.md has no "## [1.0.0]" section: rename [Unreleased] to [1.0.0] - YYYY-MM-DD.');
  });

  it('the repository\'s CHANGELOG.md follows Keep a Changelog: an Unreleased section first, then versions with dates', () => {
    const text = readFileSync(new URL('../../CHANGELOG.md', import.meta.url), 'utf8');
    expect(text).toContain('[Keep a Changelog](https://keepachangelog.com/en/1.1.0/)');
    const headings = text.split('\n').filter((l) => l.startsWith('## '));
    expect(headings[0]).toBe('## [Unreleased]');
    for (const h of headings.slice(1)) expect(h).toMatch(/^## \[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}$/);
    for (const h of text.split('\n').filter((l) => l.startsWith('### '))) expect(h).toMatch(/^### (Added|Changed|Deprecated|Removed|Fixed|Security)$/);
  });
});
