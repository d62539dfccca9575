// The service-access kind: trusted access for AWS services and their delegated administrators.
// One kind rather than two because their steps are ordered against each other (plan.ts): a kind's
// steps can only wait for its own, and registering waits for enabling while disabling waits for
// deregistering, so neither order of two kinds would do.

import { ignoring } from '../ignoring.js';
import type { ResourceKind } from '../kind.js';
import { importServiceAccess } from './import.js';
import { normalizeServiceAccess } from './normalize.js';
import { planServiceAccess } from './plan.js';
import { disableAdvice, enableAdvice } from './principals.js';
import { readServiceAccessSlice } from './read.js';
import type { ServiceAccessStep } from './steps.js';

const TRUSTED = 'Trusted access';
const DELEGATED = 'Delegated administrators';

export const serviceAccessKind: ResourceKind<ServiceAccessStep['kind'], 'trustedServices' | 'delegatedAdministrators'> = {
  name: 'service access',
  groups: [TRUSTED, DELEGATED],
  normalize: normalizeServiceAccess,
  plan: planServiceAccess,
  read: readServiceAccessSlice,
  importDesired: importServiceAccess,
  // Written inside `organization:` by the organization kind's section (src/kinds/organization/write-yaml.ts).
  orgYamlSection: () => [],
  liveFields: ['trustedServices', 'delegatedAdministrators'],
  // Only what was read (org.yaml manages it), so plans of files without these sections hash as before.
  fingerprint: (live) => ({
    ...(live.trustedServices !== undefined && { trustedServices: [...live.trustedServices].sort() }),
    ...(live.delegatedAdministrators !== undefined && {
      delegatedAdministrators: live.delegatedAdministrators.map((d) => `${d.principal}/${d.accountId}`).sort(),
    }),
  }),
  steps: {
    enableServiceAccess: {
      group: TRUSTED,
      action: 'create',
      describe: (step) => ({ title: `trusted access for ${step.after.servicePrincipal}`, details: [enableAdvice(step.after.servicePrincipal)] }),
      // Enabling an enabled service succeeds in AWS: nothing to ignore.
      execute: (step, { port }) => port.enableAwsServiceAccess(step.after.servicePrincipal),
    },
    disableServiceAccess: {
      group: TRUSTED,
      action: 'delete',
      describe: (step) => ({ title: `trusted access for ${step.before.servicePrincipal}`, details: [disableAdvice(step.before.servicePrincipal)] }),
      // Disabling a disabled service succeeds in AWS as well.
      execute: (step, { port }) => port.disableAwsServiceAccess(step.before.servicePrincipal),
    },
    registerDelegatedAdministrator: {
      group: DELEGATED,
      action: 'create',
      describe: (step) => ({ title: `account ${step.after.accountId} administers ${step.after.servicePrincipal}`, details: [] }),
      // AccountAlreadyRegisteredException: a retried run finds it done.
      execute: (step, { port }) => ignoring('alreadyExists', () => port.registerDelegatedAdministrator(step.after.accountId, step.after.servicePrincipal)),
    },
    deregisterDelegatedAdministrator: {
      group: DELEGATED,
      action: 'delete',
      describe: (step) => ({ title: `account ${step.before.accountId} administers ${step.before.servicePrincipal}`, details: [] }),
      // AccountNotRegisteredException (or the account is gone): nothing left to deregister.
      execute: (step, { port }) => ignoring('notFound', () => port.deregisterDelegatedAdministrator(step.before.accountId, step.before.servicePrincipal)),
    },
  },
};
