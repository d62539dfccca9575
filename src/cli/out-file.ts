// The file a command writes with --out: checked before any AWS call, so a path that cannot be written
// costs no reading, and written with every failure turned into a message that says what to do.

import { stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { systemErrorCode, UserError } from '../model/errors.js';

/**
 * Refuses a directory, or a path whose directory does not exist. `defaultName` completes the example
 * given for a directory (`--out plans` → `--out plans/plan.json`). Tells whether the file exists.
 */
export async function checkOutPath(path: string, shown: string, defaultName: string): Promise<{ readonly exists: boolean }> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new UserError(`${shown} is a directory; pass the path of the file to write with --out, e.g. --out ${join(shown, defaultName)}.`);
  const directory = await stat(dirname(path)).catch(() => undefined);
  if (!directory?.isDirectory()) throw noDirectory(shown);
  return { exists: existing !== undefined };
}

/** Writes `text`; with `exclusive`, fails with its error if the file exists (appeared since the check). */
export async function writeOutFile(path: string, shown: string, text: string, exclusive?: () => UserError): Promise<void> {
  try {
    await writeFile(path, text, { flag: exclusive ? 'wx' : 'w' });
  } catch (error) {
    const code = systemErrorCode(error);
    if (code === 'EEXIST' && exclusive) throw exclusive();
    if (code === 'ENOENT' || code === 'ENOTDIR') throw noDirectory(shown);
    if (code === 'EISDIR') throw new UserError(`${shown} is a directory; pass the path of the file to write with --out.`);
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`cannot write ${shown}: permission denied.`);
    throw error;
  }
}

function noDirectory(shown: string): UserError {
  return new UserError(`cannot write ${shown}: its directory does not exist, so nothing was written. Create it, or pass another --out.`);
}
