// IAM, Account and SSO Admin shapes ↔ our security types (src/model/security.ts).

import type { AlternateContact } from '@aws-sdk/client-account';
import type { AccessKeyMetadata as SdkAccessKeyMetadata, MFADevice } from '@aws-sdk/client-iam';
import type { InstanceMetadata } from '@aws-sdk/client-sso-admin';
import {
  ALTERNATE_CONTACT_TYPES,
  ORGANIZATIONS_FEATURES,
  type AccessKeyMetadata,
  type AccessKeyStatus,
  type AlternateContactSpec,
  type AlternateContactType,
  type IamUser,
  type IdentityCenterInstance,
  type IdentityCenterInstanceStatus,
  type MfaDevice,
  type OrganizationsFeature,
  type RootCredentialSummary,
} from '../../model/security.js';

/** GetAccountSummary's SummaryMap → the root user's flags (1 means present). */
export function toRootCredentialSummary(summary: Readonly<Record<string, number>> | undefined): RootCredentialSummary {
  const flag = (key: string): boolean | undefined => (summary?.[key] === undefined ? undefined : summary[key] === 1);
  return {
    mfaEnabled: flag('AccountMFAEnabled') ?? false,
    accessKeysPresent: flag('AccountAccessKeysPresent') ?? false,
    signingCertificatesPresent: flag('AccountSigningCertificatesPresent') ?? false,
    passwordPresent: flag('AccountPasswordPresent'),
  };
}

export function toOrganizationsFeatures(names: readonly string[] | undefined): OrganizationsFeature[] {
  return (names ?? []).filter((name): name is OrganizationsFeature => (ORGANIZATIONS_FEATURES as readonly string[]).includes(name));
}

export function toMfaDevice(device: MFADevice): MfaDevice {
  return { serialNumber: device.SerialNumber ?? '', enabledAt: device.EnableDate?.getTime() ?? 0 };
}

const KEY_STATUSES: readonly AccessKeyStatus[] = ['Active', 'Inactive', 'Expired'];

export function toAccessKeyMetadata(key: SdkAccessKeyMetadata): AccessKeyMetadata {
  // An unknown status is treated as Active: the audit must not call a usable key harmless.
  const status = KEY_STATUSES.find((s) => s === key.Status) ?? 'Active';
  return { accessKeyId: key.AccessKeyId ?? '', status, createdAt: key.CreateDate?.getTime() ?? 0 };
}

const INSTANCE_STATUSES: readonly IdentityCenterInstanceStatus[] = ['CREATE_IN_PROGRESS', 'CREATE_FAILED', 'DELETE_IN_PROGRESS', 'ACTIVE'];

export function toIdentityCenterInstance(instance: InstanceMetadata): IdentityCenterInstance {
  return {
    instanceArn: instance.InstanceArn ?? '',
    ownerAccountId: instance.OwnerAccountId ?? '',
    status: INSTANCE_STATUSES.find((s) => s === instance.Status),
    ...(instance.IdentityStoreId !== undefined && { identityStoreId: instance.IdentityStoreId }),
  };
}

export function toAlternateContact(contact: AlternateContact, requested: AlternateContactType): AlternateContactSpec {
  const type = ALTERNATE_CONTACT_TYPES.find((t) => t === contact.AlternateContactType) ?? requested;
  return { type, name: contact.Name ?? '', title: contact.Title ?? '', email: contact.EmailAddress ?? '', phone: contact.PhoneNumber ?? '' };
}

/** GetUser's User → our IamUser (tags as a record). */
export function toIamUser(user: { UserName?: string | undefined; Arn?: string | undefined; Tags?: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined } | undefined): IamUser {
  return {
    userName: user?.UserName ?? '',
    arn: user?.Arn ?? '',
    tags: Object.fromEntries((user?.Tags ?? []).flatMap((t) => (t.Key === undefined ? [] : [[t.Key, t.Value ?? '']]))),
  };
}
