// `orgctl demo` (`npm run demo`): the whole loop on the built-in emulator, no AWS account needed.
// A fresh account with no organization → plan (the bootstrap) → apply → plan again ("No changes").

import { createSdkPort } from '../../aws/sdk/create-sdk-port.js';
import { startEmulator } from '../../emulator/index.js';
import type { Plan } from '../../model/plan.js';
import { renderApplySummaryText, renderStepResultLine } from '../../render/apply-results.js';
import { renderPlanText } from '../../render/plan-text.js';
import { runApplyWorkflow } from '../../workflow/apply-workflow.js';
import { makePlan } from '../../workflow/make-plan.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { useColor, type CliIo } from '../io.js';
import { loadOrgFileForCommand, shownOrgFile } from '../org-file.js';

/** The demo's emulator throttles at AWS's published rates × this, and orgctl paces to match, so it runs in seconds. */
const DEMO_RATE_SCALE = 4;

const USAGE = `Usage: orgctl demo [--file org.yaml]

Runs orgctl end to end against the built-in AWS emulator, with no AWS account:
  1. starts the emulator in-process as a fresh account with no organization
     (the account ID is org.yaml's organization.managementAccountId);
  2. plans org.yaml: the bootstrap (create the organization, the OUs, move the management
     account into place, create the budgets);
  3. applies it;
  4. plans again, which shows "No changes".

The emulator enforces AWS's published rate limits, sped up ${DEMO_RATE_SCALE}x, and orgctl paces its calls to match.
Nothing outside this process is touched.

Options:
  -f, --file <path>  org.yaml to demonstrate (default: org.yaml)
  -h, --help         show this help`;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Plan and apply org.yaml against the built-in emulator (no AWS account needed).',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs('demo', args, { file: { type: 'string', short: 'f' } });
    const loaded = await loadOrgFileForCommand(io, values.file);
    if (!loaded) return 1;
    const { desired, sha256 } = loaded;
    const color = useColor(io);
    const sourceFile = shownOrgFile(values.file);

    const emulator = await startEmulator({ accountId: desired.managementAccountId, rateLimits: { scale: DEMO_RATE_SCALE } });
    const port = createSdkPort({
      endpoint: emulator.url,
      credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
      rateScale: DEMO_RATE_SCALE,
    });
    try {
      io.stdout.write(`orgctl demo: a fresh AWS account ${desired.managementAccountId} with no organization, served by the built-in emulator at ${emulator.url}.\n`);
      heading(io, 1, 'orgctl plan: what org.yaml asks for, against what exists.');
      // The emulator serves every region; AWS_REGION only says where to look for Identity Center.
      const first = await makePlan(port, desired, sha256, { audit: { env: { ...io.env, AWS_REGION: io.env['AWS_REGION'] || 'us-east-1' } } });
      io.stdout.write(renderPlanText(first.plan, { color, sourceFile }));

      heading(io, 2, 'orgctl apply --auto-approve: carry out the plan, paced to AWS\'s rate limits.');
      const outcome = await runApplyWorkflow({
        port,
        desired,
        orgYamlSha256: sha256,
        confirm: async () => true,
        onStepFinished: (result) => io.stdout.write(`  ${renderStepResultLine(result)}\n`),
      });
      if (outcome.kind === 'applied') io.stdout.write(`\n${renderApplySummaryText(outcome.run, outcome.wallMs)}`);

      heading(io, 3, 'orgctl plan again: the organization now matches org.yaml.');
      // The audit was shown with the first plan; this one only shows what is left to change.
      const after: Plan = (await makePlan(port, desired, sha256, { audit: false })).plan;
      io.stdout.write(renderPlanText(after, { color, sourceFile }));

      const converged = after.steps.length === 0 && after.errors.length === 0;
      io.stdout.write(
        converged
          ? '\nDone. Next: edit org.yaml and run `npx orgctl demo` again, or `npx orgctl emulator` to keep an emulator running\nand point `npx orgctl plan` at it with AWS_ENDPOINT_URL. See README.md.\n'
          : '\nThe demo did not converge; this is a bug in orgctl. Please report it with the output above.\n',
      );
      return converged ? 0 : 1;
    } finally {
      port.destroy();
      await emulator.stop();
    }
  },
};

function heading(io: CliIo, n: number, text: string): void {
  io.stdout.write(`\n== ${n}. ${text}\n\n`);
}
