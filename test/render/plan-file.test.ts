// The plan file: serialize → parse round-trips, and every way a file can be wrong gets a located error.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.js';
import { planOrg } from '../../src/planner/index.js';
import { parsePlanFile, serializePlan } from '../../src/render/plan-file.js';
import { desiredOrgs, liveOrgs } from '../planner/arbitraries.js';
import { aDesiredOrg, aLiveOrg, FAKE_INPUTS, theRepositoryOrg } from '../support/builders.js';

function driftPlan(): Plan {
  const desired = aDesiredOrg()
    .withOu('/Prod', { renamedFrom: 'Production' })
    .withAccount('111111111111', '/Prod', { name: 'other name', at: { line: 4, column: 7 } })
    .withAccount('333333333333', '/Prod')
    .withBudget({ name: 'monthly', amount: 20, notifications: [{ threshold: 90, emails: ['new@example.com'] }] })
    .withOptions({ pruneOrganizationalUnits: true, pruneBudgets: true })
    .build();
  const live = aLiveOrg()
    .withOu('/Production')
    .withOu('/Legacy')
    .withAccount('111111111111', '/Legacy', { name: 'prod' })
    .withBudget({ name: 'monthly', amount: 10, tags: 'managed', notifications: [{ threshold: 80, emails: ['old@example.com'] }] })
    .withBudget({ name: 'old', tags: 'managed', amount: null })
    .build();
  return planOrg(desired, live, FAKE_INPUTS);
}

describe('plan file round trip', () => {
  it('serializes every step kind and parses back to the same value', () => {
    const plans = [driftPlan(), planOrg(theRepositoryOrg().build(), aLiveOrg().withoutOrganization().build(), FAKE_INPUTS)];
    const kinds = new Set(plans.flatMap((p) => p.steps.map((s) => s.kind)));
    expect(kinds.size).toBeGreaterThanOrEqual(10);
    for (const plan of plans) {
      const text = serializePlan(plan);
      expect(JSON.parse(text)).toEqual(plan);
      expect(parsePlanFile(text, 'plan.json')).toEqual({ ok: true, value: plan });
    }
  });

  it('round-trips any plan the planner makes (property)', () => {
    fc.assert(
      fc.property(desiredOrgs, liveOrgs, (desired, live) => {
        const plan = planOrg(desired, live, FAKE_INPUTS);
        const text = serializePlan(plan);
        expect(JSON.parse(text)).toEqual(plan);
        const parsed = parsePlanFile(text, 'plan.json');
        expect(parsed).toEqual({ ok: true, value: plan });
      }),
      { numRuns: 100 },
    );
  });
});

