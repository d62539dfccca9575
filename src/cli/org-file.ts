// Loads org.yaml for a command, printing every problem as FILE:LINE:COL: message when it is invalid.

import { resolve } from 'node:path';
import { loadOrgFile, type LoadedOrgFile } from '../config/load-org-file.js';
import { formatDiagnostic } from '../model/diagnostics.js';
import type { CliIo } from './io.js';
import { plural } from '../text/plural.js';

export const DEFAULT_ORG_FILE = 'org.yaml';

/** How messages name org.yaml: the path as the user gave it with --file, so FILE:LINE:COL points at the right file. */
export function shownOrgFile(file: string | undefined): string {
  return file ?? DEFAULT_ORG_FILE;
}

/**
 * undefined when org.yaml is invalid (the problems are already printed); the command exits 1.
 * `consequence` ends the count line, e.g. "; nothing was read from AWS".
 */
export async function loadOrgFileForCommand(
  io: CliIo,
  file: string | undefined,
  consequence = '; nothing was read from AWS',
): Promise<LoadedOrgFile | undefined> {
  const shownName = shownOrgFile(file);
  const loaded = await loadOrgFile(resolve(io.cwd, shownName), shownName);
  if (loaded.ok) return loaded.value;
  for (const diagnostic of loaded.errors) io.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  io.stderr.write(`${plural(loaded.errors.length, 'problem')} found in ${shownName}${consequence}.\n`);
  return undefined;
}
