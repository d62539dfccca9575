// Reads org.yaml from disk and parses it. The only fs user in src/config; every failure is a Diagnostic.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { DesiredOrg } from '../model/desired.js';
import type { Diagnostic, Result } from '../model/diagnostics.js';
import { systemErrorCode } from '../model/errors.js';
import { describeSize, LARGEST_ORG_YAML_NOTE, MAX_ORG_YAML_BYTES } from './limits.js';
import { parseOrgYaml } from './parse-org-yaml.js';

export interface LoadedOrgFile {
  readonly desired: DesiredOrg;
  /** The file's text, as parsed. */
  readonly text: string;
  /** SHA-256 of the file's bytes, hex: lets apply refuse a plan made from another org.yaml. */
  readonly sha256: string;
}

function refuse(file: string, message: string): Result<never> {
  const diagnostic: Diagnostic = { severity: 'error', file, message };
  return { ok: false, errors: [diagnostic] };
}

function describeReadError(error: unknown, path: string): string {
  switch (systemErrorCode(error)) {
    case 'ENOENT':
      return `file not found (looked for ${path}). Run orgctl in the directory that holds org.yaml, or pass --file <path>.`;
    case 'EACCES':
    case 'EPERM':
      return `the file cannot be read: permission denied (${path}). Check its permissions.`;
    case 'ENOTDIR':
      return `file not found: a part of ${path} is not a directory. Check the path.`;
    default:
      return `the file cannot be read (${error instanceof Error ? error.message : String(error)}).`;
  }
}

/** Text or not: NUL bytes mean binary (or UTF-16); otherwise the bytes must be valid UTF-8. */
function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, message: `is not a text file (it contains a NUL byte at byte ${nul}). org.yaml must be UTF-8 text; if your editor saved it as UTF-16, save it as UTF-8.` };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: 'is not valid UTF-8 text (it looks binary, or uses another encoding). Save it as UTF-8.' };
  }
}

/**
 * Reads and validates org.yaml. `displayName` is how messages name the file (default: `path` as given).
 * Refuses directories, files over MAX_ORG_YAML_BYTES (before reading them) and non-text files.
 */
export async function loadOrgFile(path: string, displayName: string = path): Promise<Result<LoadedOrgFile>> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return refuse(displayName, 'the path is a directory, not a file. Pass the path of the org.yaml file itself with --file.');
    // A device or pipe has no size to check and may never end (e.g. /dev/zero).
    if (!info.isFile()) return refuse(displayName, 'the path is not a regular file (a device, pipe or socket). Pass the path of the org.yaml file itself with --file.');
    size = info.size;
  } catch (error) {
    return refuse(displayName, describeReadError(error, path));
  }
  const tooLarge = (bytes: number): string =>
    `the file is ${describeSize(bytes)}; orgctl reads org.yaml files up to ${describeSize(MAX_ORG_YAML_BYTES)} (${LARGEST_ORG_YAML_NOTE}). Is this the right file?`;
  if (size > MAX_ORG_YAML_BYTES) return refuse(displayName, tooLarge(size));

  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return refuse(displayName, describeReadError(error, path));
  }
  // It may have grown between stat and read.
  if (bytes.length > MAX_ORG_YAML_BYTES) return refuse(displayName, tooLarge(bytes.length));

  const decoded = decodeText(bytes);
  if (!decoded.ok) return refuse(displayName, `the file ${decoded.message}`);

  const parsed = parseOrgYaml(decoded.text, displayName);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    value: { desired: parsed.value, text: decoded.text, sha256: createHash('sha256').update(bytes).digest('hex') },
  };
}
