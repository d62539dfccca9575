// Policies (SCPs and the other types): create, describe, update, delete, attach, detach, list, and
// enabling or disabling a policy type in the root. AWS-managed default policies (FullAWSAccess) are
// attached to every root, OU and account while their type is enabled, and the last SCP of a target
// cannot be detached.

import { requireManagement } from '../access.js';
import type { OrgContext } from '../context.js';
import { constraintViolation, invalidInput, orgError } from '../errors.js';
import { POLICY_ID, ROOT_ID, TARGET_ID } from '../ids.js';
import { LIMITS, POLICY_TYPES, defaultPolicyFor, type PolicyRecord, type PolicyType } from '../model.js';
import { policyShape, policySummaryShape, rootShape, targetShape } from '../shapes.js';
import { checkTagCount, orgPage, readInput, readPageRequest, readTags } from '../validation.js';
import type { OrgHandler } from './types.js';

const POLICY_ID_RULES = { max: 130, pattern: POLICY_ID };
const TARGET_ID_RULES = { max: 100, pattern: TARGET_ID };

function requirePolicy(ctx: OrgContext, id: string): PolicyRecord {
  const policy = ctx.state.policies.get(id);
  if (!policy) throw orgError('PolicyNotFoundException');
  return policy;
}

function requireTarget(ctx: OrgContext, id: string): void {
  const { state } = ctx;
  if (id !== state.root?.id && !state.ous.has(id) && !state.accounts.has(id)) throw orgError('TargetNotFoundException');
}

function requireMutable(policy: PolicyRecord): void {
  if (policy.awsManaged) throw invalidInput('IMMUTABLE_POLICY', 'You specified a policy that is managed by AWS and cannot be modified.');
}

/** Size limit, then JSON well-formedness (and a Statement for SCPs and RCPs). */
function checkContent(type: PolicyType, content: string): void {
  const limit = LIMITS.contentSize[type] ?? LIMITS.defaultContentSize;
  if (content.length > limit) {
    throw constraintViolation('POLICY_CONTENT_LIMIT_EXCEEDED', `The policy document is ${content.length} characters; the limit for ${type} is ${limit}.`);
  }
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch {
    throw orgError('MalformedPolicyDocumentException', 'The policy document is not valid JSON.');
  }
  const needsStatement = type === 'SERVICE_CONTROL_POLICY' || type === 'RESOURCE_CONTROL_POLICY';
  if (typeof document !== 'object' || document === null || Array.isArray(document) || (needsStatement && !('Statement' in document))) {
    throw orgError('MalformedPolicyDocumentException');
  }
}

function requireAllFeatures(ctx: OrgContext): void {
  if (ctx.state.organization?.featureSet !== 'ALL') throw orgError('PolicyTypeNotAvailableForOrganizationException');
}

const createPolicy: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const content = reader.string('Content', { min: 1, max: 1_000_000 });
  const description = reader.string('Description', { max: 512 });
  const name = reader.string('Name', { min: 1, max: 128 });
  const type = reader.enumValue('Type', POLICY_TYPES);
  const tags = readTags(reader);
  requireAllFeatures(ctx);
  checkContent(type, content);
  checkTagCount(new Map(), tags);
  const { state } = ctx;
  const sameType = [...state.policies.values()].filter((p) => p.type === type);
  if (sameType.some((p) => p.name === name)) throw orgError('DuplicatePolicyException');
  const limit = LIMITS.policiesPerType[type] ?? LIMITS.defaultPoliciesPerType;
  if (sameType.filter((p) => !p.awsManaged).length >= limit) {
    throw constraintViolation('POLICY_NUMBER_LIMIT_EXCEEDED', `You attempted to exceed the number of ${type} policies in an organization (${limit}).`);
  }
  const policy: PolicyRecord = { id: ctx.ids.policy((id) => state.policies.has(id)), name, description, type, content, awsManaged: false };
  state.policies.set(policy.id, policy);
  if (tags.length > 0) {
    const stored = state.tagsOf(policy.id);
    for (const [key, value] of tags) stored.set(key, value);
  }
  return { Policy: policyShape(state, policy) };
};

const describePolicy: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const id = readInput(input).string('PolicyId', POLICY_ID_RULES);
  return { Policy: policyShape(ctx.state, requirePolicy(ctx, id)) };
};

const updatePolicy: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const id = reader.string('PolicyId', POLICY_ID_RULES);
  const name = reader.optionalString('Name', { min: 1, max: 128 });
  const description = reader.optionalString('Description', { max: 512 });
  const content = reader.optionalString('Content', { min: 1, max: 1_000_000 });
  const policy = requirePolicy(ctx, id);
  requireMutable(policy);
  if (content !== undefined) checkContent(policy.type, content);
  if (name !== undefined && name !== policy.name) {
    const taken = [...ctx.state.policies.values()].some((p) => p.type === policy.type && p.id !== policy.id && p.name === name);
    if (taken) throw orgError('DuplicatePolicyException');
    policy.name = name;
  }
  if (description !== undefined) policy.description = description;
  if (content !== undefined) policy.content = content;
  return { Policy: policyShape(ctx.state, policy) };
};

const deletePolicy: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const id = readInput(input).string('PolicyId', POLICY_ID_RULES);
  const policy = requirePolicy(ctx, id);
  requireMutable(policy);
  if (ctx.state.targetsOf(id).length > 0) throw orgError('PolicyInUseException');
  ctx.state.removePolicy(id);
  return {};
};

