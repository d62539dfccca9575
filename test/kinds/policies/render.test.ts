// How plans show policy steps: each changed document as a list of JSON changes (path: before → after),
// the accounts beneath each attachment change, and names and descriptions from users that cannot
// inject anything into the PR comment.

import { describe, expect, it } from 'vitest';
import { parseOrgYaml } from '../../../src/config/parse-org-yaml.js';
import type { LivePolicy } from '../../../src/model/live.js';
import { planOrg } from '../../../src/planner/index.js';
import { renderPlanMarkdown } from '../../../src/render/plan-markdown.js';
import { renderPlanText } from '../../../src/render/plan-text.js';
import { aLiveOrgMatching, FAKE_INPUTS, MANAGEMENT_ACCOUNT_ID, ROOT_ID } from '../../support/builders.js';

const HOSTILE_NAME = 'x```</details><img src=x onerror=alert(1)> @octocat #1 | a |';
const HOSTILE_DESCRIPTION = '[click](https://evil.example) @everyone\n```\n# heading';
const MEMBER = '210987654321';

function policyPlan() {
  const parsed = parseOrgYaml(
    [
      'version: 1',
      'organization:',
      `  managementAccountId: "${MANAGEMENT_ACCOUNT_ID}"`,
      'policies:',
      '  Regions:',
      '    description: EU only',
      '    document: { Version: "2012-10-17", Statement: [{ Effect: Deny, Action: "*", Resource: "*", Condition: { StringNotEquals: { "aws:RequestedRegion": [eu-west-1, eu-central-1] } } }] }',
      `  ${JSON.stringify(HOSTILE_NAME)}:`,
      `    description: ${JSON.stringify(HOSTILE_DESCRIPTION)}`,
      '    type: TAG_POLICY',
      '    document: { tags: { team: { tag_key: { "@@assign": Team } } } }',
      'root:',
      '  policies: [FullAWSAccess]',
      `  accounts: ["${MANAGEMENT_ACCOUNT_ID}"]`,
      '  organizationalUnits:',
      '    Workloads:',
      `      policies: [FullAWSAccess, Regions, ${JSON.stringify(HOSTILE_NAME)}]`,
      `      accounts: ["${MEMBER}", "210987654322"]`,
      '',
    ].join('\n'),
    'org.yaml',
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const desired = parsed.value;
  const builder = aLiveOrgMatching(desired);
  const live = builder.build();
  const regions: LivePolicy = {
    id: 'p-regions1',
    name: 'Regions',
    type: 'SERVICE_CONTROL_POLICY',
    awsManaged: false,
    description: 'EU and US',
    content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] } } }] }),
    targets: [],
  };
  const full: LivePolicy = { id: 'p-FullAWSAccess', name: 'FullAWSAccess', type: 'SERVICE_CONTROL_POLICY', awsManaged: true, description: '', targets: [ROOT_ID, builder.ouId('/Workloads'), MANAGEMENT_ACCOUNT_ID, MEMBER, '210987654322'] };
  return planOrg(desired, { ...live, policies: { enabledTypes: ['SERVICE_CONTROL_POLICY'], readTypes: ['SERVICE_CONTROL_POLICY'], policies: [full, regions] } }, FAKE_INPUTS);
}

describe('policy steps in rendered plans', () => {
  const plan = policyPlan();

  it('show the document changes by JSON path and the accounts beneath each attachment', async () => {
    const text = renderPlanText(plan, { color: false });
    expect(text).toContain('/Statement/0/Condition/StringNotEquals/aws:RequestedRegion/1: "us-east-1" → "eu-central-1"');
    expect(text).toContain('description: "EU and US" → "EU only"');
    expect(text).toContain('SERVICE_CONTROL_POLICY; effective policies change for 2 accounts beneath');
    await expect(text).toMatchFileSnapshot('./__snapshots__/policy-plan.txt');
  });

  it('cannot inject HTML, mentions, links or fences into the PR comment', async () => {
    const markdown = renderPlanMarkdown(plan);
    await expect(markdown).toMatchFileSnapshot('./__snapshots__/policy-plan.md');
    const lines = markdown.split('\n');
    const fence = lines.find((l) => /^`{3,}diff$/.test(l))!.replace('diff', '');
    const inside = lines.slice(lines.findIndex((l) => /^`{3,}diff$/.test(l)) + 1);
    const code = inside.slice(0, inside.indexOf(fence));
    for (const line of code) expect(line).toMatch(/^[#+!-] /);
    const prose = lines.filter((l) => !code.includes(l)).join('\n');
    expect(prose).not.toMatch(/<img/);
    expect(prose).not.toMatch(/@(?!\u200b)octocat/);
  });
});
