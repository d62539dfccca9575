// Reads org.yaml from disk and parses it. The only fs user in src/config; every failure is a Diagnostic.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { DesiredOrg, DesiredPermissionSet, DesiredPolicy, JsonValue } from '../model/desired.js';
import { RESOURCE_KINDS } from '../kinds/registry.js';
import { parsePolicyJson } from './parse-policy-json.js';
import type { Diagnostic, Result } from '../model/diagnostics.js';
import { systemErrorCode } from '../model/errors.js';
import { describeSize, LARGEST_ORG_YAML_NOTE, MAX_ORG_YAML_BYTES } from './limits.js';
import { parseOrgYaml } from './parse-org-yaml.js';

export interface LoadedOrgFile {
  readonly desired: DesiredOrg;
  /** The file's text, as parsed. */
  readonly text: string;
  /**
   * SHA-256, hex, of the file's bytes and, when it names policy files (policies' `file:`, permission sets'
   * `inlinePolicy:`), of theirs too: lets apply
   * refuse a plan made from another org.yaml or another version of a policy file. Without policy files,
   * the hash of org.yaml's bytes alone.
   */
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
  const policyFiles: PolicyFileBytes[] = [];
  const withPolicies = await readPolicyFiles(parsed.value, path, displayName, policyFiles);
  if (!withPolicies.ok) return withPolicies;
  const withInlinePolicies = await readPermissionSetInlinePolicies(withPolicies.value, path, displayName, policyFiles);
  if (!withInlinePolicies.ok) return withInlinePolicies;
  return {
    ok: true,
    value: { desired: withInlinePolicies.value, text: decoded.text, sha256: inputsSha256(bytes, policyFiles) },
  };
}

interface PolicyFileBytes {
  /** `file:` (a policy's) or `inlinePolicy:` (a permission set's) as written in org.yaml. */
  readonly file: string;
  readonly bytes: Uint8Array;
  /** Which key named it: part of the hash, so the same file named by the other key hashes differently. */
  readonly key?: 'inline-policy-file';
}

