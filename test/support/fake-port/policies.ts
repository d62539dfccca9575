// The fake's policy writes and DescribePolicy, with the rules AWS enforces (aws-facts.md §2.4): names
// unique per type, the type enabled on the root before attaching, no duplicate attachment, the last SCP
// of a target stays, RCPFullAWSAccess cannot be detached, an attached policy cannot be deleted.

import type { OrganizationsPort, PolicyType } from '../../../src/aws/port.js';
import type { FakeCaller } from './calls.js';
import { awsError } from './errors.js';
import { RCP_FULL_AWS_ACCESS, type FakeOrgTree } from './org-tree.js';

type PolicyWrites = Pick<OrganizationsPort, 'describePolicy' | 'createPolicy' | 'updatePolicy' | 'deletePolicy' | 'attachPolicy' | 'detachPolicy' | 'enablePolicyType'>;

const ATTACHMENT_LIMIT: Partial<Record<PolicyType, number>> = { SERVICE_CONTROL_POLICY: 10, RESOURCE_CONTROL_POLICY: 5, AISERVICES_OPT_OUT_POLICY: 5, CHATBOT_POLICY: 5 };

export function fakePolicyWrites(tree: FakeOrgTree, call: FakeCaller<OrganizationsPort>): PolicyWrites {
  const notFound = (op: string, id: string): Error => awsError(op, 'notFound', 'PolicyNotFoundException', `We can't find a policy with the PolicyId ${id}.`);
  const summaryOf = (op: string, id: string) => {
    const policy = tree.policies.get(id) ?? tree.managedPolicies().find((p) => p.id === id);
    if (!policy) throw notFound(op, id);
    return policy;
  };
  const requireTarget = (op: string, id: string): void => {
    if (!tree.targetExists(id)) throw awsError(op, 'notFound', 'TargetNotFoundException', `We can't find a target with the TargetId ${id}.`);
  };
  return {
    describePolicy: (policyId) =>
      call('describePolicy', [policyId], () => {
        tree.requireManagementCaller('DescribePolicy');
        const policy = summaryOf('DescribePolicy', policyId);
        const managed = tree.managedContent(policyId);
        const detail = managed !== undefined ? { description: 'Allows access to every operation', content: managed } : tree.policyContent.get(policyId)!;
        return { ...policy, description: detail.description, content: detail.content };
      }),

    createPolicy: (policy, tags) =>
      call('createPolicy', [policy, tags], () => {
        const op = 'CreatePolicy';
        tree.requireManagementCaller(op);
        const taken = [...tree.policies.values(), ...tree.managedPolicies()].some((p) => p.type === policy.type && p.name === policy.name);
        if (taken) throw awsError(op, 'alreadyExists', 'DuplicatePolicyException', 'A policy with the same name already exists.');
        const id = tree.seedPolicy({ name: policy.name, type: policy.type, description: policy.description, content: policy.content });
        if (Object.keys(tags).length > 0) tree.seedTags(id, tags);
        return { ...tree.policies.get(id)! };
      }),

    updatePolicy: (policyId, change) =>
      call('updatePolicy', [policyId, change], () => {
        const op = 'UpdatePolicy';
        tree.requireManagementCaller(op);
        const policy = summaryOf(op, policyId);
        if (policy.awsManaged) throw awsError(op, 'invalidInput', 'InvalidInputException', 'You cannot modify an AWS-managed policy.', 'IMMUTABLE_POLICY');
        tree.policyContent.set(policyId, { ...change });
        tree.policies.set(policyId, { ...policy, description: change.description });
      }),

    deletePolicy: (policyId) =>
      call('deletePolicy', [policyId], () => {
        const op = 'DeletePolicy';
        tree.requireManagementCaller(op);
        const policy = summaryOf(op, policyId);
        if (policy.awsManaged) throw awsError(op, 'invalidInput', 'InvalidInputException', 'You cannot delete an AWS-managed policy.', 'IMMUTABLE_POLICY');
        if ((tree.targetsOfPolicy(policyId) ?? []).length > 0) throw awsError(op, 'other', 'PolicyInUseException', 'The policy is attached to one or more entities.');
        tree.policies.delete(policyId);
        tree.policyContent.delete(policyId);
        tree.attachments.delete(policyId);
      }),

    attachPolicy: (policyId, targetId) =>
      call('attachPolicy', [policyId, targetId], () => {
        const op = 'AttachPolicy';
        tree.requireManagementCaller(op);
        const policy = summaryOf(op, policyId);
        requireTarget(op, targetId);
        if (!tree.enabledPolicyTypes.has(policy.type)) throw awsError(op, 'other', 'PolicyTypeNotEnabledException', 'This policy type is not enabled on the root.');
        if (tree.targetsOfPolicy(policyId)!.includes(targetId)) throw awsError(op, 'alreadyExists', 'DuplicatePolicyAttachmentException', 'The policy is already attached.');
        if (tree.attachedCount(targetId, policy.type) >= (ATTACHMENT_LIMIT[policy.type] ?? 10)) {
          throw awsError(op, 'constraint', 'ConstraintViolationException', 'Too many policies of this type attached.', 'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED');
        }
        if (policy.awsManaged) tree.managedDetached.get(policyId)?.delete(targetId);
        else tree.attachments.get(policyId)!.push(targetId);
      }),

    detachPolicy: (policyId, targetId) =>
      call('detachPolicy', [policyId, targetId], () => {
        const op = 'DetachPolicy';
        tree.requireManagementCaller(op);
        const policy = summaryOf(op, policyId);
        requireTarget(op, targetId);
        if (!tree.targetsOfPolicy(policyId)!.includes(targetId)) throw awsError(op, 'other', 'PolicyNotAttachedException', 'The policy is not attached to the target.');
        if (policyId === RCP_FULL_AWS_ACCESS.id) throw awsError(op, 'invalidInput', 'InvalidInputException', 'You cannot detach RCPFullAWSAccess.', 'NON_DETACHABLE_POLICY');
        if (policy.type === 'SERVICE_CONTROL_POLICY' && tree.attachedCount(targetId, policy.type) <= 1) {
          throw awsError(op, 'constraint', 'ConstraintViolationException', 'A target must keep at least one SCP.', 'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED');
        }
        if (policy.awsManaged) tree.managedDetached.set(policyId, (tree.managedDetached.get(policyId) ?? new Set<string>()).add(targetId));
        else tree.attachments.set(policyId, tree.attachments.get(policyId)!.filter((id) => id !== targetId));
      }),

    enablePolicyType: (rootId, policyType) =>
      call('enablePolicyType', [rootId, policyType], () => {
        const op = 'EnablePolicyType';
        tree.requireManagementCaller(op);
        if (rootId !== tree.root?.id) throw awsError(op, 'notFound', 'RootNotFoundException', `We can't find a root with the RootId ${rootId}.`);
        if (tree.enabledPolicyTypes.has(policyType)) throw awsError(op, 'other', 'PolicyTypeAlreadyEnabledException', 'The policy type is already enabled.');
        tree.enabledPolicyTypes.add(policyType);
        // Its AWS-managed default is attached everywhere from now on (managedDetached starts empty).
        for (const managed of tree.managedPolicies()) if (managed.type === policyType) tree.managedDetached.delete(managed.id);
      }),
  };
}
