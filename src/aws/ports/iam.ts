// IAM: the root-credential audit's reads, always as the caller's account.

import type { AccessKeyMetadata, MfaDevice, OrganizationsFeatures, RootCredentialSummary } from '../../model/security.js';

export interface IamPort {
  /** IAM GetAccountSummary: the root user's credential flags. */
  getRootCredentialSummary(): Promise<RootCredentialSummary>;
  /** IAM ListOrganizationsFeatures: centralized root access for member accounts. */
  listOrganizationsFeatures(): Promise<OrganizationsFeatures>;
  /** IAM ListMFADevices of one user; notFound (NoSuchEntity) when the user does not exist. */
  listMfaDevices(userName: string): Promise<readonly MfaDevice[]>;
  /** IAM ListAccessKeys of one user; notFound (NoSuchEntity) when the user does not exist. */
  listAccessKeys(userName: string): Promise<readonly AccessKeyMetadata[]>;
}
