// The Organizations side of the SDK port: the tree, policies and tags (reads), and the tree's writes.

import {
  CloseAccountCommand,
  CreateAccountCommand,
  type CreateAccountStatus as SdkCreateAccountStatus,
  CreateOrganizationalUnitCommand,
  DescribeCreateAccountStatusCommand,
  ListCreateAccountStatusCommand,
  CreateOrganizationCommand,
  DeleteOrganizationalUnitCommand,
  DeregisterDelegatedAdministratorCommand,
  DescribeOrganizationCommand,
  DisableAWSServiceAccessCommand,
  EnableAWSServiceAccessCommand,
  ListAWSServiceAccessForOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  ListDelegatedServicesForAccountCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  AttachPolicyCommand,
  CreatePolicyCommand,
  DeletePolicyCommand,
  DescribePolicyCommand,
  DetachPolicyCommand,
  EnablePolicyTypeCommand,
  ListPoliciesCommand,
  UpdatePolicyCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  ListTargetsForPolicyCommand,
  MoveAccountCommand,
  RegisterDelegatedAdministratorCommand,
  UpdateOrganizationalUnitCommand,
  DescribeAccountCommand,
  ListParentsCommand,
  DescribeOrganizationalUnitCommand,
  ListPoliciesForTargetCommand,
} from '@aws-sdk/client-organizations';
import { AwsCallError, isAwsCallError } from '../errors.js';
import { PAGE_SIZES } from '../page-sizes.js';
import type { CreateAccountState, CreateAccountStatus, OrganizationsPort, PolicyType } from '../ports/organizations.js';
import type { AdapterContext } from './adapter-context.js';
import { toAccountSummary, toOrganization, toOuSummary, toPolicySummary, toPolicyTarget, toRoot } from './shapes.js';

