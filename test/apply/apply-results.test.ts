// What apply prints: one line per step and a summary. Names come from org.yaml and AWS, and AWS error
// messages echo them, so nothing in a line may move the cursor, recolor the terminal or forge lines.

import { describe, expect, it } from 'vitest';
import type { ApplyRun, StepResult } from '../../src/apply/apply-plan.js';
import { renderApplyResultsMarkdown, renderApplySummaryText, renderStepResultLine } from '../../src/render/apply-results.js';
import type { PlanStep } from '../../src/model/plan.js';

const HOSTILE = 'Prod\u001b[2J\nok      createBudget budget:forged';
const step: PlanStep = {
  kind: 'createOrganizationalUnit',
  address: `ou:/${HOSTILE}`,
  reason: 'test',
  dependsOn: [],
  before: null,
  after: { path: `/${HOSTILE}`, name: HOSTILE, parent: { type: 'root' } },
};
const ok: StepResult = { index: 0, step, status: 'ok', durationMs: 1234 };
const failed: StepResult = { index: 0, step, status: 'failed', durationMs: 20, message: `CreateOrganizationalUnit failed: InvalidInputException: bad name ${HOSTILE}` };
const skipped: StepResult = { index: 1, step: { ...step, dependsOn: [0] }, status: 'skipped', durationMs: 0, message: 'not started: it depends on step 0' };

describe('apply results', () => {
  it('a step line: status, kind, address, time, and why for failures and skips', () => {
    const plain: StepResult = { ...ok, step: { ...step, address: 'ou:/Prod' } };
    expect(renderStepResultLine(plain)).toBe('ok      createOrganizationalUnit ou:/Prod (1.2s)');
    expect(renderStepResultLine({ ...plain, durationMs: 15 })).toBe('ok      createOrganizationalUnit ou:/Prod (15ms)');
    expect(renderStepResultLine({ ...skipped, step: { ...plain.step, dependsOn: [0] } })).toBe('skipped createOrganizationalUnit ou:/Prod: not started: it depends on step 0');
  });

  it('hostile names and messages stay on one line, with control characters shown as escapes', () => {
    for (const result of [ok, failed, skipped]) {
      const line = renderStepResultLine(result);
      expect(line).not.toMatch(/[\u0000-\u001f]/);
      expect(line).toContain('Prod\\u001b[2J\\nok      createBudget budget:forged');
    }
    const run: ApplyRun = { results: [failed, skipped], allSucceeded: false };
    const summary = renderApplySummaryText(run, 50);
    expect(summary.split('\n').filter((l) => l.startsWith('ok'))).toEqual([]);
    expect(summary).not.toMatch(/\u001b/);
    expect(renderApplyResultsMarkdown(run)).not.toMatch(/\u001b|\nok /);
  });

  it('the summary counts each status and lists every failure with its reason', () => {
    const run: ApplyRun = { results: [{ ...failed, step: { ...step, address: 'ou:/A' }, message: 'boom' }, skipped, { ...ok, index: 2 }], allSucceeded: false };
    expect(renderApplySummaryText(run, 2500)).toBe(
      [
        'Apply stopped: 1 succeeded, 1 failed, 1 not run, in 2.5s.',
        '',
        'Failed:',
        '  createOrganizationalUnit ou:/A: boom',
        '',
        'Steps that succeeded stay done. Fix the cause and run apply again: it continues from the live state.',
        '',
      ].join('\n'),
    );
    expect(renderApplySummaryText({ results: [ok], allSucceeded: true }, 10)).toBe('Apply complete: 1 succeeded, 0 failed, 0 not run, in 10ms.\n');
  });
});
