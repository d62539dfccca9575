// `orgctl apply`: plan (or load a reviewed plan), confirm, carry it out, and check the result.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { systemErrorCode, UserError } from '../../model/errors.js';
import type { Plan } from '../../model/plan.js';
import { renderApplySummaryText, renderStepResultLine } from '../../render/apply-results.js';
import { formatDiagnostic } from '../../model/diagnostics.js';
import { parsePlanFile } from '../../render/plan-file.js';
import { plural } from '../../text/plural.js';
import { renderPlanText } from '../../render/plan-text.js';
import { ApplyCheckFailedError, runApplyWorkflow } from '../../workflow/apply-workflow.js';
import { choice, parseCommandArgs } from '../args.js';
import { applyStepsJson, CLI_JSON_FORMAT_VERSION, jsonDocument, type ApplyJson } from '../json-output.js';
import type { LoadedOrgFile } from '../../config/load-org-file.js';
import { openAwsPort } from '../aws.js';
import type { Command } from '../command.js';
import { stopOnInterrupt, type InterruptWatch } from '../interrupts.js';
import { INTERRUPT_EXIT_CODES, useColor, type CliIo } from '../io.js';
import { loadOrgFileForCommand, shownOrgFile } from '../org-file.js';
import { createProgressBar, type ProgressBar } from '../progress-bar.js';

const FORMATS = ['text', 'json'] as const;

const USAGE = `Usage: orgctl apply [--file org.yaml] [--plan plan.json] [--auto-approve] [--format text|json]

Makes the organization match org.yaml.

Without --plan: plans first and prints the plan, then asks for "yes" on a terminal
(--auto-approve skips the question; without a terminal --auto-approve is required).
With --plan: applies that reviewed plan (from \`orgctl plan --out\`) and nothing else, after
re-reading the live organization; if org.yaml or the organization changed since, it refuses
("plan is stale") and changes nothing.

Steps run in parallel where they are independent, paced to AWS's published rate for each
operation. Throttling and concurrent-modification errors are retried. An error that does not
go away stops the run (steps in flight finish) and is reported; running apply again continues
from the live state. After the last step orgctl plans again and reports whether the
organization now matches org.yaml.

Ctrl-C (or SIGTERM) during the steps: no new step starts, the steps in flight finish, and the
summary says what was done; run apply again to continue. A second Ctrl-C stops at once.

Options:
  -f, --file <path>   org.yaml (default: org.yaml)
  -p, --plan <path>   apply this saved plan
      --auto-approve  do not ask for confirmation
      --format <f>    text (default) or json: nothing while it runs, then one JSON document on
                      stdout with the plan, every step's result and whether the organization matches
                      (schema: docs/cli-json.md); needs --auto-approve or --plan
  -h, --help          show this help

Exit codes: 0 the organization matches org.yaml (or there was nothing to do);
1 error, declined, a step failed, or the organization still differs afterwards;
130 interrupted by Ctrl-C (SIGINT), 143 by SIGTERM.`;

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Carry out the plan: make the organization match org.yaml.',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs('apply', args, {
      file: { type: 'string', short: 'f' },
      plan: { type: 'string', short: 'p' },
      'auto-approve': { type: 'boolean' },
      format: { type: 'string' },
    });
    const json = choice('apply', 'format', values.format, FORMATS, 'text') === 'json';
    if (json && values['auto-approve'] !== true && values.plan === undefined) {
      throw new UserError('--format json asks no question: pass --auto-approve, or apply a reviewed plan with --plan.');
    }
    const loaded = await loadOrgFileForCommand(io, values.file);
    if (!loaded) return 1;
    const savedPlan = values.plan === undefined ? undefined : await readSavedPlan(io, values.plan);
    const autoApprove = values['auto-approve'] === true || savedPlan !== undefined;
    if (json) return applyJson(io, loaded, savedPlan);
    const color = useColor(io);
    const sourceFile = shownOrgFile(values.file);

    const aws = openAwsPort(io);
    let progress: ProgressBar | undefined;
    const stop = new AbortController();
    let interrupts: InterruptWatch | undefined;
    try {
      const outcome = await runApplyWorkflow({
        port: aws.port,
        desired: loaded.desired,
        orgYamlSha256: loaded.sha256,
        ...(savedPlan ? { savedPlan } : {}),
        onPlanned: (plan) => io.stdout.write(renderPlanText(plan, { color, sourceFile })),
        confirm: async (plan) => {
          const approved = await confirm(io, plan, autoApprove);
          if (approved) {
            progress = createProgressBar(plan.steps.length, io.stdout, io.stderr);
            // From here on, Ctrl-C stops cleanly: no new step, the steps in flight finish, then the summary.
            interrupts = stopOnInterrupt(io, progress, stop);
          }
          return approved;
        },
        onStepFinished: (result) => {
          if (!progress) return void io.stdout.write(`${renderStepResultLine(result)}\n`);
          progress.line(renderStepResultLine(result));
          progress.advance();
        },
        signal: stop.signal,
      }).catch((error: unknown) => {
        // The steps ran but the check after them failed: show what was done before the error.
        if (error instanceof ApplyCheckFailedError) {
          progress?.done();
          io.stdout.write(`\n${renderApplySummaryText(error.run, error.wallMs)}`);
        }
        throw error;
      });
      progress?.done();
      switch (outcome.kind) {
        case 'no-changes':
          return 0;
        case 'declined':
          io.stdout.write('Apply cancelled. Nothing was changed.\n');
          return 1;
        case 'applied': {
          io.stdout.write(`\n${renderApplySummaryText(outcome.run, outcome.wallMs)}`);
          if (outcome.converged) {
            io.stdout.write('Checked: the organization now matches org.yaml.\n');
            return 0;
          }
          io.stdout.write(`\nThe organization does not match org.yaml yet; what remains:\n${renderPlanText(outcome.after, { color, sourceFile })}`);
          if (outcome.run.allSucceeded) io.stdout.write('Run `orgctl apply` again to continue.\n');
          return 1;
        }
        case 'interrupted': {
          io.stdout.write(`\n${renderApplySummaryText(outcome.run, outcome.wallMs)}`);
          if (!outcome.run.interrupted) io.stdout.write('Interrupted before the check afterwards: run `orgctl plan` to see whether the organization now matches org.yaml.\n');
          return INTERRUPT_EXIT_CODES[interrupts?.received ?? 'SIGINT'];
        }
      }
    } finally {
      interrupts?.restore();
      progress?.done();
      aws.close();
    }
  },
};

