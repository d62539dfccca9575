// What the audit's checks look at: everything read from AWS for one account, each read either a value
// or the reason AWS would not give it. Plain data, so every check is a pure function tested without AWS.

import type { DesiredAlternateContact, DesiredSecurity, SourcePosition } from '../model/desired.js';
import type {
  AccessKeyMetadata,
  AlternateContactSpec,
  AlternateContactType,
  IamUser,
  IdentityCenterInstance,
  MfaDevice,
  OrganizationsFeatures,
  RootCredentialSummary,
} from '../model/security.js';

/** Why a read failed, in the terms a check reports. */
export interface ReadFailure {
  /** The AWS operation, e.g. "GetAccountSummary". */
  readonly operation: string;
  /** The IAM action it needs, e.g. "iam:GetAccountSummary". */
  readonly action: string;
  /** The AWS error code, e.g. "AccessDeniedException", "NoSuchEntity". */
  readonly code: string;
  /** AWS refused for lack of permission. */
  readonly denied: boolean;
  /** The thing asked for does not exist (NoSuchEntity, *NotFound*). */
  readonly notFound: boolean;
  /** One line, for the report. */
  readonly message: string;
}

export type Observation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ReadFailure };

export interface BreakGlassObservation {
  readonly name: string;
  readonly at?: SourcePosition;
  readonly mfaDevices: Observation<readonly MfaDevice[]>;
  readonly accessKeys: Observation<readonly AccessKeyMetadata[]>;
  /** GetUser (its tags say whether orgctl created it); absent where it was not read. */
  readonly user?: Observation<IamUser>;
}

export interface AlternateContactObservation {
  readonly type: AlternateContactType;
  /** null: not set. */
  readonly contact: Observation<AlternateContactSpec | null>;
}

/** A member account's contact (GetAlternateContact with AccountId), beside what org.yaml declares for it. */
export interface MemberAlternateContactObservation extends AlternateContactObservation {
  readonly accountId: string;
  /** security.alternateContacts' contact of this type, or the account entry's own. */
  readonly declared: DesiredAlternateContact;
}

/** The region is unknown when neither org.yaml nor AWS_REGION names one; then nothing was asked. */
export type IdentityCenterObservation =
  | { readonly region: string; readonly instances: Observation<readonly IdentityCenterInstance[]> }
  | { readonly region: undefined };

/** A permission set with administrator rights (src/audit/admin-permission-set.ts) assigned on the management account. */
export interface AdminPermissionSetAssignment {
  readonly permissionSetName: string;
  /** What makes it an administrator set: "the AdministratorAccess managed policy" or "an inline policy allowing * on *". */
  readonly grantedBy: string;
  /** How many groups and users have it on the account. */
  readonly principals: number;
}

/** Who has administrator permission sets on the management account, read in the Identity Center instance's region. */
export type AdminAccessObservation =
  /** Not asked: no region known, no active instance, or a member account's credentials. */
  | { readonly read: false }
  | { readonly read: true; readonly region: string; readonly instanceArn: string; readonly adminSets: Observation<readonly AdminPermissionSetAssignment[]> };

export interface AuditInput {
  /** The account whose credentials made the calls: its root user is the one audited. */
  readonly accountId: string;
  /**
   * management: the account org.yaml names as management account (or a standalone account about to
   * become it). member: a member of that organization; org.yaml's `security:` expectations describe the
   * management account, so they are not checked against a member.
   */
  readonly scope: 'management' | 'member';
  /** The account org.yaml names, for messages about member-account runs. */
  readonly managementAccountId: string;
  readonly security: DesiredSecurity | undefined;
  readonly rootCredentials: Observation<RootCredentialSummary>;
  readonly organizationsFeatures: Observation<OrganizationsFeatures>;
  /** One per declared break-glass user (none for a member scope). */
  readonly breakGlassUsers: readonly BreakGlassObservation[];
  readonly identityCenter: IdentityCenterObservation;
  /** One per declared contact, in org.yaml's order (none for a member scope). */
  readonly alternateContacts: readonly AlternateContactObservation[];
  /** Epoch milliseconds: access key ages are measured from here. */
  readonly now: number;
  /** Administrator permission sets assigned on the management account; absent: not read. */
  readonly adminAccess?: AdminAccessObservation;
  /** Member accounts' contacts org.yaml declares, as the plan's read found them (absent: not read, e.g. `orgctl audit`). */
  readonly memberAlternateContacts?: readonly MemberAlternateContactObservation[];
}
