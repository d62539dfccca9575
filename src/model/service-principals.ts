// Service principals AWS accepts for trusted access. Source: AWS Organizations User Guide, "AWS
// services that you can use with AWS Organizations"
// (docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html), cross-checked
// against moto's FakeServiceAccess.TRUSTED_SERVICES, which cites the same page. AWS adds services over
// time: a principal not listed here is a warning (validate), not an error, unless it is a near miss of
// one that is (then it is almost certainly a typo). Shared by the validate rules, the service-access
// kind and the emulator.

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
