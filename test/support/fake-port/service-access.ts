// Trusted access and delegated administrators in FakeAwsPort, with AWS's rules: management account only,
// all features only, the management account cannot be a delegated administrator, registering twice is
// AccountAlreadyRegisteredException, deregistering what is not registered AccountNotRegisteredException,
// and (as AWS does for most services) no delegated administrator without trusted access.

import type { OrganizationsPort } from '../../../src/aws/port.js';
import type { LiveDelegatedAdministrator } from '../../../src/model/live.js';
import type { FakeCaller } from './calls.js';
import { awsError } from './errors.js';
import type { FakeOrgTree } from './org-tree.js';

const PRINCIPAL = /^[\w+=,.@-]{1,128}$/;

export class FakeServiceAccessState {
  readonly enabled = new Set<string>();
  /** Account ID → the service principals it administers. */
  readonly delegations = new Map<string, Set<string>>();

  delegationList(): LiveDelegatedAdministrator[] {
    return [...this.delegations].flatMap(([accountId, principals]) => [...principals].map((principal) => ({ principal, accountId })));
  }
}

export type ServiceAccessMethods = Pick<
  OrganizationsPort,
  | 'listAwsServiceAccess'
  | 'listDelegatedAdministrators'
  | 'listDelegatedServicesForAccount'
  | 'enableAwsServiceAccess'
  | 'disableAwsServiceAccess'
  | 'registerDelegatedAdministrator'
  | 'deregisterDelegatedAdministrator'
>;

export function fakeServiceAccess(tree: FakeOrgTree, state: FakeServiceAccessState, call: FakeCaller<OrganizationsPort>): ServiceAccessMethods {
  const allFeatures = (op: string): void => {
    tree.requireManagementCaller(op);
    if (tree.organization?.featureSet !== 'ALL') {
      throw awsError(op, 'constraint', 'ConstraintViolationException', 'This operation requires the organization to have all features enabled.', 'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE');
    }
  };
  const principal = (op: string, value: string): void => {
    if (!PRINCIPAL.test(value)) throw awsError(op, 'invalidInput', 'InvalidInputException', 'You specified an unrecognized service principal.', 'UNRECOGNIZED_SERVICE_PRINCIPAL');
  };
  const member = (op: string, accountId: string): void => {
    if (!tree.accounts.has(accountId)) throw awsError(op, 'notFound', 'AccountNotFoundException', `We can't find an AWS account with the AccountId ${accountId}.`);
  };
  return {
    listAwsServiceAccess: () =>
      call('listAwsServiceAccess', [], () => {
        tree.requireManagementCaller('ListAWSServiceAccessForOrganization');
        return [...state.enabled];
      }),

    listDelegatedAdministrators: () =>
      call('listDelegatedAdministrators', [], () => {
        tree.requireManagementCaller('ListDelegatedAdministrators');
        return [...state.delegations.keys()];
      }),

    listDelegatedServicesForAccount: (accountId) =>
      call('listDelegatedServicesForAccount', [accountId], () => {
        const op = 'ListDelegatedServicesForAccount';
        tree.requireManagementCaller(op);
        member(op, accountId);
        const services = state.delegations.get(accountId);
        if (!services) throw awsError(op, 'notFound', 'AccountNotRegisteredException', 'The specified account is not a delegated administrator for this AWS service.');
        return [...services];
      }),

    enableAwsServiceAccess: (servicePrincipal) =>
      call('enableAwsServiceAccess', [servicePrincipal], () => {
        const op = 'EnableAWSServiceAccess';
        allFeatures(op);
        principal(op, servicePrincipal);
        state.enabled.add(servicePrincipal);
      }),

    disableAwsServiceAccess: (servicePrincipal) =>
      call('disableAwsServiceAccess', [servicePrincipal], () => {
        const op = 'DisableAWSServiceAccess';
        allFeatures(op);
        principal(op, servicePrincipal);
        state.enabled.delete(servicePrincipal);
      }),

    registerDelegatedAdministrator: (accountId, servicePrincipal) =>
      call('registerDelegatedAdministrator', [accountId, servicePrincipal], () => {
        const op = 'RegisterDelegatedAdministrator';
        allFeatures(op);
        principal(op, servicePrincipal);
        member(op, accountId);
        if (accountId === tree.organization?.managementAccountId) {
          throw awsError(op, 'constraint', 'ConstraintViolationException', 'You cannot register the management account as a delegated administrator.', 'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR');
        }
        if (!state.enabled.has(servicePrincipal)) {
          throw awsError(op, 'constraint', 'ConstraintViolationException', `Trusted access is not enabled for ${servicePrincipal}.`, 'SERVICE_ACCESS_NOT_ENABLED');
        }
        const services = state.delegations.get(accountId) ?? new Set<string>();
        if (services.has(servicePrincipal)) throw awsError(op, 'alreadyExists', 'AccountAlreadyRegisteredException', 'The specified account is already a delegated administrator for this AWS service.');
        services.add(servicePrincipal);
        state.delegations.set(accountId, services);
      }),

    deregisterDelegatedAdministrator: (accountId, servicePrincipal) =>
      call('deregisterDelegatedAdministrator', [accountId, servicePrincipal], () => {
        const op = 'DeregisterDelegatedAdministrator';
        allFeatures(op);
        principal(op, servicePrincipal);
        member(op, accountId);
        const services = state.delegations.get(accountId);
        if (!services?.has(servicePrincipal)) throw awsError(op, 'notFound', 'AccountNotRegisteredException', 'The specified account is not a delegated administrator for this AWS service.');
        services.delete(servicePrincipal);
        if (services.size === 0) state.delegations.delete(accountId);
      }),
  };
}