export function organizationsAdapter({ clients, call, list }: AdapterContext): OrganizationsPort {
  const organizations = clients.organizations;
  const service = 'organizations';
  const pageSize = PAGE_SIZES.organizations;
  return {
    async describeOrganization() {
      try {
        const out = await call(service, 'DescribeOrganization', () => organizations.send(new DescribeOrganizationCommand({})));
        return out.Organization ? toOrganization(out.Organization) : null;
      } catch (error) {
        if (isAwsCallError(error, 'notInUse')) return null;
        throw error;
      }
    },

    async listRoots() {
      const roots = await list({
        service,
        operation: 'ListRoots',
        pageSize,
        send: (NextToken, MaxResults) => organizations.send(new ListRootsCommand({ MaxResults, NextToken })),
        page: (out) => ({ items: out.Roots, nextToken: out.NextToken }),
      });
      return roots.map(toRoot);
    },

    async listOrganizationalUnitsForParent(parentId) {
      const ous = await list({
        service,
        operation: 'ListOrganizationalUnitsForParent',
        pageSize,
        send: (NextToken, MaxResults) => organizations.send(new ListOrganizationalUnitsForParentCommand({ ParentId: parentId, MaxResults, NextToken })),
        page: (out) => ({ items: out.OrganizationalUnits, nextToken: out.NextToken }),
      });
      return ous.map(toOuSummary);
    },

    async listAccountsForParent(parentId) {
      const accounts = await list({
        service,
        operation: 'ListAccountsForParent',
        pageSize,
        send: (NextToken, MaxResults) => organizations.send(new ListAccountsForParentCommand({ ParentId: parentId, MaxResults, NextToken })),
        page: (out) => ({ items: out.Accounts, nextToken: out.NextToken }),
      });
      return accounts.map(toAccountSummary);
    },

    async listPolicies(policyType) {
      const policies = await list({
        service,
        operation: 'ListPolicies',
        pageSize,
        send: (NextToken, MaxResults) => organizations.send(new ListPoliciesCommand({ Filter: policyType, MaxResults, NextToken })),
        page: (out) => ({ items: out.Policies, nextToken: out.NextToken }),
      });
      return policies.map((p) => toPolicySummary(p, policyType));
    },

    async listTargetsForPolicy(policyId) {
      const targets = await list({
        service,
        operation: 'ListTargetsForPolicy',
        pageSize,
        send: (NextToken, MaxResults) => organizations.send(new ListTargetsForPolicyCommand({ PolicyId: policyId, MaxResults, NextToken })),
        page: (out) => ({ items: out.Targets, nextToken: out.NextToken }),
      });
      return targets.map(toPolicyTarget);
    },

    async listResourceTags(resourceId) {
      const tags = await list({
        service,
        operation: 'ListTagsForResource',
        // No MaxResults on this operation: AWS picks the page size.
        pageSize: undefined,
        send: (NextToken) => organizations.send(new ListTagsForResourceCommand({ ResourceId: resourceId, NextToken })),
        page: (out) => ({ items: out.Tags, nextToken: out.NextToken }),
      });
      return Object.fromEntries(tags.map((t) => [t.Key ?? '', t.Value ?? '']));
    },

    async createOrganization(featureSet) {
      const out = await call(service, 'CreateOrganization', () => organizations.send(new CreateOrganizationCommand({ FeatureSet: featureSet })));
      if (!out.Organization) throw new AwsCallError('CreateOrganization', 'other', 'MissingOrganization', 'the response described no organization');
      return toOrganization(out.Organization);
    },

    async createOrganizationalUnit(parentId, name, tags = {}) {
      const wireTags = toWireTags(tags);
      const out = await call(service, 'CreateOrganizationalUnit', () =>
        organizations.send(new CreateOrganizationalUnitCommand({ ParentId: parentId, Name: name, ...(wireTags.length > 0 && { Tags: wireTags }) })),
      );
      if (!out.OrganizationalUnit) throw new AwsCallError('CreateOrganizationalUnit', 'other', 'MissingOrganizationalUnit', 'the response described no OU');
      return toOuSummary(out.OrganizationalUnit);
    },

    async renameOrganizationalUnit(ouId, name) {
      await call(service, 'UpdateOrganizationalUnit', () => organizations.send(new UpdateOrganizationalUnitCommand({ OrganizationalUnitId: ouId, Name: name })));
    },

    async deleteOrganizationalUnit(ouId) {
      await call(service, 'DeleteOrganizationalUnit', () => organizations.send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: ouId })));
    },

    async moveAccount(accountId, sourceParentId, destinationParentId) {
      await call(service, 'MoveAccount', () =>
        organizations.send(new MoveAccountCommand({ AccountId: accountId, SourceParentId: sourceParentId, DestinationParentId: destinationParentId })),
      );
    },

    async tagResource(resourceId, tags) {
      await call(service, 'TagResource', () => organizations.send(new TagResourceCommand({ ResourceId: resourceId, Tags: toWireTags(tags) })));
    },

    async untagResource(resourceId, keys) {
      await call(service, 'UntagResource', () => organizations.send(new UntagResourceCommand({ ResourceId: resourceId, TagKeys: [...keys] })));
    },
    async createAccount(request) {
      const tags = Object.entries(request.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
      const out = await call(service, 'CreateAccount', () =>
        organizations.send(
          new CreateAccountCommand({
            Email: request.email,
            AccountName: request.accountName,
            ...(request.roleName !== undefined && { RoleName: request.roleName }),
            ...(request.iamUserAccessToBilling !== undefined && { IamUserAccessToBilling: request.iamUserAccessToBilling }),
            ...(tags.length > 0 && { Tags: tags }),
          }),
        ),
      );
      return toCreateAccountStatus('CreateAccount', out.CreateAccountStatus);
    },

    async describeCreateAccountStatus(requestId) {
      const out = await call(service, 'DescribeCreateAccountStatus', () =>
        organizations.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: requestId })),
      );
      return toCreateAccountStatus('DescribeCreateAccountStatus', out.CreateAccountStatus);
    },

    async listCreateAccountStatus(states) {
      const statuses = await list({
        service,
        operation: 'ListCreateAccountStatus',
        pageSize,
        send: (NextToken, MaxResults) => organizations.send(new ListCreateAccountStatusCommand({ States: [...states], MaxResults, NextToken })),
        page: (out) => ({ items: out.CreateAccountStatuses, nextToken: out.NextToken }),
      });
      return statuses.map((s) => toCreateAccountStatus('ListCreateAccountStatus', s));
    },

    async closeAccount(accountId) {
      await call(service, 'CloseAccount', () => organizations.send(new CloseAccountCommand({ AccountId: accountId })));
    },

    async describePolicy(policyId) {
      const out = await call(service, 'DescribePolicy', () => organizations.send(new DescribePolicyCommand({ PolicyId: policyId })));
      const summary = out.Policy?.PolicySummary;
      if (!summary) throw new AwsCallError('DescribePolicy', 'other', 'MissingPolicy', 'the response described no policy');
      return { ...toPolicySummary(summary, summary.Type as PolicyType), description: summary.Description ?? '', content: out.Policy?.Content ?? '' };
    },

    async createPolicy(policy, tags) {
      const out = await call(service, 'CreatePolicy', () =>
        organizations.send(
          new CreatePolicyCommand({
            Name: policy.name,
            Type: policy.type,
            Description: policy.description,
            Content: policy.content,
            Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
          }),
        ),
      );
      const summary = out.Policy?.PolicySummary;
      if (!summary) throw new AwsCallError('CreatePolicy', 'other', 'MissingPolicy', 'the response described no policy');
      return toPolicySummary(summary, policy.type);
    },

    async updatePolicy(policyId, change) {
      await call(service, 'UpdatePolicy', () =>
        organizations.send(new UpdatePolicyCommand({ PolicyId: policyId, Description: change.description, Content: change.content })),
      );
    },

    async deletePolicy(policyId) {
      await call(service, 'DeletePolicy', () => organizations.send(new DeletePolicyCommand({ PolicyId: policyId })));
    },

    async attachPolicy(policyId, targetId) {
      await call(service, 'AttachPolicy', () => organizations.send(new AttachPolicyCommand({ PolicyId: policyId, TargetId: targetId })));
    },

    async detachPolicy(policyId, targetId) {
      await call(service, 'DetachPolicy', () => organizations.send(new DetachPolicyCommand({ PolicyId: policyId, TargetId: targetId })));
    },

    async enablePolicyType(rootId, policyType) {
      await call(service, 'EnablePolicyType', () => organizations.send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: policyType })));
    },
    async listAwsServiceAccess() {
      const enabled = await list({
        service,
        operation: 'ListAWSServiceAccessForOrganization',
        pageSize,
        send: (NextToken, MaxResults) => organizations.send(new ListAWSServiceAccessForOrganizationCommand({ MaxResults, NextToken })),
        page: (out) => ({ items: out.EnabledServicePrincipals, nextToken: out.NextToken }),
      });
      return enabled.flatMap((e) => (e.ServicePrincipal ? [e.ServicePrincipal] : []));
    },

    async listDelegatedAdministrators() {
      const admins = await list({
        service,
        operation: 'ListDelegatedAdministrators',
        pageSize,
        send: (NextToken, MaxResults) => organizations.send(new ListDelegatedAdministratorsCommand({ MaxResults, NextToken })),
        page: (out) => ({ items: out.DelegatedAdministrators, nextToken: out.NextToken }),
      });
      return admins.flatMap((a) => (a.Id ? [a.Id] : []));
    },

    async listDelegatedServicesForAccount(accountId) {
      const services = await list({
        service,
        operation: 'ListDelegatedServicesForAccount',
        pageSize,
        send: (NextToken, MaxResults) => organizations.send(new ListDelegatedServicesForAccountCommand({ AccountId: accountId, MaxResults, NextToken })),
        page: (out) => ({ items: out.DelegatedServices, nextToken: out.NextToken }),
      });
      return services.flatMap((s) => (s.ServicePrincipal ? [s.ServicePrincipal] : []));
    },

    async enableAwsServiceAccess(servicePrincipal) {
      await call(service, 'EnableAWSServiceAccess', () => organizations.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: servicePrincipal })));
    },

    async disableAwsServiceAccess(servicePrincipal) {
      await call(service, 'DisableAWSServiceAccess', () => organizations.send(new DisableAWSServiceAccessCommand({ ServicePrincipal: servicePrincipal })));
    },

    async registerDelegatedAdministrator(accountId, servicePrincipal) {
      await call(service, 'RegisterDelegatedAdministrator', () =>
        organizations.send(new RegisterDelegatedAdministratorCommand({ AccountId: accountId, ServicePrincipal: servicePrincipal })),
      );
    },

    async deregisterDelegatedAdministrator(accountId, servicePrincipal) {
      await call(service, 'DeregisterDelegatedAdministrator', () =>
        organizations.send(new DeregisterDelegatedAdministratorCommand({ AccountId: accountId, ServicePrincipal: servicePrincipal })),
      );
    },

    async describeAccount(accountId) {
      const out = await call(service, 'DescribeAccount', () => organizations.send(new DescribeAccountCommand({ AccountId: accountId })));
      if (!out.Account) throw new AwsCallError('DescribeAccount', 'other', 'MissingAccount', 'the response described no account');
      return toAccountSummary(out.Account);
    },

    async listParents(childId) {
      const parents = await list({
        service,
        operation: 'ListParents',
        pageSize,
        send: (NextToken, MaxResults) => organizations.send(new ListParentsCommand({ ChildId: childId, MaxResults, NextToken })),
        page: (out) => ({ items: out.Parents, nextToken: out.NextToken }),
      });
      return parents.map((p) => ({ id: p.Id ?? '', type: p.Type === 'ROOT' || (p.Type === undefined && (p.Id ?? '').startsWith('r-')) ? ('ROOT' as const) : ('ORGANIZATIONAL_UNIT' as const) }));
    },

    async describeOrganizationalUnit(ouId) {
      const out = await call(service, 'DescribeOrganizationalUnit', () => organizations.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ouId })));
      if (!out.OrganizationalUnit) throw new AwsCallError('DescribeOrganizationalUnit', 'other', 'MissingOrganizationalUnit', 'the response described no OU');
      return toOuSummary(out.OrganizationalUnit);
    },

    async listPoliciesForTarget(targetId, policyType) {
      const policies = await list({
        service,
        operation: 'ListPoliciesForTarget',
        pageSize,
        send: (NextToken, MaxResults) => organizations.send(new ListPoliciesForTargetCommand({ TargetId: targetId, Filter: policyType, MaxResults, NextToken })),
        page: (out) => ({ items: out.Policies, nextToken: out.NextToken }),
      });
      return policies.map((p) => toPolicySummary(p, policyType));
    },
  };
}

function toCreateAccountStatus(operation: string, status: SdkCreateAccountStatus | undefined): CreateAccountStatus {
  if (!status?.Id) throw new AwsCallError(operation, 'other', 'MissingCreateAccountStatus', 'the response described no account creation request');
  return {
    requestId: status.Id,
    accountName: status.AccountName ?? '',
    state: (status.State ?? 'IN_PROGRESS') as CreateAccountState,
    ...(status.AccountId !== undefined && { accountId: status.AccountId }),
    ...(status.FailureReason !== undefined && { failureReason: status.FailureReason }),
  };
}

function toWireTags(tags: Readonly<Record<string, string>>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}
