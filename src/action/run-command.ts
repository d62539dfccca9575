// Dispatches on the command input. Each command is the same core the CLI runs, with GitHub around it.

import type { ActionDeps, ActionReport } from './report.js';
import { runApply } from './run-apply.js';
import { runDrift } from './run-drift.js';
import { runPlan } from './run-plan.js';
import type { ActionSettings } from './settings.js';

export function runCommand(settings: ActionSettings, deps: ActionDeps): Promise<ActionReport> {
  switch (settings.command) {
    case 'plan':
      return runPlan(settings, deps);
    case 'apply':
      return runApply(settings, deps);
    case 'drift':
      return runDrift(settings, deps);
  }
}