async function readSavedPlan(io: CliIo, file: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const code = systemErrorCode(error);
    throw new UserError(`${file}: ${code === 'ENOENT' ? 'file not found' : 'cannot be read'}. Make one with \`orgctl plan --out ${file}\`.`);
  }
  const parsed = parsePlanFile(text, file);
  if (!parsed.ok) throw new UserError(`${file} is not a plan orgctl can apply.`, parsed.errors.map(formatDiagnostic));
  return parsed.value;
}

async function confirm(io: CliIo, plan: Plan, autoApprove: boolean): Promise<boolean> {
  if (autoApprove) return true;
  if (!io.prompt) {
    throw new UserError('apply needs confirmation, and there is no terminal to ask on. Review the plan and pass --auto-approve (CI), or apply a saved plan with --plan.');
  }
  const answer = await io.prompt(`\nApply ${plural(plan.steps.length, 'step')}? Only "yes" is accepted: `);
  return answer.trim() === 'yes';
}

/** `--format json`: the same workflow, silent while it runs, then one ApplyJson document (docs/cli-json.md). */
async function applyJson(io: CliIo, loaded: LoadedOrgFile, savedPlan: Plan | undefined): Promise<number> {
  const aws = openAwsPort(io);
  const stop = new AbortController();
  let interrupts: InterruptWatch | undefined;
  const write = (output: ApplyJson): void => void io.stdout.write(jsonDocument(output));
  try {
    const outcome = await runApplyWorkflow({
      port: aws.port,
      desired: loaded.desired,
      orgYamlSha256: loaded.sha256,
      ...(savedPlan ? { savedPlan } : {}),
      confirm: async () => {
        // No bar is drawn (total 0): the interrupt handler only needs something to clear.
        interrupts = stopOnInterrupt(io, createProgressBar(0, io.stdout, io.stderr), stop);
        return true;
      },
      signal: stop.signal,
    }).catch((error: unknown) => {
      if (error instanceof ApplyCheckFailedError) {
        write({ formatVersion: CLI_JSON_FORMAT_VERSION, outcome: 'check-failed', converged: null, plan: error.plan, steps: applyStepsJson(error.run), wallMs: Math.round(error.wallMs) });
      }
      throw error;
    });
    const base = { formatVersion: CLI_JSON_FORMAT_VERSION, plan: outcome.plan } as const;
    switch (outcome.kind) {
      case 'no-changes':
      case 'declined':
        write({ ...base, outcome: 'no-changes', converged: true, steps: [], wallMs: 0 });
        return 0;
      case 'applied':
        write({
          ...base,
          outcome: 'applied',
          converged: outcome.converged,
          steps: applyStepsJson(outcome.run),
          wallMs: Math.round(outcome.wallMs),
          ...(outcome.converged ? {} : { remaining: outcome.after }),
        });
        return outcome.converged ? 0 : 1;
      default:
        write({ ...base, outcome: 'interrupted', converged: null, steps: applyStepsJson(outcome.run), wallMs: Math.round(outcome.wallMs) });
        return INTERRUPT_EXIT_CODES[interrupts?.received ?? 'SIGINT'];
    }
  } finally {
    interrupts?.restore();
    aws.close();
  }
}
