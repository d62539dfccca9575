// What AWS documents about turning trusted access on from each service's own console or API (the
// known principals themselves are in src/model/service-principals.ts).

/**
 * What AWS documents about turning trusted access on from the service's own console or API, for the
 * services most organizations use. The Organizations API reference recommends that route for every
 * service, because the service then creates (or, on disable, cleans up) what the integration needs.
 */
const SERVICE_OWN_WAY: Readonly<Record<string, string>> = {
  'sso.amazonaws.com': 'IAM Identity Center enables it when you enable Identity Center in its console, which also creates the instance.',
  'account.amazonaws.com': 'AWS Account Management has no setup of its own: the Organizations console or EnableAWSServiceAccess (what orgctl calls) is the documented way.',
  'securityhub.amazonaws.com': "Security Hub enables it when you designate its delegated administrator in the Security Hub console or with Security Hub's EnableOrganizationAdminAccount.",
  'guardduty.amazonaws.com': "GuardDuty enables it when you designate its delegated administrator in the GuardDuty console or with GuardDuty's EnableOrganizationAdminAccount.",
  'macie.amazonaws.com': "Macie enables it when you designate its delegated administrator in the Macie console or with Macie's EnableOrganizationAdminAccount.",
  'inspector2.amazonaws.com': "Amazon Inspector enables it when you designate its delegated administrator in the Inspector console or with Inspector's EnableDelegatedAdminAccount.",
  'config.amazonaws.com': 'AWS Config enables it when you create an organization aggregator or deploy organization rules or conformance packs.',
  'config-multiaccountsetup.amazonaws.com': 'AWS Config enables it when you deploy organization rules or conformance packs from the Config console or API.',
  'cloudtrail.amazonaws.com': 'CloudTrail enables it when you create an organization trail in the CloudTrail console.',
  'iam.amazonaws.com': 'IAM enables it when you turn on centralized root access for member accounts in the IAM console.',
  'access-analyzer.amazonaws.com': 'IAM Access Analyzer enables it when you create an analyzer with the organization as its zone of trust.',
  'ram.amazonaws.com': "AWS RAM enables it with EnableSharingWithAwsOrganization (RAM console: Settings), which also creates RAM's service-linked role.",
  'backup.amazonaws.com': 'AWS Backup enables it from its console (Settings, cross-account management).',
  'controltower.amazonaws.com': 'AWS Control Tower enables it itself when it sets up the landing zone; do not enable it by hand.',
};

const GENERIC_ENABLE =
  "AWS recommends enabling trusted access from the service's own console or API, so the service can create what the integration needs (see the service's \"Learn more\" link in AWS's list of services that work with Organizations).";

const GENERIC_DISABLE =
  "AWS strongly recommends disabling trusted access from the service's own console or API, so the service can clean up; after DisableAWSServiceAccess the service can no longer create its role in new accounts or act in member accounts.";

/** One line for an enable step: what AWS documents about doing it through the service instead. */
export function enableAdvice(principal: string): string {
  const own = SERVICE_OWN_WAY[principal];
  return own === undefined ? GENERIC_ENABLE : `AWS recommends enabling it through the service: ${own}`;
}

/** One line for a disable step. */
export function disableAdvice(principal: string): string {
  const own = SERVICE_OWN_WAY[principal];
  return own === undefined ? GENERIC_DISABLE : `${GENERIC_DISABLE} For this service: ${own}`;
}
