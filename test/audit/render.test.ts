// The audit rendered: alone (orgctl audit) and as the first section of a plan (text, markdown),
// failures first and impossible to miss, counted in the summary line, values escaped.

import { describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../src/audit/build-audit-report.js';
import { renderAuditMarkdown } from '../../src/audit/render-audit-markdown.js';
import { renderAuditText } from '../../src/audit/render-audit-text.js';
import { auditSummaryLine } from '../../src/audit/summarize-audit.js';
import type { Plan } from '../../src/model/plan.js';
import { planSummaryLine } from '../../src/render/describe-step.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { anAuditInput, awsFailure, failed, ok, SECURE_ROOT } from './support.js';

const failing = buildAuditReport(
  anAuditInput({
    rootCredentials: ok({ ...SECURE_ROOT, mfaEnabled: false }),
    identityCenter: { region: 'eu-west-1', instances: failed(awsFailure('ListInstances', 'sso:ListInstances', 'AccessDeniedException', { denied: true })) },
    organizationsFeatures: ok({ organizationId: 'o-1', enabledFeatures: [] }),
  }),
);
const passing = buildAuditReport(anAuditInput());

const plan = (audit?: Plan['audit']): Plan => ({
  version: 2,
  steps: [{ kind: 'createOrganizationalUnit', address: 'ou:/Sandbox', reason: 'not in the live organization', before: null, after: { path: '/Sandbox', name: 'Sandbox', parent: { type: 'root' } }, dependsOn: [] }],
  warnings: [],
  errors: [],
  inputs: { orgYamlSha256: 'a'.repeat(64), liveStateSha256: 'b'.repeat(64) },
  ...(audit && { audit }),
});

describe('the audit in a terminal', () => {
  it('lists failures first with reason and remedy, then checks that could not run, recommendations, passes; the summary line last', () => {
    const text = renderAuditText(failing, { color: false });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('Root credentials (account 111111111111)');
    expect(lines[1]).toBe('  FAIL  Root user has an MFA device');
    expect(lines[2]).toBe('      The root user has no MFA device.');
    expect(lines[3]).toMatch(/^ {6}→ Sign in as the root user and add an MFA device/);
    expect(lines[4]).toBe('  CANNOT CHECK  IAM Identity Center has an instance (org.yaml:6:1)');
    expect(lines[5]).toBe('      AWS denied ListInstances: the credentials lack sso:ListInstances.');
    expect(text).toMatch(/ {2}RECOMMENDED {2}Centralized root access for member accounts\n/);
    expect(text).toMatch(/ {2}pass {2}Root user has no access keys\n/);
    expect(text).toContain('see docs/root-credentials.md');
    expect(lines.at(-1)).toBe('Audit: 1 required check FAILED, 1 recommendation, 1 could not be checked, 4 passed.');
  });

  it('paints failures bold red only when asked', () => {
    expect(renderAuditText(failing, { color: true })).toContain('\u001b[1m\u001b[31mFAIL\u001b[0m');
    expect(renderAuditText(failing, { color: false })).not.toContain('\u001b');
  });

  it('names the file the user gave in positions', () => {
    expect(renderAuditText(failing, { color: false, sourceFile: 'infra/org.yaml' })).toContain('(infra/org.yaml:6:1)');
  });

  it('cannot be made to move the cursor or forge lines by values from AWS', () => {
    const hostile = { ...passing, accountId: '111\u001b[2J111111', checks: [{ ...passing.checks[0]!, status: 'fail' as const, reason: 'evil\nFAIL  forged', remedy: '\u202eok' }] };
    const text = renderAuditText(hostile, { color: false });
    expect(text).not.toMatch(/\u001b|\u202e/);
    expect(text).toContain('evil\\nFAIL  forged');
  });

  it('says all passed when all did', () => {
    expect(auditSummaryLine(passing)).toBe('Audit: all 7 checks passed.');
  });
});

describe('the audit in markdown', () => {
  it('puts failed required checks in a CAUTION alert and the rest in a WARNING alert, passes folded', () => {
    const md = renderAuditMarkdown(failing);
    expect(md.startsWith('#### Root credentials (account 111111111111)\n\n**Audit: 1 required check FAILED')).toBe(true);
    const caution = md.indexOf('> [!CAUTION]');
    const warning = md.indexOf('> [!WARNING]');
    expect(caution).toBeGreaterThan(0);
    expect(warning).toBeGreaterThan(caution);
    expect(md).toContain('> **1 required root-credential check failed.** The plan can still be applied; fix this first.');
    expect(md).toMatch(/> - \*\*Root user has an MFA device\*\* \(FAIL\): The root user has no MFA device\\\. \*\*Do:\*\* Sign in/);
    expect(md).toContain('<details><summary>4 checks passed</summary>');
    expect(md).toMatch(/docs\/root\\-credentials\\\.md/);
  });

  it('has no alerts when everything passed', () => {
    expect(renderAuditMarkdown(passing)).not.toMatch(/\[!CAUTION\]|\[!WARNING\]/);
  });

  it('escapes values so they cannot format, link or mention', () => {
    const hostile = { ...passing, checks: [{ ...passing.checks[0]!, status: 'fail' as const, reason: '[click](http://evil) @team <b>x</b>' }] };
    const md = renderAuditMarkdown(hostile);
    expect(md).not.toContain('[click](http://evil)');
    expect(md).not.toContain('<b>');
    expect(md).toContain('@\u200bteam');
  });
});

describe('a plan with an audit', () => {
  it('text: the audit is the first section, and the summary line counts it', () => {
    const text = renderPlanText(plan(failing), { color: false });
    expect(text.startsWith('Root credentials (account 111111111111)\n  FAIL  Root user has an MFA device\n')).toBe(true);
    expect(text.indexOf('Organizational units')).toBeGreaterThan(text.indexOf('Audit: '));
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'Plan: 1 to create, 0 to update, 0 to delete. Audit: 1 required check FAILED, 1 recommendation, 1 could not be checked, 4 passed.',
    );
  });

  it('markdown (the PR comment): title, then the audit, then the plan', () => {
    const md = renderPlanMarkdown(plan(failing));
    const order = ['### orgctl plan', '#### Root credentials', '> [!CAUTION]', '#### Changes', '**Plan: 1 to create, 0 to update, 0 to delete. Audit: 1 required check FAILED', '```diff'].map((s) => md.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('markdown: the audit stays whole when the comment must be cut to fit', () => {
    const big: Plan = { ...plan(failing), steps: Array.from({ length: 400 }, (_, i) => ({ ...plan().steps[0]!, address: `ou:/Sandbox${i}` })) };
    const md = renderPlanMarkdown(big, { maxLength: 8000 });
    expect(md.length).toBeLessThanOrEqual(8000);
    expect(md).toContain('> [!CAUTION]');
    expect(md).toContain('not shown');
  });

  it('without an audit, renders exactly as before (the plan-only summary line for the Action output)', () => {
    expect(renderPlanText(plan(), { color: false })).not.toContain('Root credentials');
    expect(planSummaryLine(plan(failing))).toBe('Plan: 1 to create, 0 to update, 0 to delete.');
  });
});
