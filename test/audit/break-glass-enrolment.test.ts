// A break-glass user orgctl created (tagged) with no MFA device yet fails with the exact steps to enrol
// one (console and CLI) and to set the console password orgctl did not; one orgctl did not create keeps the
// general message; once enrolled it passes; when GetUser is denied the general check still runs.

import { describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../src/audit/build-audit-report.js';
import type { BreakGlassObservation, Observation } from '../../src/audit/audit-input.js';
import type { IamUser } from '../../src/model/security.js';
import { BREAK_GLASS_USER_TAGS } from '../../src/model/break-glass.js';
import { ACCOUNT, anAuditInput, checkById, denied, failed, ok } from './support.js';

const ORGCTL_USER = ok({ userName: 'break-glass', arn: `arn:aws:iam::${ACCOUNT}:user/break-glass`, tags: { ...BREAK_GLASS_USER_TAGS } });
const SOMEONE_ELSES = ok({ userName: 'break-glass', arn: `arn:aws:iam::${ACCOUNT}:user/break-glass`, tags: { owner: 'ops' } });

function withUser(user: Partial<BreakGlassObservation>) {
  const base = anAuditInput();
  return checkById(buildAuditReport({ ...base, breakGlassUsers: [{ ...base.breakGlassUsers[0]!, ...user }] }), 'break-glass-user:break-glass');
}

describe('a break-glass user orgctl created, awaiting its MFA device', () => {
  it('is a required failure that says exactly what to do', () => {
    const check = withUser({ mfaDevices: ok([]), user: ORGCTL_USER });
    expect(check).toMatchObject({ status: 'fail', severity: 'required', reason: expect.stringMatching(/^IAM user break-glass was created by orgctl and has no MFA device yet/) });
    const remedy = check.remedy ?? '';
    expect(remedy).toContain('IAM → Users → break-glass → Security credentials → Assign MFA device');
    expect(remedy).toContain('aws iam create-virtual-mfa-device --virtual-mfa-device-name break-glass-mfa');
    expect(remedy).toContain(`aws iam enable-mfa-device --user-name break-glass --serial-number arn:aws:iam::${ACCOUNT}:mfa/break-glass-mfa`);
    expect(remedy).toContain('aws iam create-login-profile --user-name break-glass');
    expect(remedy).toMatch(/no password and no access keys/);
    expect(remedy).toContain('docs/root-credentials.md');
  });

  it('passes once a device is enrolled', () => {
    expect(withUser({ user: ORGCTL_USER }).status).toBe('pass');
  });

  it("a user orgctl did not create, or whose GetUser was denied, gets the general message", () => {
    const deniedUser: Observation<IamUser> = failed(denied('GetUser', 'iam:GetUser'));
    for (const user of [SOMEONE_ELSES, deniedUser]) {
      expect(withUser({ mfaDevices: ok([]), user })).toMatchObject({ status: 'fail', reason: 'IAM user break-glass has no MFA device.' });
    }
  });

  it('with an access key added since, the general message lists every problem', () => {
    const check = withUser({ mfaDevices: ok([]), user: ORGCTL_USER, accessKeys: ok([{ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', status: 'Active', createdAt: 0 }]) });
    expect(check.reason).toMatch(/has no MFA device; has an active access key/);
  });
});
