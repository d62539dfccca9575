// The break-glass kind: the IAM user org.yaml asks orgctl to create (security.breakGlassUsers with
// `create: true`), the way in when single sign-on fails. Its names live in `security:`, which the
// audit's normalize reads (src/config/normalize-security.ts) and src/config/write-org-yaml.ts writes.

import type { ResourceKind } from '../kind.js';
import { createBreakGlassUser } from './execute.js';
import { planBreakGlassUsers } from './plan.js';
import { readBreakGlassUsers } from './read.js';
import type { BreakGlassStep } from './steps.js';

export const breakGlassKind: ResourceKind<BreakGlassStep['kind'], 'breakGlassUsers'> = {
  name: 'break-glass users',
  groups: ['Break-glass users'],
  plan: planBreakGlassUsers,
  read: readBreakGlassUsers,
  // Import reads no IAM users: the audit's names are written as org.yaml has them, never created.
  importDesired: () => ({ desired: {}, leftOut: {}, counts: {} }),
  orgYamlSection: () => [],
  liveFields: ['breakGlassUsers'],
  // Only when read (some user has `create: true`), so plans of other files hash as before.
  fingerprint: (live) =>
    live.breakGlassUsers
      ? {
          breakGlassUsers: [...live.breakGlassUsers]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((u) => ({ name: u.name, user: u.user && { orgctl: u.user.attachedPolicies !== undefined, attachedPolicies: u.user.attachedPolicies ?? null }, unreadable: u.readError !== undefined })),
        }
      : {},
  steps: {
    createBreakGlassUser: {
      group: 'Break-glass users',
      action: 'create',
      describe: ({ before, after }) => ({
        details: [
          before === null
            ? `IAM user ${after.userName} with ${policyName(after.policyArn)}; no password, no access keys`
            : `attach ${policyName(after.policyArn)} to IAM user ${after.userName} (created by an earlier apply)`,
          `tags: ${Object.entries(after.tags).map(([key, value]) => `${key}=${value}`).join(', ')}`,
          'then a person enrols its MFA device (docs/root-credentials.md); the audit fails until then',
        ],
      }),
      execute: createBreakGlassUser,
    },
  },
};

/** "AdministratorAccess" from its ARN. */
function policyName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}
