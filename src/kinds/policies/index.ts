// The policies kind: AWS Organizations policies of every type, the types enabled on the root, and
// where the policies are attached (root, OUs, accounts).

import { describeRef } from '../../model/refs.js';
import { sortedRecord } from '../../planner/sorted-record.js';
import type { ResourceKind } from '../kind.js';
import { accessAnalyzerPlanCheck } from './access-analyzer-plan.js';
import { describeAttachment, describeUpdate } from './describe.js';
import { canonicalContent } from './document.js';
import { attachPolicy, createPolicy, deletePolicy, detachPolicy, enablePolicyType } from './execute.js';
import { importPolicies } from './import.js';
import { normalizePolicies } from './normalize.js';
import { planPolicySteps } from './plan.js';
import { checkDeclaredPolicies } from './validate.js';
import { readPoliciesSlice } from './read.js';
import type { PolicyStep } from './steps.js';
import { writePoliciesSection } from './write-yaml.js';
import { tagChanges } from '../tags/describe.js';

const POLICIES = 'Policies';
const ATTACHMENTS = 'Policy attachments';

export const policiesKind: ResourceKind<PolicyStep['kind'], 'policies'> = {
  name: 'policies',
  groups: [POLICIES, ATTACHMENTS],
  plan: planPolicySteps,
  normalize: normalizePolicies,
  checkPlan: accessAnalyzerPlanCheck,
  checkLoaded: (desired, orgFile, fileOf) => checkDeclaredPolicies(desired.policies ?? [], orgFile, (p) => (p.file === undefined ? undefined : fileOf(p.file))),
  read: readPoliciesSlice,
  importDesired: importPolicies,
  orgYamlSection: writePoliciesSection,
  liveFields: ['policies'],
  // Only when read (org.yaml uses policies), so plans of files without them hash as before.
  fingerprint: (live) =>
    live.policies
      ? {
          policyTypes: [...live.policies.enabledTypes],
          policies: sortedRecord(
            live.policies.policies.map((p) => [
              `${p.type}/${p.name}`,
              {
                id: p.id,
                awsManaged: p.awsManaged,
                description: p.description,
                content: p.content === undefined ? null : (canonicalContent(p.content) ?? p.content),
                tags: p.tags === undefined ? null : sortedRecord(Object.entries(p.tags)),
                targets: [...p.targets].sort(),
              },
            ]),
          ),
        }
      : {},
  steps: {
    enablePolicyType: {
      group: POLICIES,
      action: 'create',
      describe: (step) => ({ title: `policy type ${step.after.policyType}`, details: ['enabled on the root, so policies of this type can be attached'] }),
      execute: enablePolicyType,
    },
    createPolicy: {
      group: POLICIES,
      action: 'create',
      describe: (step) => ({
        details: [
          `type: ${step.after.type}`,
          `description: ${JSON.stringify(step.after.description)}`,
          `document: ${step.after.content.length} characters (minified)`,
          ...(step.after.tags ? tagChanges({}, step.after.tags) : []),
        ],
      }),
      execute: createPolicy,
    },
    updatePolicy: {
      group: POLICIES,
      action: 'update',
      describe: (step) => ({ details: describeUpdate(step) }),
      execute: (step, ctx) => ctx.port.updatePolicy(ctx.ids.resolveAfter(step.policy), step.after),
    },
    deletePolicy: {
      group: POLICIES,
      action: 'delete',
      describe: (step) => ({ details: [`type: ${step.before.type}`] }),
      execute: deletePolicy,
    },
    attachPolicy: {
      group: ATTACHMENTS,
      action: 'create',
      describe: (step) => ({ title: `${step.after.policyName} → ${describeRef(step.target)}`, details: describeAttachment(step) }),
      execute: attachPolicy,
    },
    detachPolicy: {
      group: ATTACHMENTS,
      action: 'delete',
      describe: (step) => ({ title: `${step.before.policyName} ✕ ${describeRef(step.target)}`, details: describeAttachment(step) }),
      execute: detachPolicy,
    },
  },
};

