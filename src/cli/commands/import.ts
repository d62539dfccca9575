// `orgctl import`: write an org.yaml that describes the live organization, to adopt it in one command.

import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ImportedOrg } from '../../importer/build-imported-org.js';
import { importOrg } from '../../importer/import-org.js';
import { parseOrgYaml } from '../../config/parse-org-yaml.js';
import { UserError } from '../../model/errors.js';
import { progressLine } from '../read-progress.js';
import { plural } from '../../text/plural.js';
import { choice, parseCommandArgs } from '../args.js';
import { importJson, jsonDocument } from '../json-output.js';
import { openAwsPort } from '../aws.js';
import type { Command } from '../command.js';
import type { CliIo } from '../io.js';
import { DEFAULT_ORG_FILE } from '../org-file.js';
import { checkOutPath, writeOutFile } from '../out-file.js';

const FORMATS = ['text', 'json'] as const;

const USAGE = `Usage: orgctl import [--out org.yaml] [--force] [--include-tags] [--identity-center-region <region>] [--format text|json]

Reads the live organization and its budgets (AWS Organizations, AWS Budgets) and writes an org.yaml
that describes it exactly: the OU tree, every ACTIVE account in its place, every budget org.yaml can
express, the management account, and options at their safe defaults (no pruning).
What org.yaml cannot express (accounts that are not ACTIVE, service control policies other than
FullAWSAccess, other budgets) is listed as comments at the end. Nothing is changed in AWS.

Run it with the management account's credentials.

Options:
  -o, --out <path>   where to write (default: org.yaml); - writes to standard output
      --force        overwrite the file if it exists
      --include-tags also read tags and declare them as \`tags:\` keys: one call per
                     account, OU and budget (about 10 per second: minutes for thousands
                     of accounts); aws: and managed-by tags are listed as comments
      --identity-center-region <region>
                     where IAM Identity Center lives: its permission sets (inline policies
                     under policies/), groups and account assignments are written under
                     identityCenter:. Without it: identityCenter.region of the org.yaml
                     being replaced (--force), else AWS_REGION (AWS_DEFAULT_REGION); with
                     none of them, Identity Center is not read
      --format <f>   text (default: the summary on stderr) or json: the summary as one JSON
                     document on stdout (schema: docs/cli-json.md); needs --out to a file
  -h, --help         show this help

Then: review the file, commit it, open a pull request; its plan should show no changes.
Exit codes: 0 written; 1 error (the file exists, no organization, wrong credentials, AWS failure).

AWS credentials and endpoints come from the standard chain and variables (AWS_PROFILE,
AWS_ACCESS_KEY_ID, AWS_ENDPOINT_URL, ...). ORGCTL_RATE_SCALE multiplies AWS's published rates.`;

export const importCommand: Command = {
  name: 'import',
  summary: 'Write an org.yaml describing the live organization (adopt an existing organization).',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs('import', args, {
      out: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      'include-tags': { type: 'boolean' },
      'identity-center-region': { type: 'string' },
      format: { type: 'string' },
    });
    const format = choice('import', 'format', values.format, FORMATS, 'text');
    const out = values.out ?? DEFAULT_ORG_FILE;
    const toStdout = out === '-';
    if (toStdout && format === 'json') {
      throw new UserError('--format json prints the summary on standard output, so org.yaml cannot go there too: pass --out <file> (or drop --format json).');
    }
    const force = values.force ?? false;
    const path = resolve(io.cwd, out);
    if (!toStdout) await refuseToOverwrite(path, out, force);

    const aws = openAwsPort(io);
    const progress = progressLine(io);
    const flagRegion = values['identity-center-region'];
    if (flagRegion !== undefined && !/^[a-z]{2}(-[a-z]+)+-[0-9]+$/.test(flagRegion)) throw new UserError(`--identity-center-region ${JSON.stringify(flagRegion)} is not a region; write one like us-east-1.`);
    // The flag wins, then the region of the org.yaml being replaced, then the shell's.
    const identityCenterRegion =
      flagRegion ?? (toStdout ? undefined : await identityCenterRegionOf(path)) ?? (io.env['AWS_REGION'] || io.env['AWS_DEFAULT_REGION'] || undefined);
    const result = await importOrg(aws.port, { includeTags: values['include-tags'] ?? false, onProgress: progress.update, ...(identityCenterRegion !== undefined && { identityCenterRegion }) }).finally(() => {
      progress.done();
      aws.close();
    });

    // The policy documents go next to org.yaml (the current directory with --out -), as its `file:` keys say.
    const policyDir = toStdout ? io.cwd : dirname(path);
    await writePolicyFiles(result.imported, policyDir, toStdout ? '.' : dirname(out), force);
    if (toStdout) io.stdout.write(result.text);
    // Without --force, never overwrite a file that appeared since the check.
    else await writeOutFile(path, out, result.text, force ? undefined : () => alreadyExists(out));
    if (format === 'json') io.stdout.write(jsonDocument(importJson(result.imported, out)));
    else io.stderr.write(summary(result.imported, toStdout ? 'standard output' : out, toStdout ? DEFAULT_ORG_FILE : out));
    return 0;
  },
};

