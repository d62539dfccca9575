// A break-glass user orgctl created (security.breakGlassUsers with `create: true`, tagged by orgctl) that
// has no MFA device yet: orgctl made it without a password or keys, so it is useless, and a risk, until a
// person enrols its MFA device. The failure says exactly how, in the console and with the CLI, and that the
// console password the runbook's sign-in needs (docs/root-credentials.md) is theirs to set too.

import type { AuditCheck } from '../../model/audit.js';
import { isOrgctlBreakGlassUser } from '../../model/break-glass.js';
import type { BreakGlassObservation } from '../audit-input.js';
import { checkResult, type CheckIdentity } from './cannot-check.js';

/** The failure for an orgctl-created user without MFA; undefined when that is not the case (or not known). */
export function orgctlUserAwaitingMfa(user: BreakGlassObservation, identity: CheckIdentity, accountId: string): AuditCheck | undefined {
  if (!user.mfaDevices.ok || user.mfaDevices.value.length > 0) return undefined;
  if (user.user === undefined || !user.user.ok || !isOrgctlBreakGlassUser(user.user.value.tags)) return undefined;
  const name = user.name;
  const device = `${name}-mfa`;
  return checkResult(
    identity,
    'fail',
    `IAM user ${name} was created by orgctl and has no MFA device yet: until one is enrolled it is not a usable way in, only an administrator account waiting for credentials.`,
    [
      `Enrol its MFA device now. Sign in to account ${accountId} as an administrator (through Identity Center) or, if nothing else works, as root; open IAM → Users → ${name} → Security credentials → Assign MFA device, and choose a hardware key (or passkey) that will be kept offline.`,
      `With the CLI instead: aws iam create-virtual-mfa-device --virtual-mfa-device-name ${device} --outfile ${device}.png --bootstrap-method QRCodePNG, scan the image, then aws iam enable-mfa-device --user-name ${name} --serial-number arn:aws:iam::${accountId}:mfa/${device} --authentication-code1 <code> --authentication-code2 <next code>, and delete ${device}.png.`,
      `orgctl gave it no password and no access keys. The break-glass sign-in in docs/root-credentials.md is a console password plus MFA, so set its password in the same place (Console access → Enable) or with aws iam create-login-profile --user-name ${name} --password <password>, keep it offline apart from the MFA device, and never create access keys for it.`,
      'Then run orgctl audit again.',
    ].join(' '),
  );
}
