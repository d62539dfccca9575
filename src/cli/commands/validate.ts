// `orgctl validate [--file org.yaml]`: checks org.yaml offline (schema and rules, no AWS calls).

import type { DesiredOrg } from '../../model/desired.js';
import { resolve } from 'node:path';
import { loadOrgFile } from '../../config/load-org-file.js';
import { choice, parseCommandArgs } from '../args.js';
import { CLI_JSON_FORMAT_VERSION, jsonDocument, jsonProblem, type ValidateJson } from '../json-output.js';
import { plural } from '../../text/plural.js';
import type { Command } from '../command.js';
import { DEFAULT_ORG_FILE, loadOrgFileForCommand, shownOrgFile } from '../org-file.js';

const FORMATS = ['text', 'json'] as const;

const USAGE = `Usage: orgctl validate [--file <path>] [--format text|json]

Checks org.yaml without calling AWS: YAML syntax, the schema (schema/org.schema.json),
and the rules AWS enforces (each account placed once, at most 5 levels of OUs,
unique budget and notification keys, ...).

Options:
  -f, --file <path>    The file to check (default: org.yaml in the current directory).
      --format <format> text (default) or json: one JSON document on stdout, valid or not
                       (schema: docs/cli-json.md)
  -h, --help           Show this help.

Output:
  valid    one summary line on stdout; exit code 0
  invalid  every problem on stderr as FILE:LINE:COLUMN: message, then a count; exit code 1

Reference for every key: docs/org-yaml.md.`;

/** "8 OUs, 1 account placed, 1 budget" */
export function summarizeDesiredOrg(desired: DesiredOrg): string {
  const { ous, accountsPlaced, budgets } = countDesiredOrg(desired);
  return `${plural(ous, 'OU')}, ${plural(accountsPlaced, 'account')} placed, ${plural(budgets, 'budget')}`;
}

function countDesiredOrg(desired: DesiredOrg): { ous: number; accountsPlaced: number; budgets: number } {
  let ous = 0;
  let accountsPlaced = desired.root.accounts.length;
  const stack = [...desired.root.organizationalUnits];
  for (let ou = stack.pop(); ou; ou = stack.pop()) {
    ous += 1;
    accountsPlaced += ou.accounts.length;
    stack.push(...ou.organizationalUnits);
  }
  return { ous, accountsPlaced, budgets: desired.budgets.length };
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check org.yaml (syntax, schema, AWS rules) without calling AWS.',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs('validate', args, { file: { type: 'string', short: 'f' }, format: { type: 'string' } });
    if (choice('validate', 'format', values.format, FORMATS, 'text') === 'json') {
      const file = shownOrgFile(values.file);
      const result = await loadOrgFile(resolve(io.cwd, file), file);
      const output: ValidateJson = result.ok
        ? { formatVersion: CLI_JSON_FORMAT_VERSION, file, valid: true, summary: countDesiredOrg(result.value.desired), problems: [] }
        : { formatVersion: CLI_JSON_FORMAT_VERSION, file, valid: false, problems: result.errors.map(jsonProblem) };
      io.stdout.write(jsonDocument(output));
      return result.ok ? 0 : 1;
    }
    const loaded = await loadOrgFileForCommand(io, values.file, '');
    if (!loaded) return 1;
    io.stdout.write(`${values.file ?? DEFAULT_ORG_FILE} is valid: ${summarizeDesiredOrg(loaded.desired)}.\n`);
    return 0;
  },
};
