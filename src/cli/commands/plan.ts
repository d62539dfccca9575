// `orgctl plan`: read the live organization, diff it against org.yaml, show what apply will do.

import { resolve } from 'node:path';
import { renderPlanMarkdown } from '../../render/plan-markdown.js';
import { serializePlan } from '../../render/plan-file.js';
import { renderPlanText } from '../../render/plan-text.js';
import { renderPlanExtrasMarkdown, renderPlanExtrasText } from '../../render/rehearsal.js';
import { withPlanExtras } from '../../rehearsal/plan-extras.js';
import { makePlan } from '../../workflow/make-plan.js';
import { choice, parseCommandArgs } from '../args.js';
import { openAwsPort } from '../aws.js';
import type { Command } from '../command.js';
import { useColor } from '../io.js';
import { loadOrgFileForCommand, shownOrgFile } from '../org-file.js';
import { checkOutPath, writeOutFile } from '../out-file.js';
import { progressLine } from '../read-progress.js';

const FORMATS = ['text', 'markdown', 'json'] as const;
const DEFAULT_PLAN_FILE = 'plan.json';

const USAGE = `Usage: orgctl plan [--file org.yaml] [--format text|markdown|json] [--out plan.json] [--detailed-exitcode] [--rehearse]

Reads the live organization and its budgets (AWS Organizations, AWS Budgets) with the credentials
of the management account named in org.yaml, and shows every change apply would make.
Nothing is changed. The root-credential audit (\`orgctl audit\`) comes first; its failures are
shown and counted but do not change the exit code.

Options:
  -f, --file <path>      org.yaml to plan (default: org.yaml)
      --format <format>  text (default; the terminal), markdown (the PR comment), json (the plan value)
  -o, --out <path>       also write the plan as JSON, for \`orgctl apply --plan <path>\`; a directory
                         or a missing directory is refused before AWS is read
      --detailed-exitcode
                         exit 0 when there are no changes, 2 when there are changes
      --rehearse         also apply the plan to a copy of the organization just read, in the built-in
                         emulator (AWS's rules, no calls to AWS), plan again, and report
                         "rehearsal: N steps applied, converged" or the step AWS would refuse and why;
                         exit 1 when a step would be refused
  -h, --help             show this help

Exit codes: 0 success; 1 error (invalid org.yaml, AWS failure, a plan with errors, or with
--rehearse a step AWS would refuse);
with --detailed-exitcode: 0 no changes, 2 changes present, 1 error.

AWS credentials and endpoints come from the standard chain and variables (AWS_PROFILE,
AWS_ACCESS_KEY_ID, AWS_ENDPOINT_URL, ...). ORGCTL_RATE_SCALE multiplies AWS's published rates.`;

export const planCommand: Command = {
  name: 'plan',
  summary: 'Show what apply would change in the organization (reads AWS, changes nothing).',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs('plan', args, {
      file: { type: 'string', short: 'f' },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      'detailed-exitcode': { type: 'boolean' },
      rehearse: { type: 'boolean' },
    });
    const format = choice('plan', 'format', values.format, FORMATS, 'text');
    const loaded = await loadOrgFileForCommand(io, values.file);
    if (!loaded) return 1;
    const out = values.out === undefined ? undefined : { path: resolve(io.cwd, values.out), shown: values.out };
    // Before reading AWS: a path that cannot be written would waste the whole read.
    if (out) await checkOutPath(out.path, out.shown, DEFAULT_PLAN_FILE);

    const aws = openAwsPort(io);
    try {
      // The root-credential audit comes with the plan (first in text and markdown, `audit` in json).
      const progress = progressLine(io);
      const planned = await makePlan(aws.port, loaded.desired, loaded.sha256, { audit: { env: io.env }, onReadProgress: progress.update }).finally(() => progress.done());
      // The plan file holds what apply reads; the estimate and the rehearsal are for the reader.
      if (out) await writeOutFile(out.path, out.shown, serializePlan(planned.plan));
      const plan = await withPlanExtras(planned, { desired: loaded.desired, orgYamlSha256: loaded.sha256, rehearse: values.rehearse === true });
      const sourceFile = shownOrgFile(values.file);
      if (format === 'json') io.stdout.write(serializePlan(plan));
      else if (format === 'markdown') io.stdout.write(withExtras(renderPlanMarkdown(plan, { sourceFile }), renderPlanExtrasMarkdown(plan)));
      else io.stdout.write(renderPlanText(plan, { color: useColor(io), sourceFile }) + renderPlanExtrasText(plan));
      if (plan.errors.length > 0) return 1;
      if (plan.rehearsal?.outcome === 'refused' || plan.rehearsal?.outcome === 'not-converged') return 1;
      if (values['detailed-exitcode'] && plan.steps.length > 0) return 2;
      return 0;
    } finally {
      aws.close();
    }
  },
};

function withExtras(markdown: string, extras: string): string {
  return extras === '' ? markdown : `${markdown.trimEnd()}\n\n${extras}\n`;
}
