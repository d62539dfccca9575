// Defaults for omitted keys of org.yaml. The schema's `default` annotations say the same (a test keeps
// them equal). A leaf module: the kinds' normalizers and the importer use it without importing the
// normalizer (which imports the registry).

import type { DesiredBudget, DesiredNotification, DesiredOptions, DesiredOrg, DesiredPolicy } from '../model/desired.js';

export const DEFAULTS = {
  featureSet: 'ALL',
  unit: 'USD',
  timeUnit: 'MONTHLY',
  thresholdType: 'PERCENTAGE',
  comparison: 'GREATER_THAN',
  options: { pruneOrganizationalUnits: false, pruneBudgets: false, unlistedAccounts: 'ignore', prunePolicies: false, unlistedPolicyAttachments: 'ignore' },
  policyType: 'SERVICE_CONTROL_POLICY',
  policyDescription: '',
} as const satisfies {
  featureSet: DesiredOrg['featureSet'];
  unit: string;
  timeUnit: DesiredBudget['timeUnit'];
  thresholdType: DesiredNotification['thresholdType'];
  comparison: DesiredNotification['comparison'];
  options: Required<Omit<DesiredOptions, 'closedAccountsOu'>>;
  policyType: DesiredPolicy['type'];
  policyDescription: string;
};
