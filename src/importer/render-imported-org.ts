// The imported organization as org.yaml text: the $schema line, a short header, the organization,
// and at the end, as comments, everything org.yaml cannot express. Nothing is dropped silently:
// every section is written, saying "none" when there is nothing in it. Pure. No dates or
// durations, so re-importing an unchanged organization gives a byte-identical file.

import { scalar, writeOrgYaml } from '../config/write-org-yaml.js';
import type { ImportedOrg, TaggedResource, TargetRef } from './build-imported-org.js';

export function renderImportedOrg(imported: ImportedOrg): string {
  return writeOrgYaml(imported.desired, {
    header: [
      `Organization ${imported.organizationId}, written by \`orgctl import\`. Review it, commit it and open a pull request:`,
      'the plan of an unchanged organization is empty. What org.yaml cannot express is listed at the end.',
    ],
    trailer: trailerLines(imported),
  });
}

function trailerLines(imported: ImportedOrg): string[] {
  return [
    '-'.repeat(100),
    'Not in org.yaml: orgctl import found the following, which org.yaml cannot express.',
    'orgctl leaves all of it as it is.',
    '',
    ...section(
      'Accounts that are not ACTIVE (not placed above; plan reports them as unlisted):',
      imported.inactiveAccounts.map((a) => `${a.id} ${display(a.name)}: ${a.state}, in ${a.parentPath}`),
    ),
    '',
    ...section(
      'Budgets org.yaml cannot express (not declared above):',
      imported.leftOutBudgets.flatMap((b) => [`${display(b.name)}:`, ...b.reasons.map((reason) => `  - ${reason}`)]),
    ),
    '',
    ...(imported.tags === null
      ? [
          'Tags: not read. Reading them takes one call per account, OU and budget (minutes for',
          'thousands of accounts); run `orgctl import --include-tags` to declare them as `tags:` keys.',
        ]
      : section(
          'Tags not declared above (of resources left out, and aws: or managed-by keys, which orgctl never changes):',
          imported.tags.map((t) => `${describeTagged(t.resource)}: ${t.tags.map(([k, v]) => `${display(k)}=${display(v)}`).join(', ')}`),
        )),
  ];
}

function section(title: string, items: readonly string[]): string[] {
  if (items.length === 0) return [`${title.replace(/:$/, '')}: none.`];
  return [title, ...items.map((item) => `  ${item}`)];
}

function describeTarget(target: TargetRef): string {
  switch (target.kind) {
    case 'root':
      return 'the root';
    case 'ou':
      return `OU ${target.path}`;
    case 'account':
      return `account ${target.id} ${display(target.name)}`;
  }
}

function describeTagged(resource: TaggedResource['resource']): string {
  return resource.kind === 'budget' ? `budget ${display(resource.name)}` : describeTarget(resource);
}

/** A name as YAML would write it: plain when unambiguous, else quoted, so odd names stay readable and on one line. */
function display(text: string): string {
  return text === '' ? '""' : scalar(text, 'flow');
}
