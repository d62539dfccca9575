// CreateAccount's FailureReason values in words, with what to do (AWS Organizations API reference,
// CreateAccountStatus.FailureReason).

const REASONS: Readonly<Record<string, string>> = {
  EMAIL_ALREADY_EXISTS: 'an AWS account already uses this email (in this organization or elsewhere); give the account another email in org.yaml, or, if it is an account of this organization, give its id',
  ACCOUNT_LIMIT_EXCEEDED: 'the organization has reached its account quota; ask for more through Service Quotas, or close accounts (closed accounts count until AWS removes them after 90 days)',
  INVALID_EMAIL: 'AWS rejected the email address; correct it in org.yaml',
  INVALID_ADDRESS: "AWS rejected the management account's address; correct it in the Billing console",
  INVALID_IDENTITY_FOR_BUSINESS_VALIDATION: 'AWS could not validate the identity for business validation; contact AWS Support',
  CONCURRENT_ACCOUNT_MODIFICATION: 'another change to the organization ran at the same time; run apply again',
  INTERNAL_FAILURE: 'AWS failed internally; run apply again, and contact AWS Support if it keeps failing',
  GOVCLOUD_ACCOUNT_ALREADY_EXISTS: 'a GovCloud account already exists for this account',
  MISSING_BUSINESS_VALIDATION: 'the management account has not finished business validation; complete it in the console (or ask AWS Support)',
  MISSING_PAYMENT_INSTRUMENT: 'the management account has no valid payment method; add one in the Billing console',
  PENDING_BUSINESS_VALIDATION: 'the management account is still pending business validation; wait for it, then run apply again',
  UNKNOWN_BUSINESS_VALIDATION: 'the business validation of the management account is in an unknown state; contact AWS Support',
  UPDATE_EXISTING_RESOURCE_POLICY_WITH_TAGS_NOT_SUPPORTED: "the organization's resource policy does not allow tags on new accounts; remove the tags from org.yaml or update the policy",
};

export function describeCreateAccountFailure(name: string, email: string, reason: string | undefined): string {
  const code = reason ?? 'no reason given';
  const advice = reason !== undefined ? REASONS[reason] : undefined;
  return `AWS could not create account "${name}" (${email}): ${code}${advice ? `: ${advice}` : ''}.`;
}
