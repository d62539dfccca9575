// The IAM side of the SDK port (the root-credential audit). Its client and commands load on first
// use (security-sdk.ts), so they are named through `sdk.` here.

import { PAGE_SIZES } from '../page-sizes.js';
import type { IamPort } from '../ports/iam.js';
import type { AdapterContext } from './adapter-context.js';
import { toAccessKeyMetadata, toIamUser, toMfaDevice, toOrganizationsFeatures, toRootCredentialSummary } from './security-shapes.js';

export function iamAdapter({ clients, call, list }: AdapterContext): IamPort {
  const service = 'iam';
  return {
    async getRootCredentialSummary() {
      const { iam, sdk } = await clients.security();
      const out = await call(service, 'GetAccountSummary', () => iam.send(new sdk.GetAccountSummaryCommand({})));
      return toRootCredentialSummary(out.SummaryMap);
    },

    async listOrganizationsFeatures() {
      const { iam, sdk } = await clients.security();
      const out = await call(service, 'ListOrganizationsFeatures', () => iam.send(new sdk.ListOrganizationsFeaturesCommand({})));
      return { organizationId: out.OrganizationId ?? '', enabledFeatures: toOrganizationsFeatures(out.EnabledFeatures) };
    },

    async listMfaDevices(userName) {
      const { iam, sdk } = await clients.security();
      const devices = await list({
        service,
        operation: 'ListMFADevices',
        pageSize: PAGE_SIZES.iam,
        send: (Marker, MaxItems) => iam.send(new sdk.ListMFADevicesCommand({ UserName: userName, MaxItems, Marker })),
        // IAM pages with Marker while IsTruncated.
        page: (out) => ({ items: out.MFADevices, nextToken: out.IsTruncated ? out.Marker : undefined }),
      });
      return devices.map(toMfaDevice);
    },

    async listAccessKeys(userName) {
      const { iam, sdk } = await clients.security();
      const keys = await list({
        service,
        operation: 'ListAccessKeys',
        pageSize: PAGE_SIZES.iam,
        send: (Marker, MaxItems) => iam.send(new sdk.ListAccessKeysCommand({ UserName: userName, MaxItems, Marker })),
        page: (out) => ({ items: out.AccessKeyMetadata, nextToken: out.IsTruncated ? out.Marker : undefined }),
      });
      return keys.map(toAccessKeyMetadata);
    },

    async getIamUser(userName) {
      const { iam, sdk } = await clients.security();
      const out = await call(service, 'GetUser', () => iam.send(new sdk.GetUserCommand({ UserName: userName })));
      return toIamUser(out.User);
    },

    async createIamUser(userName, tags) {
      const { iam, sdk } = await clients.security();
      const Tags = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
      await call(service, 'CreateUser', () => iam.send(new sdk.CreateUserCommand({ UserName: userName, Tags })));
    },

    async attachUserPolicy(userName, policyArn) {
      const { iam, sdk } = await clients.security();
      await call(service, 'AttachUserPolicy', () => iam.send(new sdk.AttachUserPolicyCommand({ UserName: userName, PolicyArn: policyArn })));
    },

    async listAttachedUserPolicies(userName) {
      const { iam, sdk } = await clients.security();
      const policies = await list({
        service,
        operation: 'ListAttachedUserPolicies',
        pageSize: PAGE_SIZES.iam,
        send: (Marker, MaxItems) => iam.send(new sdk.ListAttachedUserPoliciesCommand({ UserName: userName, MaxItems, Marker })),
        page: (out) => ({ items: out.AttachedPolicies, nextToken: out.IsTruncated ? out.Marker : undefined }),
      });
      return policies.flatMap((p) => (p.PolicyArn === undefined ? [] : [p.PolicyArn]));
    },
  };
}
