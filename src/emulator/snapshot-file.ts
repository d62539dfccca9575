// Reading and writing snapshot files, with errors that name the file, line and column.

import { readFile, rename, writeFile } from 'node:fs/promises';
import { systemErrorCode, UserError } from '../model/errors.js';
import type { EmulatorSnapshot } from './snapshot.js';
import { formatPath, locatePaths, positionOf } from './snapshot-locate.js';
import type { SnapshotIssue } from './snapshot-validate.js';
import { validateSnapshot } from './snapshot-validate.js';
import { plural } from '../text/plural.js';

/** A UserError listing each issue as "file:line:column: path: message". */
export function snapshotError(file: string, text: string | undefined, issues: readonly SnapshotIssue[]): UserError {
  const positions = text === undefined ? issues.map(() => undefined) : locatePaths(text, issues.map((i) => i.path));
  const details = issues.map((issue, i) => {
    const at = positions[i];
    return `${file}${at ? `:${at.line}:${at.column}` : ''}: ${formatPath(issue.path)} ${issue.message}`;
  });
  return new UserError(`The emulator snapshot ${file} is not valid (${plural(issues.length, 'problem')}); fix it and start again. See docs/emulator.md for the format.`, details);
}

/** Parses and validates snapshot text; throws a located UserError. */
export function parseSnapshot(file: string, text: string, options: { readonly ouNamesCaseSensitive: boolean }): EmulatorSnapshot {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /position (\d+)/.exec(message)?.[1];
    const at = offset === undefined ? '' : (({ line, column }) => `:${line}:${column}`)(positionOf(text, Number(offset)));
    throw new UserError(`The emulator snapshot ${file}${at} is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/s, '')}.`);
  }
  const check = validateSnapshot(value, options);
  if (!check.ok) throw snapshotError(file, text, check.issues);
  return check.snapshot;
}

export async function readSnapshotFile(file: string, options: { readonly ouNamesCaseSensitive: boolean }): Promise<EmulatorSnapshot> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = systemErrorCode(error);
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable' : `cannot be read (${code ?? String(error)})`;
    throw new UserError(`The emulator snapshot ${file} ${why}. Pass an existing file to --state, or leave --state out to start with an empty account (use --save to write one).`);
  }
  return parseSnapshot(file, text, options);
}

/** Writes atomically (temporary file, then rename), so an interrupted save never leaves half a file. */
export async function writeSnapshotFile(file: string, snapshot: EmulatorSnapshot): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(snapshot, null, 2)}\n`, 'utf8');
  await rename(temporary, file);
}
