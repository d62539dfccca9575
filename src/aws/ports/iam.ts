// IAM: the root-credential audit's reads, always as the caller's account.

import type { AccessKeyMetadata, IamUser, MfaDevice, OrganizationsFeatures, RootCredentialSummary } from '../../model/security.js';

export interface IamPort {
  /** IAM GetAccountSummary: the root user's credential flags. */
  getRootCredentialSummary(): Promise<RootCredentialSummary>;
  /** IAM ListOrganizationsFeatures: centralized root access for member accounts. */
  listOrganizationsFeatures(): Promise<OrganizationsFeatures>;
  /** IAM ListMFADevices of one user; notFound (NoSuchEntity) when the user does not exist. */
  listMfaDevices(userName: string): Promise<readonly MfaDevice[]>;
  /** IAM ListAccessKeys of one user; notFound (NoSuchEntity) when the user does not exist. */
  listAccessKeys(userName: string): Promise<readonly AccessKeyMetadata[]>;
  /** IAM GetUser with its tags; notFound (NoSuchEntity) when the user does not exist. */
  getIamUser(userName: string): Promise<IamUser>;
  /** IAM CreateUser with tags (no login profile, no access keys); alreadyExists (EntityAlreadyExists) when it exists. */
  createIamUser(userName: string, tags: Readonly<Record<string, string>>): Promise<void>;
  /** IAM AttachUserPolicy of a managed policy (attaching one already attached succeeds). */
  attachUserPolicy(userName: string, policyArn: string): Promise<void>;
  /** IAM ListAttachedUserPolicies: the ARNs of the managed policies attached to the user. */
  listAttachedUserPolicies(userName: string): Promise<readonly string[]>;
}
