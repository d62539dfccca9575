// The plan comment's hidden record, the markers keyed by file, and the comparison of step keys.

import { describe, expect, it } from 'vitest';
import { markedOutdated, OUTDATED_MARKER } from '../../src/action/outdated-plans.js';
import { applyMarker, compareStepKeys, findReviewedPlan, parseReviewedPlanRecord, planMarker, reviewedPlanRecord } from '../../src/action/reviewed-plan.js';
import { GITHUB_ACTIONS_BOT } from '../../src/action/token-identity.js';
import { GITHUB_COMMENT_LIMIT } from '../../src/render/plan-markdown.js';

const DIGEST = 'd'.repeat(64);
const COMMIT = 'a'.repeat(40);
const key = (n: number): string => n.toString(16).padStart(12, '0');

describe('the reviewed-plan record', () => {
  it('reads back what it wrote, and records no step keys for a plan too large to list', () => {
    const plan = { digest: DIGEST, commit: COMMIT, stepKeys: [key(1), key(2)] };
    expect(parseReviewedPlanRecord(`<!-- orgctl:plan -->\n\n${reviewedPlanRecord(plan)}\n\n### orgctl plan`)).toEqual(plan);
    expect(parseReviewedPlanRecord(`<!-- orgctl:plan -->\n\n${reviewedPlanRecord({ ...plan, stepKeys: [] })}`)).toEqual({ ...plan, stepKeys: [] });
    const large = Array.from({ length: 401 }, (_, i) => key(i));
    expect(parseReviewedPlanRecord(`<!-- orgctl:plan -->\n\n${reviewedPlanRecord({ ...plan, stepKeys: large })}`)).toEqual({ ...plan, stepKeys: undefined });
  });

  it('reads the record only from the line after the marker, not from the plan below it', () => {
    const record = reviewedPlanRecord({ digest: DIGEST, commit: COMMIT, stepKeys: [] });
    expect(parseReviewedPlanRecord(`<!-- orgctl:plan -->\n\n### orgctl plan: has errors\n\n${record}`)).toBeUndefined();
  });

  it('finds only the record in the comment for its own file, written by its own identity', () => {
    const body = (marker: string) => `${marker}\n\n${reviewedPlanRecord({ digest: DIGEST, commit: COMMIT, stepKeys: [] })}`;
    const mallory = { login: 'mallory', type: 'User' };
    expect(findReviewedPlan([{ id: 1, body: body(planMarker('org.yaml')), author: mallory }], GITHUB_ACTIONS_BOT, 'org.yaml')).toBeUndefined();
    expect(findReviewedPlan([{ id: 1, body: body(planMarker('teams/org.yaml')), author: GITHUB_ACTIONS_BOT }], GITHUB_ACTIONS_BOT, 'org.yaml')).toBeUndefined();
    expect(findReviewedPlan([{ id: 1, body: body(planMarker('org.yaml')), author: GITHUB_ACTIONS_BOT }], GITHUB_ACTIONS_BOT, 'org.yaml')?.digest).toBe(DIGEST);
  });
});

describe('markers', () => {
  it('keep the plain marker for org.yaml and name any other file so that it cannot close the HTML comment', () => {
    expect(planMarker('org.yaml')).toBe('<!-- orgctl:plan -->');
    expect(applyMarker('org.yaml')).toBe('<!-- orgctl:apply -->');
    expect(planMarker('teams/org.yaml')).toBe('<!-- orgctl:plan file=teams%2Forg.yaml -->');
    expect(planMarker('a --> b.yaml')).toBe('<!-- orgctl:plan file=a%20--%3E%20b.yaml -->');
    // One file's marker is not the start of another's.
    expect(planMarker('org.yaml.bak').startsWith(planMarker('org.yaml'))).toBe(false);
  });
});

describe('compareStepKeys', () => {
  it('counts steps as a multiset: added by index in the new plan, removed by number', () => {
    const reviewed = { digest: DIGEST, commit: COMMIT, stepKeys: [key(1), key(2), key(2), key(3)] };
    expect(compareStepKeys(reviewed, [key(2), key(1), key(4), key(2)])).toEqual({ added: [2], removed: 1 });
    expect(compareStepKeys({ ...reviewed, stepKeys: undefined }, [key(1)])).toBeUndefined();
  });
});

describe('markedOutdated', () => {
  it('puts the callout after the hidden lines, once, and stays under GitHub\'s limit', () => {
    const body = `<!-- orgctl:plan -->\n\n<!-- orgctl:reviewed-plan x -->\n\n### orgctl plan\n\n${'line\n'.repeat(20_000)}`;
    const marked = markedOutdated(body, 'main');
    expect(marked.startsWith('<!-- orgctl:plan -->\n\n<!-- orgctl:reviewed-plan x -->\n\n<!-- orgctl:outdated -->\n\n> [!IMPORTANT]\n> **Outdated:** `main` changed after this plan')).toBe(true);
    expect(marked.split(OUTDATED_MARKER)).toHaveLength(2);
    expect(marked.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(marked).toContain('### orgctl plan');
  });
});
