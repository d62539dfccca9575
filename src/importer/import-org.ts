// `orgctl import` without the CLI: read the live organization, build org.yaml, and check the
// result before anyone sees it: it must pass the same validation as `orgctl validate`, and planning
// it against what was just read must give no steps. Either failing is a bug in orgctl; the file is
// then not handed out, because committing it would make the first apply change the organization.

import type { AwsPort } from '../aws/port.js';
import { describeSize, LARGEST_ORG_YAML_NOTE, MAX_ORG_YAML_BYTES } from '../config/limits.js';
import { parseOrgYaml } from '../config/parse-org-yaml.js';
import { formatDiagnostic } from '../model/diagnostics.js';
import { UserError } from '../model/errors.js';
import { planOrg } from '../planner/index.js';
import { liveTagsOfImport } from '../kinds/tags/import.js';
import { buildImportedOrg, type ImportedOrg } from './build-imported-org.js';
import { readForImport, type ImportReading, type ImportReadOptions } from './read-for-import.js';
import { renderImportedOrg } from './render-imported-org.js';

export interface ImportResult {
  /** The org.yaml text. */
  readonly text: string;
  readonly imported: ImportedOrg;
  /** What was read (for call bounds and tests). */
  readonly reading: ImportReading;
}

export type ImportOptions = ImportReadOptions;

export async function importOrg(port: AwsPort, options: ImportOptions = {}): Promise<ImportResult> {
  const reading = await readForImport(port, options);
  const imported = buildImportedOrg(reading);
  const text = renderImportedOrg(imported);
  checkImportedText(text, reading, imported);
  return { text, imported, reading };
}

/**
 * Throws when the written file would not validate, or would not plan as "no changes". A file over
 * the size limit is not a bug but an organization too large for one org.yaml, and is said so.
 */
export function checkImportedText(text: string, reading: ImportReading, imported?: ImportedOrg): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_ORG_YAML_BYTES) {
    throw new UserError(
      `orgctl import stopped without writing anything: the org.yaml for this organization would be ${describeSize(bytes)}, ` +
        `and orgctl reads org.yaml files up to ${describeSize(MAX_ORG_YAML_BYTES)}, so plan and apply could not read it.`,
      [`For scale, ${LARGEST_ORG_YAML_NOTE}.`],
    );
  }
  const parsed = parseOrgYaml(text, 'org.yaml');
  if (!parsed.ok) {
    throw new ImportCheckError('the org.yaml it wrote does not validate', parsed.errors.map(formatDiagnostic));
  }
  // The policy documents are in the files written beside org.yaml: as the config loader would read them.
  const documents = new Map((imported?.desired.policies ?? []).map((p) => [p.name, p.document]));
  const inlinePolicies = new Map((imported?.desired.identityCenter?.permissionSets ?? []).map((p) => [p.name, p.inlinePolicy]));
  const center = parsed.value.identityCenter;
  const desired = {
    ...parsed.value,
    ...(parsed.value.policies && { policies: parsed.value.policies.map((p) => ({ ...p, document: p.document ?? documents.get(p.name)! })) }),
    ...(center && { identityCenter: { ...center, permissionSets: center.permissionSets.map((s) => (s.inlinePolicyFile !== undefined ? { ...s, inlinePolicy: inlinePolicies.get(s.name) } : s)) } }),
  };
  const live = {
    ...reading.live,
    ...liveTagsOfImport(reading.live, reading.resourceTags),
    ...(reading.policies && { policies: reading.policies }),
  };
  const plan = planOrg(desired, live, { orgYamlSha256: '', liveStateSha256: '' });
  if (plan.steps.length > 0 || plan.errors.length > 0) {
    throw new ImportCheckError('the org.yaml it wrote would not plan as "no changes"', [
      ...plan.steps.map((step) => `${step.kind} ${step.address}: ${step.reason}`),
      ...plan.errors.map((note) => note.message),
    ]);
  }
}

/** An import that failed its own check: a bug, reported with what went wrong. */
export class ImportCheckError extends Error {
  override readonly name = 'ImportCheckError';
  constructor(
    what: string,
    readonly problems: readonly string[],
  ) {
    super(`orgctl import stopped without writing anything: ${what}. This is a bug in orgctl; please report it with these lines:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}