const attachPolicy: OrgHandler = (input, ctx) => {
  const { root } = requireManagement(ctx);
  const reader = readInput(input);
  const policyId = reader.string('PolicyId', POLICY_ID_RULES);
  const targetId = reader.string('TargetId', TARGET_ID_RULES);
  const policy = requirePolicy(ctx, policyId);
  requireTarget(ctx, targetId);
  if (!root.policyTypes.has(policy.type)) throw orgError('PolicyTypeNotEnabledException');
  if (ctx.state.isAttached(policyId, targetId)) throw orgError('DuplicatePolicyAttachmentException');
  const limit = LIMITS.attachmentsPerTarget[policy.type] ?? LIMITS.defaultAttachmentsPerTarget;
  if (ctx.state.attachedCount(targetId, policy.type) >= limit) {
    throw constraintViolation('MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED', `You attempted to attach more than ${limit} policies of type ${policy.type} to one entity.`);
  }
  ctx.state.attach(policyId, targetId);
  return {};
};

const detachPolicy: OrgHandler = (input, ctx) => {
  const { root } = requireManagement(ctx);
  const reader = readInput(input);
  const policyId = reader.string('PolicyId', POLICY_ID_RULES);
  const targetId = reader.string('TargetId', TARGET_ID_RULES);
  const policy = requirePolicy(ctx, policyId);
  requireTarget(ctx, targetId);
  if (!ctx.state.isAttached(policyId, targetId)) throw orgError('PolicyNotAttachedException');
  if (policy.type === 'RESOURCE_CONTROL_POLICY' && policy.awsManaged) {
    throw invalidInput('NON_DETACHABLE_POLICY', 'You cannot detach the AWS-managed RCPFullAWSAccess policy.');
  }
  if (policy.type === 'SERVICE_CONTROL_POLICY' && root.policyTypes.has(policy.type) && ctx.state.attachedCount(targetId, policy.type) <= 1) {
    throw constraintViolation('MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED', 'Every root, OU and account must have at least one SCP attached; attach another before detaching this one.');
  }
  ctx.state.detach(policyId, targetId);
  return {};
};

const listPolicies: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const type = reader.enumValue('Filter', POLICY_TYPES);
  const request = readPageRequest(reader, ctx);
  const policies = [...ctx.state.policies.values()].filter((p) => p.type === type);
  const page = orgPage(policies, request, ctx, type);
  return { Policies: page.items.map((p) => policySummaryShape(ctx.state, p)), NextToken: page.nextToken };
};

const listPoliciesForTarget: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const targetId = reader.string('TargetId', TARGET_ID_RULES);
  const type = reader.enumValue('Filter', POLICY_TYPES);
  const request = readPageRequest(reader, ctx);
  requireTarget(ctx, targetId);
  const policies = ctx.state.attachedPolicies(targetId).map((id) => requirePolicy(ctx, id)).filter((p) => p.type === type);
  const page = orgPage(policies, request, ctx, `${targetId}:${type}`);
  return { Policies: page.items.map((p) => policySummaryShape(ctx.state, p)), NextToken: page.nextToken };
};

const listTargetsForPolicy: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const policyId = reader.string('PolicyId', POLICY_ID_RULES);
  const request = readPageRequest(reader, ctx);
  requirePolicy(ctx, policyId);
  const page = orgPage(ctx.state.targetsOf(policyId), request, ctx, policyId);
  return { Targets: page.items.map((id) => targetShape(ctx.state, id) ?? { TargetId: id }), NextToken: page.nextToken };
};

function readRootAndType(input: Parameters<OrgHandler>[0], ctx: OrgContext): PolicyType {
  const { root } = requireManagement(ctx);
  const reader = readInput(input);
  const rootId = reader.string('RootId', { max: 34, pattern: ROOT_ID });
  const type = reader.enumValue('PolicyType', POLICY_TYPES);
  if (rootId !== root.id) throw orgError('RootNotFoundException');
  requireAllFeatures(ctx);
  return type;
}

const enablePolicyType: OrgHandler = (input, ctx) => {
  const type = readRootAndType(input, ctx);
  const root = ctx.state.root;
  if (!root) throw orgError('RootNotFoundException');
  if (root.policyTypes.has(type)) throw orgError('PolicyTypeAlreadyEnabledException');
  root.policyTypes.add(type);
  const managed = defaultPolicyFor(type);
  if (managed) for (const target of ctx.state.allTargets()) ctx.state.attach(managed.id, target);
  return { Root: rootShape(ctx.state) };
};

const disablePolicyType: OrgHandler = (input, ctx) => {
  const type = readRootAndType(input, ctx);
  const root = ctx.state.root;
  if (!root) throw orgError('RootNotFoundException');
  if (!root.policyTypes.has(type)) throw orgError('PolicyTypeNotEnabledException');
  for (const policy of ctx.state.policies.values()) {
    if (policy.type !== type) continue;
    for (const target of ctx.state.targetsOf(policy.id)) ctx.state.detach(policy.id, target);
  }
  root.policyTypes.delete(type);
  return { Root: rootShape(ctx.state) };
};

export const policyHandlers: Readonly<Record<string, OrgHandler>> = {
  CreatePolicy: createPolicy,
  DescribePolicy: describePolicy,
  UpdatePolicy: updatePolicy,
  DeletePolicy: deletePolicy,
  AttachPolicy: attachPolicy,
  DetachPolicy: detachPolicy,
  ListPolicies: listPolicies,
  ListPoliciesForTarget: listPoliciesForTarget,
  ListTargetsForPolicy: listTargetsForPolicy,
  EnablePolicyType: enablePolicyType,
  DisablePolicyType: disablePolicyType,
};
