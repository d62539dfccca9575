// The PR-comment rendering of a plan: snapshots, hostile names and the size limit.

import { describe, expect, it } from 'vitest';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { planOrg } from '../../src/planner/index.js';
import { aDesiredOrg, aLiveOrg, aLiveOrgMatching, FAKE_INPUTS } from '../support/builders.js';
import { bootstrapPlan, driftPlan, hostilePlan, hugePlan } from './plans.js';

/** The markdown outside fenced code blocks (where markdown, HTML and mentions are live). */
function outsideCode(markdown: string): string {
  const kept: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^(`{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) fence = marker;
    else if (fence !== undefined && line.trim() === fence) fence = undefined;
    else if (fence === undefined) kept.push(line);
  }
  expect(fence, 'every code fence is closed').toBeUndefined();
  return kept.join('\n');
}

/** Lines inside fenced code blocks. */
function insideCode(markdown: string): string[] {
  const inside: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^(`{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) fence = marker;
    else if (fence !== undefined && line.trim() === fence) fence = undefined;
    else if (fence !== undefined) inside.push(line);
  }
  return inside;
}

describe('renderPlanMarkdown', () => {
  it('renders the bootstrap plan', async () => {
    await expect(renderPlanMarkdown(bootstrapPlan())).toMatchFileSnapshot('./__snapshots__/bootstrap-plan.md');
  });

  it('renders drift with the summary first and errors and warnings as alerts before the steps', async () => {
    const markdown = renderPlanMarkdown(driftPlan(), { title: '## Plan for `org.yaml`', footer: '<!-- orgctl:plan -->' });
    await expect(markdown).toMatchFileSnapshot('./__snapshots__/drift-plan.md');
    const lines = markdown.split('\n');
    expect(lines.slice(0, 3)).toEqual(['## Plan for `org.yaml`', '', '**Plan: 3 to create, 5 to update, 3 to delete.**']);
    expect(markdown.indexOf('[!CAUTION]')).toBeLessThan(markdown.indexOf('[!WARNING]'));
    expect(markdown.indexOf('[!WARNING]')).toBeLessThan(markdown.indexOf('```diff'));
    expect(markdown.endsWith('<!-- orgctl:plan -->\n')).toBe(true);
    for (const line of insideCode(markdown)) expect(line).toMatch(/^[#+!-] /);
  });

  it('says so when nothing changes', () => {
    const desired = aDesiredOrg().withOu('/A').build();
    expect(renderPlanMarkdown(planOrg(desired, aLiveOrgMatching(desired).build(), FAKE_INPUTS))).toBe(
      '### orgctl plan\n\n**No changes. The organization matches org.yaml.**\n',
    );
  });

  it('folds long step lists and long warning lists in <details>', () => {
    const markdown = renderPlanMarkdown(hugePlan(25));
    expect(markdown).toContain('<details><summary>Show 25 steps</summary>\n\n```diff\n# Accounts\n');
    const desired = aDesiredOrg().build();
    const live = aLiveOrg();
    for (let i = 0; i < 11; i++) live.withOu(`/Stray${i}`);
    const warned = renderPlanMarkdown(planOrg(desired, live.build(), FAKE_INPUTS));
    expect(warned).toContain('> [!WARNING]\n> **11 warnings**, listed below.\n\n<details><summary>Show 11 warnings</summary>\n\n- OU /Stray0 ');
  });

  describe('hostile names', () => {
    const markdown = renderPlanMarkdown(hostilePlan());

    it('match the snapshot', async () => {
      await expect(markdown).toMatchFileSnapshot('./__snapshots__/hostile-plan.md');
    });

    it('cannot inject HTML, links, formatting, mentions or issue references outside code', () => {
      const prose = outsideCode(markdown).replace(/^### orgctl plan\n/, '');
      expect(prose).not.toMatch(/<(?!details>|summary>|\/details>|\/summary>)[a-z/]/i);
      expect(prose).not.toMatch(/@(?!\u200b)/);
      expect(prose).not.toMatch(/#(?!\u200b)/);
      expect(prose).not.toMatch(/(?<!\\)\[click(?<!\\)\]/);
      expect(prose).not.toMatch(/(?<![\\\\])\*stars/);
      expect(prose).not.toMatch(/(?<!\\)`tick/);
      expect(prose).not.toMatch(/(?<!\\)\$x/);
      expect(prose).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
      expect(prose).toContain('@\u200boctocat #\u200b1 \\| a \\|');
    });

    it('cannot close the code fence or start a new line inside it', () => {
      const code = insideCode(markdown);
      expect(markdown).toContain('````diff\n');
      for (const line of code) expect(line).toMatch(/^[#+!-] /);
      expect(code.some((line) => line.includes('email @everyone\\n```\\n# heading'))).toBe(true);
      expect(markdown).not.toContain('\u202e');
      expect(markdown).not.toContain('\u001b');
    });
  });

  describe('size limit', () => {
    const plan = hugePlan(3000);

    it('stays under 65,536 characters and says how many steps were left out', () => {
      const markdown = renderPlanMarkdown(plan, { footer: '<!-- orgctl:plan -->' });
      expect(markdown.length).toBeLessThanOrEqual(65_536);
      expect(markdown.length).toBeGreaterThan(60_000);
      const shown = insideCode(markdown).filter((line) => line.startsWith('! account:')).length;
      expect(shown).toBeGreaterThan(100);
      expect(shown).toBeLessThan(3000);
      expect(markdown).toContain(
        `_${(3000 - shown).toLocaleString('en-US')} of 3,000 steps not shown: the comment is limited to 65,536 characters. ` +
          'The complete plan is in the plan file (`orgctl plan --format json`)._',
      );
      expect(markdown.startsWith('### orgctl plan\n\n**Plan: 0 to create, 3000 to update, 0 to delete.**\n')).toBe(true);
      expect(markdown.endsWith('</details>\n\n' + markdown.split('\n\n').at(-2) + '\n\n<!-- orgctl:plan -->\n')).toBe(true);
      outsideCode(markdown);
    });

    it('keeps errors and warnings before steps when space is short', () => {
      const desired = aDesiredOrg().withOu('/Target');
      const live = aLiveOrg().withOu('/Target').withOu('/Stray');
      for (let i = 0; i < 50; i++) {
        desired.withAccount(String(100000000000 + i), '/Target');
        live.withAccount(String(100000000000 + i), '/');
      }
      for (let i = 0; i < 5; i++) desired.withAccount(String(900000000000 + i), '/Target');
      const markdown = renderPlanMarkdown(planOrg(desired.build(), live.build(), FAKE_INPUTS), { maxLength: 2500 });
      expect(markdown.length).toBeLessThanOrEqual(2500);
      expect(markdown.match(/account 9000000000\d\d is declared/g)).toHaveLength(5);
      expect(markdown).toContain('OU /Stray is in the organization');
      expect(markdown).toMatch(/_\d+ of 50 steps not shown/);
    });

    it('cuts errors too when even they do not fit, saying how many', () => {
      const desired = aDesiredOrg();
      for (let i = 0; i < 200; i++) desired.withAccount(String(900000000000 + i));
      const markdown = renderPlanMarkdown(planOrg(desired.build(), aLiveOrg().build(), FAKE_INPUTS), { maxLength: 4000 });
      expect(markdown.length).toBeLessThanOrEqual(4000);
      expect(markdown).toMatch(/> - _… \d+ more errors not shown \(see `orgctl plan`\)\._/);
    });
  });
});
