// The steps of the service-access kind: trusted access for AWS services and their delegated administrators.

import type { StepBase } from '../../model/plan.js';

export interface ServicePrincipalSpec {
  /** e.g. "sso.amazonaws.com". */
  readonly servicePrincipal: string;
}

export interface DelegatedAdministratorSpec extends ServicePrincipalSpec {
  /** The member account that administers the service for the organization. */
  readonly accountId: string;
}

/** Organizations EnableAWSServiceAccess. */
export interface EnableServiceAccessStep extends StepBase {
  readonly kind: 'enableServiceAccess';
  readonly before: null;
  readonly after: ServicePrincipalSpec;
}

/** Organizations DisableAWSServiceAccess: only with options.pruneTrustedServices. */
export interface DisableServiceAccessStep extends StepBase {
  readonly kind: 'disableServiceAccess';
  readonly before: ServicePrincipalSpec;
  readonly after: null;
}

/** Organizations RegisterDelegatedAdministrator. */
export interface RegisterDelegatedAdministratorStep extends StepBase {
  readonly kind: 'registerDelegatedAdministrator';
  readonly before: null;
  readonly after: DelegatedAdministratorSpec;
}

/** Organizations DeregisterDelegatedAdministrator. */
export interface DeregisterDelegatedAdministratorStep extends StepBase {
  readonly kind: 'deregisterDelegatedAdministrator';
  readonly before: DelegatedAdministratorSpec;
  readonly after: null;
}

export type ServiceAccessStep = EnableServiceAccessStep | DisableServiceAccessStep | RegisterDelegatedAdministratorStep | DeregisterDelegatedAdministratorStep;
