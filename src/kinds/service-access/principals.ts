// Service principals AWS accepts for trusted access, and what AWS documents about turning each one on
// from the service itself. Source: AWS Organizations User Guide, "AWS services that you can use with AWS
// Organizations" (docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html),
// cross-checked against moto's FakeServiceAccess.TRUSTED_SERVICES, which cites the same page. AWS adds
// services over time: a principal not listed here is a warning (validate), not an error, unless it is
// a near miss of one that is (then it is almost certainly a typo).

export const KNOWN_SERVICE_PRINCIPALS: readonly string[] = [
  'access-analyzer.amazonaws.com',
  'account.amazonaws.com',
  'auditmanager.amazonaws.com',
  'aws-artifact-account-sync.amazonaws.com',
  'backup.amazonaws.com',
  'cloudtrail.amazonaws.com',
  'compute-optimizer.amazonaws.com',
  'config.amazonaws.com',
  'config-multiaccountsetup.amazonaws.com',
  'controltower.amazonaws.com',
  'detective.amazonaws.com',
  'devops-guru.amazonaws.com',
  'ds.amazonaws.com',
  'fms.amazonaws.com',
  'guardduty.amazonaws.com',
  'health.amazonaws.com',
  'iam.amazonaws.com',
  'inspector2.amazonaws.com',
  'ipam.amazonaws.com',
  'license-manager.amazonaws.com',
  'license-manager.member-account.amazonaws.com',
  'license-manager-linux-subscriptions.amazonaws.com',
  'license-management.marketplace.amazonaws.com',
  'macie.amazonaws.com',
  'member.org.stacksets.cloudformation.amazonaws.com',
  'mgn.amazonaws.com',
  'ram.amazonaws.com',
  'reachabilityanalyzer.networkinsights.amazonaws.com',
  'reporting.trustedadvisor.amazonaws.com',
  'securityhub.amazonaws.com',
  'securitylake.amazonaws.com',
  'servicecatalog.amazonaws.com',
  'servicequotas.amazonaws.com',
  'sso.amazonaws.com',
  'ssm.amazonaws.com',
  'stacksets.cloudformation.amazonaws.com',
  'storage-lens.s3.amazonaws.com',
  'tagpolicies.tag.amazonaws.com',
  'wellarchitected.amazonaws.com',
];

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