/** Writes each imported policy document; without --force, refuses (before writing any) when a different one exists. */
async function writePolicyFiles(imported: ImportedOrg, directory: string, shownDirectory: string, force: boolean): Promise<void> {
  const all = imported.policyFiles.map((file) => ({ ...file, full: resolve(directory, file.path), shown: join(shownDirectory, file.path) }));
  // A file that already holds the same document (an earlier import) is left as it is.
  const same = await Promise.all(all.map((file) => readFile(file.full, 'utf8').then((text) => text === file.text, () => false)));
  const files = all.filter((_, i) => !same[i]);
  if (!force) {
    for (const file of files) {
      if (await stat(file.full).catch(() => undefined)) throw alreadyExists(file.shown);
    }
  }
  for (const file of files) {
    await mkdir(dirname(file.full), { recursive: true });
    await writeOutFile(file.full, file.shown, file.text, force ? undefined : () => alreadyExists(file.shown));
  }
}

/** The checks that can be made before reading AWS, so a refusal costs no calls. */
async function refuseToOverwrite(path: string, shown: string, force: boolean): Promise<void> {
  const { exists } = await checkOutPath(path, shown, DEFAULT_ORG_FILE);
  if (exists && !force) throw alreadyExists(shown);
}

function alreadyExists(shown: string): UserError {
  return new UserError(`${shown} already exists; orgctl import does not overwrite it, so nothing was written.`, [
    'Pass --force to replace it, --out <path> to write elsewhere, or --out - to print to standard output.',
  ]);
}

function summary(imported: ImportedOrg, where: string, file: string): string {
  const { counts } = imported;
  const leftOut = [
    plural(imported.inactiveAccounts.length, 'account not ACTIVE', 'accounts not ACTIVE'),
    plural(imported.leftOutBudgets.length, 'budget'),
    imported.tags === null ? undefined : plural(imported.tags.length, 'resource with tags not declared', 'resources with tags not declared'),
  ].filter((item) => item !== undefined);
  return [
    `Imported organization ${imported.organizationId} (management account ${imported.desired.managementAccountId}) into ${where}:`,
    `  ${plural(counts.ous, 'OU')}, ${plural(counts.accountsPlaced, 'account')} placed, ${plural(counts.budgets, 'budget')}.`,
    ...(counts.policies > 0 ? [`  ${plural(counts.policies, 'policy', 'policies')}, each document written under policies/.`] : []),
    `  Listed as comments at the end (org.yaml cannot express them): ${leftOut.join(', ')}.`,
    ...(imported.tags === null ? ['  Tags were not read; run with --include-tags to declare them too.'] : []),
    'Next steps:',
    `  1. Review ${file}, including the comments at the end${imported.policyFiles.length > 0 ? `, and the policy documents written beside it (${plural(imported.policyFiles.length, 'file')} under policies/)` : ''}.`,
    `  2. Commit it (with schema/org.schema.json, which its first line points editors to).`,
    '  3. Open a pull request: the plan orgctl posts on it should show no changes.',
    '     To check now: orgctl plan --detailed-exitcode (exit code 0 means no changes).',
    '',
  ].join('\n');
}


/** One self-updating line on a terminal while the organization is read; nothing otherwise. */

/** identityCenter.region of an org.yaml already at `path` (re-import with --force); undefined when there is none or it does not parse. */
async function identityCenterRegionOf(path: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = parseOrgYaml(text, path);
  return parsed.ok ? parsed.value.identityCenter?.region : undefined;
}
