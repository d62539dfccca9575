// Warnings and errors the planner reports beside the steps, and the codes they carry.

import type { SourcePosition } from '../model/desired.js';
import type { PlanNote } from '../model/plan.js';

/** Every note code, so renderers and tests can rely on them. */
export const NoteCode = {
  managementAccountMismatch: 'management-account-mismatch',
  featureSetDiffers: 'feature-set-differs',
  accountNotFound: 'account-not-found',
  accountNotActive: 'account-not-active',
  accountNameDiffers: 'account-name-differs',
  unlistedAccounts: 'unlisted-accounts',
  ouNotEmpty: 'ou-not-empty',
  ouNotDeclared: 'ou-not-declared',
  budgetNotDeclared: 'budget-not-declared',
  budgetOwnershipUnknown: 'budget-ownership-unknown',
  budgetNotManaged: 'budget-not-managed',
  budgetInvalid: 'budget-invalid',
  notificationReplaced: 'notification-replaced',
  alternateContactUnreadable: 'alternate-contact-unreadable',
  alternateContactIncomplete: 'alternate-contact-incomplete',
  tagsNotRead: 'tags-not-read',
  rootTagsAfterCreate: 'root-tags-after-create',
  accountEmailDiffers: 'account-email-differs',
  accountNameInvalid: 'account-name-invalid',
  accountCreationSettingsIgnored: 'account-creation-settings-ignored',
  accountsToCreate: 'accounts-to-create',
  accountsToClose: 'accounts-to-close',
  closureQuotaExceeded: 'closure-quota-exceeded',
  policiesUnavailable: 'policies-unavailable',
  policyDocumentNotRead: 'policy-document-not-read',
  unlistedPolicyAttachments: 'unlisted-policy-attachments',
  policyNotDeclared: 'policy-not-declared',
  policyNotManaged: 'policy-not-managed',
  awsManagedPolicyMissing: 'aws-managed-policy-missing',
  policyRule: 'policy-rule',
  trustedServiceNotDeclared: 'trusted-service-not-declared',
  trustedServiceStillDelegated: 'trusted-service-still-delegated',
  trustedServiceNotEnabled: 'trusted-service-not-enabled',
  delegatedAdministratorNotDeclared: 'delegated-administrator-not-declared',
  delegatedAdministratorNotMember: 'delegated-administrator-not-member',
  serviceAccessAfterOrganization: 'service-access-after-organization',
  accessAnalyzerFinding: 'access-analyzer-finding',
  accessAnalyzerUnavailable: 'access-analyzer-unavailable',
  breakGlassUserUnreadable: 'break-glass-user-unreadable',
  identityCenterRegionMissing: 'identity-center-region-missing',
  identityCenterInstanceMissing: 'identity-center-instance-missing',
  permissionSetNotDeclared: 'permission-set-not-declared',
  permissionSetStillProvisioned: 'permission-set-still-provisioned',
  identityCenterPrincipalMissing: 'identity-center-principal-missing',
} as const;
export type NoteCode = (typeof NoteCode)[keyof typeof NoteCode];

export class Notes {
  readonly warnings: PlanNote[] = [];
  readonly errors: PlanNote[] = [];

  warn(code: NoteCode, message: string, where: { address?: string; source?: SourcePosition | undefined } = {}): void {
    this.warnings.push(note(code, message, where));
  }

  error(code: NoteCode, message: string, where: { address?: string; source?: SourcePosition | undefined } = {}): void {
    this.errors.push(note(code, message, where));
  }
}

function note(code: NoteCode, message: string, where: { address?: string; source?: SourcePosition | undefined }): PlanNote {
  return {
    code,
    message,
    ...(where.address !== undefined && { address: where.address }),
    ...(where.source !== undefined && { source: { line: where.source.line, column: where.source.column } }),
  };
}

/** "a, b, c and 17 more": long lists stay readable in a PR comment. */
export function listSome(items: readonly string[], shown = 20): string {
  if (items.length <= shown) return items.join(', ');
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}

