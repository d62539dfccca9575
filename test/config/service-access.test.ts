// org.yaml's trustedServices and delegatedAdministrators: how they normalize (absent stays absent,
// one account or a list), and what validate refuses (a misspelled principal, with the closest one AWS
// knows; the management account as an administrator) or only warns about (an unknown principal, an
// account org.yaml does not place).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { serviceAccessWarnings } from '../../src/config/rules/service-access.js';
import { desiredOf, problemsOf, yamlDoc } from './support.js';

const file = (organizationLines: readonly string[], optionLines: readonly string[] = []): string =>
  yamlDoc(
    'version: 1',
    'organization:',
    '  managementAccountId: "123456789012"',
    ...organizationLines,
    'root:',
    '  accounts: ["333333333333"]',
    ...(optionLines.length > 0 ? ['options:', ...optionLines] : []),
  );

describe('normalization', () => {
  it('absent sections stay absent, and the prune options are not set', () => {
    const desired = desiredOf(file([]));
    expect(desired.trustedServices).toBeUndefined();
    expect(desired.delegatedAdministrators).toBeUndefined();
    expect(desired.options.pruneTrustedServices).toBeUndefined();
  });

  it('reads services in order, one account or a list, with positions, and the prune options', () => {
    const desired = desiredOf(
      file(
        [
          '  trustedServices: [sso.amazonaws.com, securityhub.amazonaws.com]',
          '  delegatedAdministrators:',
          '    securityhub.amazonaws.com: "333333333333"',
          '    config-multiaccountsetup.amazonaws.com: ["333333333333", "444444444444"]',
        ],
        ['  pruneTrustedServices: true', '  pruneDelegatedAdministrators: false'],
      ),
    );
    expect(desired.trustedServices).toEqual([
      { principal: 'sso.amazonaws.com', at: { line: 4, column: 21 } },
      { principal: 'securityhub.amazonaws.com', at: { line: 4, column: 40 } },
    ]);
    expect(desired.delegatedAdministrators).toEqual([
      { principal: 'securityhub.amazonaws.com', accountIds: ['333333333333'], at: { line: 6, column: 5 } },
      { principal: 'config-multiaccountsetup.amazonaws.com', accountIds: ['333333333333', '444444444444'], at: { line: 7, column: 5 } },
    ]);
    expect(desired.options).toMatchObject({ pruneTrustedServices: true, pruneDelegatedAdministrators: false });
  });

  it('empty sections mean "none": trustedServices: [] and delegatedAdministrators: {}', () => {
    const desired = desiredOf(file(['  trustedServices: []', '  delegatedAdministrators: {}']));
    expect(desired.trustedServices).toEqual([]);
    expect(desired.delegatedAdministrators).toEqual([]);
  });
});

describe('validate', () => {
  it('a misspelled service principal is an error naming the closest one AWS knows', () => {
    expect(problemsOf(file(['  trustedServices: [securtyhub.amazonaws.com]']))).toEqual([
      { line: 4, column: 21, message: '"securtyhub.amazonaws.com" in organization.trustedServices is not a service principal AWS knows; did you mean "securityhub.amazonaws.com"?' },
    ]);
    expect(problemsOf(file(['  delegatedAdministrators:', '    guarduty.amazonaws.com: "333333333333"']))).toEqual([
      { line: 5, column: 5, message: expect.stringContaining('did you mean "guardduty.amazonaws.com"?') },
    ]);
  });

  it('a principal in capitals or without .amazonaws.com is refused by the schema', () => {
    expect(problemsOf(file(['  trustedServices: [SSO.amazonaws.com]']))[0]?.message).toContain('lower case and ends in .amazonaws.com');
    expect(problemsOf(file(['  trustedServices: [sso]']))[0]?.message).toContain('lower case and ends in .amazonaws.com');
  });

  it('the management account as a delegated administrator is an error (AWS refuses it)', () => {
    expect(problemsOf(file(['  delegatedAdministrators:', '    securityhub.amazonaws.com: ["333333333333", "123456789012"]']))).toEqual([
      {
        line: 5,
        column: 5,
        message:
          'the management account 123456789012 cannot be a delegated administrator of securityhub.amazonaws.com (AWS refuses it): name a member account, such as a security tooling account.',
      },
    ]);
  });

  it('an unknown principal far from any known one, and an account not placed in root:, are warnings only', () => {
    const text = file(['  trustedServices: [brand-new-service.amazonaws.com]', '  delegatedAdministrators:', '    sso.amazonaws.com: "555555555555"']);
    expect(problemsOf(text)).toEqual([]);
    expect(serviceAccessWarnings(desiredOf(text), 'org.yaml').map((w) => [w.severity, w.position?.line, w.message])).toEqual([
      ['warning', 4, expect.stringContaining('"brand-new-service.amazonaws.com" in organization.trustedServices is not a service principal orgctl knows')],
      ['warning', 6, expect.stringContaining('delegated administrator 555555555555 of sso.amazonaws.com is not placed in root:')],
    ]);
    expect(serviceAccessWarnings(desiredOf(file(['  trustedServices: [sso.amazonaws.com]'])), 'org.yaml')).toEqual([]);
  });
});

describe('orgctl validate prints the warnings, and the file stays valid', () => {
  it('warnings on stderr as file:line:col: warning: ..., exit 0, the summary on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgctl-validate-sa-'));
    try {
      writeFileSync(join(dir, 'org.yaml'), file(['  delegatedAdministrators:', '    sso.amazonaws.com: "555555555555"']));
      let stdout = '';
      let stderr = '';
      const code = await runCli(['validate'], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd: dir });
      expect(code).toBe(0);
      expect(stderr).toBe('org.yaml:5:5: warning: delegated administrator 555555555555 of sso.amazonaws.com is not placed in root: (it may be an unlisted account; the plan checks that it is in the organization).\n');
      expect(stdout).toMatch(/^org\.yaml is valid: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
