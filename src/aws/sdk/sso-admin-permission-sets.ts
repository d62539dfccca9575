// The permission sets side of the SSO Admin adapter: one regional client per instance's region, every
// request through `call` (paced to Identity Center's collective rate, counted, retried, timed out by
// the client's request timeout) and every listing through `list`.

import type { PermissionsBoundary as SdkPermissionsBoundary } from '@aws-sdk/client-sso-admin';
import type { PermissionsBoundary, ProvisioningStatus } from '../../model/permission-sets.js';
import { isAwsCallError } from '../errors.js';
import { PAGE_SIZES } from '../page-sizes.js';
import type { SsoAdminPermissionSetsPort } from '../ports/sso-admin-permission-sets.js';
import type { AdapterContext } from './adapter-context.js';

export function ssoAdminPermissionSetsAdapter({ clients, call, list }: AdapterContext): SsoAdminPermissionSetsPort {
  const sso = async (region: string) => {
    const security = await clients.security();
    return { sdk: security.sdk, client: security.ssoAdmin(region) };
  };
  const send = <T>(operation: string, request: () => Promise<T>): Promise<T> => call('sso-admin', operation, request);
  return {
    async listPermissionSets({ region, instanceArn }) {
      const { sdk, client } = await sso(region);
      return list({
        service: 'sso-admin',
        operation: 'ListPermissionSets',
        pageSize: PAGE_SIZES.ssoAdminPermissionSets,
        send: (NextToken, MaxResults) => client.send(new sdk.ListPermissionSetsCommand({ InstanceArn: instanceArn, MaxResults, NextToken })),
        page: (out) => ({ items: out.PermissionSets, nextToken: out.NextToken }),
      });
    },
    async describePermissionSet({ region, instanceArn }, permissionSetArn) {
      const { sdk, client } = await sso(region);
      const out = await send('DescribePermissionSet', () => client.send(new sdk.DescribePermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn })));
      const set = out.PermissionSet ?? {};
      return { name: set.Name ?? '', description: set.Description || undefined, sessionDuration: set.SessionDuration ?? 'PT1H' };
    },
    async listManagedPoliciesInPermissionSet({ region, instanceArn }, permissionSetArn) {
      const { sdk, client } = await sso(region);
      const policies = await list({
        service: 'sso-admin',
        operation: 'ListManagedPoliciesInPermissionSet',
        pageSize: PAGE_SIZES.ssoAdminPermissionSets,
        send: (NextToken, MaxResults) =>
          client.send(new sdk.ListManagedPoliciesInPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn, MaxResults, NextToken })),
        page: (out) => ({ items: out.AttachedManagedPolicies, nextToken: out.NextToken }),
      });
      return policies.map((p) => p.Arn ?? '').filter((arn) => arn !== '');
    },
    async listCustomerManagedPolicyReferencesInPermissionSet({ region, instanceArn }, permissionSetArn) {
      const { sdk, client } = await sso(region);
      const refs = await list({
        service: 'sso-admin',
        operation: 'ListCustomerManagedPolicyReferencesInPermissionSet',
        pageSize: PAGE_SIZES.ssoAdminPermissionSets,
        send: (NextToken, MaxResults) =>
          client.send(new sdk.ListCustomerManagedPolicyReferencesInPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn, MaxResults, NextToken })),
        page: (out) => ({ items: out.CustomerManagedPolicyReferences, nextToken: out.NextToken }),
      });
      return refs.map((r) => ({ name: r.Name ?? '', path: r.Path ?? '/' }));
    },
    async getInlinePolicyForPermissionSet({ region, instanceArn }, permissionSetArn) {
      const { sdk, client } = await sso(region);
      const out = await send('GetInlinePolicyForPermissionSet', () =>
        client.send(new sdk.GetInlinePolicyForPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn })),
      );
      // AWS answers "" for a set without one.
      return out.InlinePolicy || undefined;
    },
    async getPermissionsBoundaryForPermissionSet({ region, instanceArn }, permissionSetArn) {
      const { sdk, client } = await sso(region);
      try {
        const out = await send('GetPermissionsBoundaryForPermissionSet', () =>
          client.send(new sdk.GetPermissionsBoundaryForPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn })),
        );
        return fromSdkBoundary(out.PermissionsBoundary);
      } catch (error) {
        // AWS's answer for a set without a boundary is ResourceNotFoundException.
        if (isAwsCallError(error, 'notFound')) return undefined;
        throw error;
      }
    },
    async listPermissionSetTags({ region, instanceArn }, permissionSetArn) {
      const { sdk, client } = await sso(region);
      const tags = await list({
        service: 'sso-admin',
        operation: 'ListTagsForResource',
        // ListTagsForResource takes no MaxResults: AWS picks the page size.
        pageSize: undefined,
        send: (NextToken) => client.send(new sdk.ListSsoAdminTagsCommand({ InstanceArn: instanceArn, ResourceArn: permissionSetArn, NextToken })),
        page: (out) => ({ items: out.Tags, nextToken: out.NextToken }),
      });
      return Object.fromEntries(tags.map((t) => [t.Key ?? '', t.Value ?? '']));
    },
    async listAccountsForProvisionedPermissionSet({ region, instanceArn }, permissionSetArn) {
      const { sdk, client } = await sso(region);
      return list({
        service: 'sso-admin',
        operation: 'ListAccountsForProvisionedPermissionSet',
        pageSize: PAGE_SIZES.ssoAdminPermissionSets,
        send: (NextToken, MaxResults) =>
          client.send(new sdk.ListAccountsForProvisionedPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn, MaxResults, NextToken })),
        page: (out) => ({ items: out.AccountIds, nextToken: out.NextToken }),
      });
    },
    async createPermissionSet({ region, instanceArn }, attributes, tags) {
      const { sdk, client } = await sso(region);
      const out = await send('CreatePermissionSet', () =>
        client.send(
          new sdk.CreatePermissionSetCommand({
            InstanceArn: instanceArn,
            Name: attributes.name,
            ...(attributes.description !== undefined && { Description: attributes.description }),
            SessionDuration: attributes.sessionDuration,
            Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
          }),
        ),
      );
      return out.PermissionSet?.PermissionSetArn ?? '';
    },
    async updatePermissionSet({ region, instanceArn }, permissionSetArn, changes) {
      const { sdk, client } = await sso(region);
      await send('UpdatePermissionSet', () =>
        client.send(
          new sdk.UpdatePermissionSetCommand({
            InstanceArn: instanceArn,
            PermissionSetArn: permissionSetArn,
            ...(changes.description !== undefined && { Description: changes.description }),
            ...(changes.sessionDuration !== undefined && { SessionDuration: changes.sessionDuration }),
          }),
        ),
      );
    },
    async deletePermissionSet({ region, instanceArn }, permissionSetArn) {
      const { sdk, client } = await sso(region);
      await send('DeletePermissionSet', () => client.send(new sdk.DeletePermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn })));
    },
    async attachManagedPolicyToPermissionSet({ region, instanceArn }, permissionSetArn, managedPolicyArn) {
      const { sdk, client } = await sso(region);
      await send('AttachManagedPolicyToPermissionSet', () =>
        client.send(new sdk.AttachManagedPolicyToPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn, ManagedPolicyArn: managedPolicyArn })),
      );
    },
    async detachManagedPolicyFromPermissionSet({ region, instanceArn }, permissionSetArn, managedPolicyArn) {
      const { sdk, client } = await sso(region);
      await send('DetachManagedPolicyFromPermissionSet', () =>
        client.send(new sdk.DetachManagedPolicyFromPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn, ManagedPolicyArn: managedPolicyArn })),
      );
    },
    async attachCustomerManagedPolicyReferenceToPermissionSet({ region, instanceArn }, permissionSetArn, policy) {
      const { sdk, client } = await sso(region);
      await send('AttachCustomerManagedPolicyReferenceToPermissionSet', () =>
        client.send(
          new sdk.AttachCustomerManagedPolicyReferenceToPermissionSetCommand({
            InstanceArn: instanceArn,
            PermissionSetArn: permissionSetArn,
            CustomerManagedPolicyReference: { Name: policy.name, Path: policy.path },
          }),
        ),
      );
    },
    async detachCustomerManagedPolicyReferenceFromPermissionSet({ region, instanceArn }, permissionSetArn, policy) {
      const { sdk, client } = await sso(region);
      await send('DetachCustomerManagedPolicyReferenceFromPermissionSet', () =>
        client.send(
          new sdk.DetachCustomerManagedPolicyReferenceFromPermissionSetCommand({
            InstanceArn: instanceArn,
            PermissionSetArn: permissionSetArn,
            CustomerManagedPolicyReference: { Name: policy.name, Path: policy.path },
          }),
        ),
      );
    },
    async putInlinePolicyToPermissionSet({ region, instanceArn }, permissionSetArn, inlinePolicy) {
      const { sdk, client } = await sso(region);
      await send('PutInlinePolicyToPermissionSet', () =>
        client.send(new sdk.PutInlinePolicyToPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn, InlinePolicy: inlinePolicy })),
      );
    },
    async deleteInlinePolicyFromPermissionSet({ region, instanceArn }, permissionSetArn) {
      const { sdk, client } = await sso(region);
      await send('DeleteInlinePolicyFromPermissionSet', () =>
        client.send(new sdk.DeleteInlinePolicyFromPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn })),
      );
    },
    async putPermissionsBoundaryToPermissionSet({ region, instanceArn }, permissionSetArn, boundary) {
      const { sdk, client } = await sso(region);
      await send('PutPermissionsBoundaryToPermissionSet', () =>
        client.send(
          new sdk.PutPermissionsBoundaryToPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn, PermissionsBoundary: toSdkBoundary(boundary) }),
        ),
      );
    },
    async deletePermissionsBoundaryFromPermissionSet({ region, instanceArn }, permissionSetArn) {
      const { sdk, client } = await sso(region);
      await send('DeletePermissionsBoundaryFromPermissionSet', () =>
        client.send(new sdk.DeletePermissionsBoundaryFromPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn })),
      );
    },
    async tagPermissionSet({ region, instanceArn }, permissionSetArn, tags) {
      const { sdk, client } = await sso(region);
      await send('TagResource', () =>
        client.send(
          new sdk.TagSsoAdminResourceCommand({ InstanceArn: instanceArn, ResourceArn: permissionSetArn, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }),
        ),
      );
    },
    async untagPermissionSet({ region, instanceArn }, permissionSetArn, tagKeys) {
      const { sdk, client } = await sso(region);
      await send('UntagResource', () => client.send(new sdk.UntagSsoAdminResourceCommand({ InstanceArn: instanceArn, ResourceArn: permissionSetArn, TagKeys: [...tagKeys] })));
    },
    async provisionPermissionSet({ region, instanceArn }, permissionSetArn) {
      const { sdk, client } = await sso(region);
      const out = await send('ProvisionPermissionSet', () =>
        client.send(new sdk.ProvisionPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn, TargetType: 'ALL_PROVISIONED_ACCOUNTS' })),
      );
      return out.PermissionSetProvisioningStatus?.RequestId ?? '';
    },
    async describePermissionSetProvisioningStatus({ region, instanceArn }, requestId): Promise<ProvisioningStatus> {
      const { sdk, client } = await sso(region);
      const out = await send('DescribePermissionSetProvisioningStatus', () =>
        client.send(new sdk.DescribePermissionSetProvisioningStatusCommand({ InstanceArn: instanceArn, ProvisionPermissionSetRequestId: requestId })),
      );
      const status = out.PermissionSetProvisioningStatus;
      if (status?.Status === 'FAILED') return { status: 'FAILED', failureReason: status.FailureReason };
      if (status?.Status === 'SUCCEEDED') return { status: 'SUCCEEDED' };
      return { status: 'IN_PROGRESS' };
    },
  };
}

function toSdkBoundary(boundary: PermissionsBoundary): SdkPermissionsBoundary {
  return 'managedPolicyArn' in boundary
    ? { ManagedPolicyArn: boundary.managedPolicyArn }
    : { CustomerManagedPolicyReference: { Name: boundary.customerManagedPolicy.name, Path: boundary.customerManagedPolicy.path } };
}

function fromSdkBoundary(boundary: SdkPermissionsBoundary | undefined): PermissionsBoundary | undefined {
  if (boundary?.ManagedPolicyArn) return { managedPolicyArn: boundary.ManagedPolicyArn };
  const ref = boundary?.CustomerManagedPolicyReference;
  if (ref?.Name) return { customerManagedPolicy: { name: ref.Name, path: ref.Path ?? '/' } };
  return undefined;
}
