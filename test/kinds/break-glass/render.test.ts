// The createBreakGlassUser step in the PR comment and the terminal (snapshots), in its own group.

import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/model/plan.js';
import { BREAK_GLASS_USER_TAGS } from '../../../src/model/break-glass.js';
import { planOrg } from '../../../src/planner/index.js';
import { renderPlanMarkdown } from '../../../src/render/plan-markdown.js';
import { renderPlanText } from '../../../src/render/plan-text.js';
import { FAKE_INPUTS } from '../../support/builders.js';
import { breakGlassWorld } from './world.js';

function breakGlassPlan(): Plan {
  const { desired, live } = breakGlassWorld(
    [{ name: 'break-glass', create: true }, { name: 'second-way-in', create: true }],
    [{ name: 'break-glass', user: null }, { name: 'second-way-in', user: { tags: { ...BREAK_GLASS_USER_TAGS }, attachedPolicies: [] } }],
  );
  return planOrg(desired, live, FAKE_INPUTS);
}

describe('break-glass steps, rendered', () => {
  it('in the PR comment', async () => {
    const markdown = renderPlanMarkdown(breakGlassPlan());
    await expect(markdown).toMatchFileSnapshot('./__snapshots__/break-glass-plan.md');
    expect(markdown).toContain('Break-glass users');
    expect(markdown).toContain('**Plan: 2 to create, 0 to update, 0 to delete.**');
  });

  it('in the terminal', async () => {
    const text = renderPlanText(breakGlassPlan(), { color: false });
    await expect(text).toMatchFileSnapshot('./__snapshots__/break-glass-plan.txt');
    expect(text).toContain('IAM user break-glass with AdministratorAccess; no password, no access keys');
    expect(text).toContain('attach AdministratorAccess to IAM user second-way-in (created by an earlier apply)');
  });
});