/** org.yaml's bytes, then each policy file's name and bytes in org.yaml's order, each length-prefixed so no two inputs hash alike. */
function inputsSha256(orgYaml: Uint8Array, policyFiles: readonly PolicyFileBytes[]): string {
  const hash = createHash('sha256').update(orgYaml);
  for (const { file, bytes, key } of policyFiles) {
    const name = Buffer.from(file, 'utf8');
    hash.update(`\0${key ?? 'policy-file'}\0${name.length}\0`).update(name).update(`\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/** Largest policy file orgctl reads: far above every policy type's size limit (10,240 characters for SCPs). */
const MAX_POLICY_FILE_BYTES = 1024 * 1024;

/** What a JSON document file org.yaml names came to: its bytes when read (they are hashed), its value when it parsed. */
type JsonDocumentFile = { readonly ok: true; readonly bytes: Buffer; readonly document: JsonValue } | { readonly ok: false; readonly bytes?: Buffer };

/**
 * Reads one JSON document file named in org.yaml (a policy's `file:`, a permission set's `inlinePolicy:`),
 * relative to org.yaml. A missing, unreadable, irregular or oversized file is reported at the naming key
 * (`at`) in org.yaml with the caller's words; undecodable text or a JSON error in the file itself, at its line:col.
 */
async function readJsonDocumentFile(
  file: string,
  path: string,
  displayName: string,
  at: Diagnostic['position'] | undefined,
  errors: Diagnostic[],
  messages: { notRegular(): string; tooLarge(size: number): string; unreadable(why: string): string },
): Promise<JsonDocumentFile> {
  const shownPath = join(dirname(displayName), file);
  const atKey = (message: string): JsonDocumentFile => {
    errors.push({ severity: 'error', file: displayName, ...(at ? { position: at } : {}), message });
    return { ok: false };
  };
  let bytes: Buffer;
  try {
    const filePath = resolve(dirname(path), file);
    const info = await stat(filePath);
    if (!info.isFile()) return atKey(messages.notRegular());
    if (info.size > MAX_POLICY_FILE_BYTES) return atKey(messages.tooLarge(info.size));
    bytes = await readFile(filePath);
  } catch (error) {
    return atKey(messages.unreadable(systemErrorCode(error) === 'ENOENT' ? `file not found (looked for ${shownPath})` : describeReadError(error, shownPath)));
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    errors.push({ severity: 'error', file: shownPath, message: `the policy file ${decoded.message.replace('org.yaml', 'a policy file')}` });
    return { ok: false, bytes };
  }
  const json = parsePolicyJson(decoded.text);
  if (!json.ok) {
    errors.push({ severity: 'error', file: shownPath, ...(json.position ? { position: json.position } : {}), message: json.message });
    return { ok: false, bytes };
  }
  return { ok: true, bytes, document: json.value };
}

/**
 * Reads every `file:` policy document, relative to org.yaml. A missing or unreadable file is reported at
 * the `file:` key in org.yaml; a JSON error at its line:col in the policy file.
 */
async function readPolicyFiles(desired: DesiredOrg, path: string, displayName: string, filesRead: PolicyFileBytes[]): Promise<Result<DesiredOrg>> {
  const policies = desired.policies ?? [];
  if (policies.length === 0) return { ok: true, value: desired };
  const errors: Diagnostic[] = [];
  const read = new Map<string, PolicyFileBytes>();
  const documents = await Promise.all(
    policies.map(async (policy): Promise<DesiredPolicy> => {
      if (policy.file === undefined) return policy;
      const loaded = await readJsonDocumentFile(policy.file, path, displayName, policy.fileAt, errors, {
        notRegular: () => `policy "${policy.name}": ${policy.file} is not a regular file. \`file:\` names a JSON policy document, relative to ${displayName}.`,
        tooLarge: (size) => `policy "${policy.name}": ${policy.file} is ${describeSize(size)}; a policy document is at most a few kilobytes. Is this the right file?`,
        unreadable: (why) => `policy "${policy.name}": ${why}. \`file:\` is relative to ${displayName}.`,
      });
      if (loaded.bytes) read.set(policy.name, { file: policy.file, bytes: loaded.bytes });
      if (!loaded.ok) return policy;
      return { ...policy, document: loaded.document };
    }),
  );
  if (errors.length > 0) return { ok: false, errors };
  // In org.yaml's order, whatever order the reads finished in.
  for (const policy of policies) {
    const file = read.get(policy.name);
    if (file) filesRead.push(file);
  }
  // What needs the documents (sizes, grammar) is checked once the files are read, by the kinds.
  const loaded = { ...desired, policies: documents };
  const shownFile = (relative: string): string => join(dirname(displayName), relative);
  const problems = RESOURCE_KINDS.flatMap((kind) => kind.checkLoaded?.(loaded, displayName, shownFile) ?? []).filter((d) => d.severity === 'error');
  if (problems.length > 0) return { ok: false, errors: problems };
  return { ok: true, value: loaded };
}

/**
 * Reads every permission set's `inlinePolicy:` file, relative to org.yaml, as policies' `file:` are read:
 * a missing or unreadable file is reported at the `inlinePolicy:` key, a JSON error at its line:col in the file.
 */
async function readPermissionSetInlinePolicies(desired: DesiredOrg, path: string, displayName: string, filesRead: PolicyFileBytes[]): Promise<Result<DesiredOrg>> {
  const section = desired.identityCenter;
  if (section === undefined || section.permissionSets.every((set) => set.inlinePolicyFile === undefined)) return { ok: true, value: desired };
  const errors: Diagnostic[] = [];
  const read = new Map<string, PolicyFileBytes>();
  const permissionSets = await Promise.all(
    section.permissionSets.map(async (set): Promise<DesiredPermissionSet> => {
      const file = set.inlinePolicyFile;
      if (file === undefined) return set;
      const notAFile = `permission set "${set.name}": ${file} is not a regular file of at most ${describeSize(MAX_POLICY_FILE_BYTES)}. \`inlinePolicy:\` names a JSON policy document, relative to ${displayName}.`;
      const loaded = await readJsonDocumentFile(file, path, displayName, set.inlinePolicyFileAt, errors, {
        notRegular: () => notAFile,
        tooLarge: () => notAFile,
        unreadable: (why) => `permission set "${set.name}": ${why}. \`inlinePolicy:\` is relative to ${displayName}.`,
      });
      if (loaded.bytes) read.set(set.name, { file, bytes: loaded.bytes, key: 'inline-policy-file' });
      if (!loaded.ok) return set;
      return { ...set, inlinePolicy: loaded.document };
    }),
  );
  if (errors.length > 0) return { ok: false, errors };
  // In org.yaml's order, after the policies' files, whatever order the reads finished in.
  for (const set of section.permissionSets) {
    const file = read.get(set.name);
    if (file) filesRead.push(file);
  }
  return { ok: true, value: { ...desired, identityCenter: { ...section, permissionSets } } };
}
