// The rehearsal's one-line verdict, for the terminal and the PR comment. The refusal's reason is the
// emulator's error text, which can quote names from org.yaml or AWS: the callers escape it.

import type { Rehearsal } from '../model/rehearsal.js';
import { plural } from '../text/plural.js';

export function rehearsalLine(rehearsal: Rehearsal): string {
  switch (rehearsal.outcome) {
    case 'converged':
      return `rehearsal: ${plural(rehearsal.applied, 'step')} applied, converged`;
    case 'refused':
      return `rehearsal: AWS would refuse step ${rehearsal.step.index + 1} (${rehearsal.step.kind} ${rehearsal.step.address}) after ${plural(rehearsal.applied, 'step')} applied: ${rehearsal.reason}`;
    case 'not-converged':
      return `rehearsal: ${plural(rehearsal.applied, 'step')} applied, but planning again still finds ${plural(rehearsal.remaining, 'step')} (a bug in orgctl: please report it)`;
    case 'skipped':
      return `rehearsal: not run, ${rehearsal.reason}`;
  }
}
