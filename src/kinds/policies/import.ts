// How import writes policies back: every policy that is not AWS-managed, declared with its document in
// policies/<safe-name>.json, and `policies:` on each root, OU and account whose attachments are not just
// AWS's defaults (a customer policy attached, or a default policy detached). Nodes with only the
// defaults get no `policies:` key and are left alone, so import → plan is empty.

import { DEFAULT_POLICY_OF_TYPE } from '../../model/aws-managed-policies.js';
import type { DesiredPolicy, JsonValue } from '../../model/desired.js';
import { ROOT_PATH } from '../../model/paths.js';
import { byNaturalOrder } from '../../importer/natural-order.js';
import { indexLiveTree } from '../../planner/live-tree.js';
import type { ImportReading, KindImport } from '../kind-import.js';
import { importedTags } from '../tags/import.js';

export function importPolicies(reading: ImportReading): KindImport {
  const read = reading.policies;
  if (read === null) return { desired: { policies: [] }, leftOut: {}, counts: { policies: 0 } };
  const customer = read.policies.filter((p) => !p.awsManaged).sort((a, b) => byNaturalOrder(a.name, b.name) || byNaturalOrder(a.type, b.type));
  const files = new Set<string>();
  const policies: DesiredPolicy[] = customer.map((p) => ({
    name: p.name,
    type: p.type,
    description: p.description,
    document: JSON.parse(p.content ?? '{}') as JsonValue,
    file: uniqueFile(p.name, files),
    // Read only with --include-tags; orgctl's own managed-by tag is left out (importedTags).
    ...importedTags(p.tags),
  }));

  const { pathById } = indexLiveTree(reading.live);
  const keyOf = (id: string): string | undefined => {
    const path = pathById.get(id);
    if (path === ROOT_PATH) return 'root';
    if (path !== undefined) return `ou:${path}`;
    return reading.live.accounts.some((a) => a.id === id) ? `account:${id}` : undefined;
  };
  const attached = new Map<string, string[]>();
  for (const policy of read.policies) {
    for (const id of policy.targets) {
      const key = keyOf(id);
      if (key !== undefined) attached.set(key, [...(attached.get(key) ?? []), policy.name]);
    }
  }
  const defaults = read.enabledTypes.map((type) => DEFAULT_POLICY_OF_TYPE[type]).filter((name) => name !== undefined);
  const everyTarget = ['root', ...[...pathById.values()].filter((p) => p !== ROOT_PATH).map((p) => `ou:${p}`), ...reading.live.accounts.map((a) => `account:${a.id}`)];
  const attachments = new Map<string, readonly string[]>();
  for (const key of everyTarget) {
    const names = attached.get(key) ?? [];
    const onlyDefaults = names.length === defaults.length && defaults.every((d) => names.includes(d));
    if (!onlyDefaults) attachments.set(key, sortAttachments(names, defaults));
  }
  return { desired: { policies }, leftOut: {}, counts: { policies: policies.length }, attachments };
}

/** AWS's default policies first (as AWS attaches them), then by name. */
function sortAttachments(names: readonly string[], defaults: readonly string[]): string[] {
  return [...names].sort((a, b) => Number(defaults.includes(b)) - Number(defaults.includes(a)) || byNaturalOrder(a, b));
}

/** "policies/Deny_Leave.json": the name made safe for file systems, unique among the files written. */
function uniqueFile(name: string, taken: Set<string>): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 100) || 'policy';
  let file = `policies/${safe}.json`;
  for (let n = 2; taken.has(file.toLowerCase()); n++) file = `policies/${safe}-${n}.json`;
  taken.add(file.toLowerCase());
  return file;
}