describe('parsePlanFile refuses what is not a valid plan, saying where', () => {
  const valid = serializePlan(driftPlan());
  const errorsOf = (text: string) => {
    const result = parsePlanFile(text, 'plan.json');
    if (result.ok) throw new Error('expected errors');
    return result.errors;
  };

  it('an empty file', () => {
    expect(errorsOf('  \n')).toEqual([
      { severity: 'error', file: 'plan.json', message: 'the plan file is empty; write one with `orgctl plan --out <file>`.' },
    ]);
  });

  it('JSON that does not parse, with its position', () => {
    const [error] = errorsOf('{\n  "version": 1,\n  "steps": [,]\n}');
    expect(error?.message).toMatch(/^not a plan file: the JSON does not parse/);
    expect(error?.position).toEqual({ line: 3, column: 13 });
  });

  it.each([
    ['{"a": tru}', { line: 1, column: 7 }],
    ['{"a": 1', { line: 1, column: 8 }],
    ['{"a": 1} x', { line: 1, column: 10 }],
    ['{\n  "a": "line\nbreak"}', { line: 2, column: 13 }],
    ['{"a": [1, 2,]}', { line: 1, column: 13 }],
  ])('locates the syntax error in %j', (text, position) => {
    expect(errorsOf(text)[0]?.position).toEqual(position);
  });

  it('a value that is not an object', () => {
    expect(errorsOf('[1, 2]')[0]?.message).toBe('not a plan file: expected a JSON object written by `orgctl plan --out`.');
  });

  it('a version 1 plan (made by an older orgctl, OU paths instead of references) says to plan again', () => {
    const [error] = errorsOf(valid.replace('"version": 2', '"version": 1'));
    expect(error).toEqual({
      severity: 'error',
      file: 'plan.json',
      message:
        'this plan file is in format version 1, made by an older orgctl; this orgctl reads version 2 only. ' +
        'Run `orgctl plan` again (`orgctl plan --out <file>`) and apply the new plan.',
      position: { line: 2, column: 14 },
      pointer: '/version',
    });
  });

  it('a parent that is not a reference to the root or an OU', () => {
    const plan = JSON.parse(serializePlan(planOrg(theRepositoryOrg().build(), aLiveOrg().withoutOrganization().build(), FAKE_INPUTS))) as {
      steps: { kind: string; after: Record<string, unknown> }[];
    };
    const createOu = plan.steps.findIndex((step) => step.kind === 'createOrganizationalUnit');
    plan.steps[createOu]!.after['parent'] = { type: 'ou', path: '/' };
    expect(errorsOf(JSON.stringify(plan, null, 2)).map((e) => e.pointer)).toContain(`/steps/${createOu}/after/parent`);
    plan.steps[createOu]!.after['parent'] = '/';
    expect(errorsOf(JSON.stringify(plan, null, 2)).map((e) => e.pointer)).toContain(`/steps/${createOu}/after/parent`);
  });

  it('another format version, before anything else is checked', () => {
    const [error] = errorsOf(valid.replace('"version": 2', '"version": 3'));
    expect(error).toEqual({
      severity: 'error',
      file: 'plan.json',
      message: 'plan format version 3 is not supported: this orgctl reads version 2. Make the plan again with this orgctl (`orgctl plan --out <file>`).',
      position: { line: 2, column: 14 },
      pointer: '/version',
    });
    expect(errorsOf('{"steps": []}')[0]?.message).toMatch(/^plan format version missing is not supported/);
  });

  it('an unknown step kind (the union is closed)', () => {
    const errors = errorsOf(valid.replace('"kind": "renameOrganizationalUnit"', '"kind": "renameEverything"'));
    expect(errors).toEqual([
      {
        severity: 'error',
        file: 'plan.json',
        message: 'invalid plan file: /steps/0/kind is "renameEverything", not a step kind this orgctl knows.',
        position: { line: 4, column: 5 },
        pointer: '/steps/0',
      },
    ]);
  });

  it('unknown, missing and mistyped fields', () => {
    const plan = JSON.parse(valid) as { steps: Record<string, unknown>[]; inputs: Record<string, unknown> };
    plan.steps[0]!['extra'] = true;
    delete plan.steps[1]!['reason'];
    plan.steps[2]!['dependsOn'] = ['0'];
    plan.inputs['orgYamlSha256'] = 'not-a-hash';
    const messages = errorsOf(JSON.stringify(plan, null, 2)).map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'invalid plan file: /steps/0 has an unknown field "extra".',
        'invalid plan file: /steps/1 is missing the field "reason".',
        'invalid plan file: /steps/2/dependsOn/0 must be integer.',
        'invalid plan file: /inputs/orgYamlSha256 must match pattern "^[0-9a-f]{64}$".',
      ]),
    );
  });

  it('a step that depends on a later one', () => {
    const plan = JSON.parse(valid) as { steps: { dependsOn: number[] }[] };
    plan.steps[0]!.dependsOn = [3];
    const [error] = errorsOf(JSON.stringify(plan, null, 2));
    expect(error).toMatchObject({ message: 'invalid plan file: step 0 depends on step 3, which does not come before it.', pointer: '/steps/0/dependsOn' });
    expect(error?.position?.line).toBeGreaterThan(1);
  });

  it('reports at most 20 problems and counts the rest', () => {
    const plan = JSON.parse(valid) as { steps: Record<string, unknown>[] };
    plan.steps = Array.from({ length: 30 }, () => ({ kind: 'createBudget' }));
    const errors = errorsOf(JSON.stringify(plan));
    expect(errors).toHaveLength(21);
    expect(errors[20]?.message).toMatch(/^invalid plan file: \d+ more problems not shown\.$/);
  });
});
