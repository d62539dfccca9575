// Steps and notes for organization policies: enable the policy types org.yaml uses, create and update
// the policies it declares (content compared as JSON values), attach and detach them where nodes list
// them, and (with prunePolicies) detach everywhere and delete the policies orgctl created that org.yaml
// no longer declares. Order (phases): enable → create → update → attach → detach → delete, and on
// one target every attach before any detach, so no target drops below AWS's one-SCP minimum mid-apply.

import { accountAddress, ouAddress, policyAddress, policyAttachmentAddress, policyTypeAddress } from '../../model/addresses.js';
import { AWS_MANAGED_POLICIES, DEFAULT_POLICY_OF_TYPE, NON_DETACHABLE_POLICIES } from '../../model/aws-managed-policies.js';
import type { DesiredPolicy, DesiredPolicyAttachment, JsonValue, OrgPolicyType, SourcePosition } from '../../model/desired.js';
import { MANAGED_POLICY_TAG, type LivePolicies, type LivePolicy } from '../../model/live.js';
import { ROOT_PATH } from '../../model/paths.js';
import { ouRef, ROOT_REF, type PolicyRef } from '../../model/refs.js';
import { listSome, NoteCode } from '../../planner/notes.js';
import type { PlanContext } from '../../planner/plan-context.js';
import type { StepRef } from '../../planner/step-graph.js';
import { plural } from '../../text/plural.js';
import { visibleText } from '../../text/visible-text.js';
import { canonicalContent, canonicalJson, minifiedJson } from './document.js';
import { newAccountAddress } from '../organization/plan-accounts.js';
import { usesPolicies } from './read.js';
import { attachmentsPerTarget, policiesPerOrganization, scpLockOuts, type PolicyInput } from './rules/index.js';
import type { PolicyTargetRef } from './steps.js';
import { declaredPolicyInputs } from './validate.js';
import { tagRecord } from '../tags/declared.js';

const Phase = {
  enablePolicyType: 0,
  createPolicy: 1,
  updatePolicy: 2,
  attachPolicy: 3,
  detachPolicy: 4,
  deletePolicy: 5,
} as const;

const NO_POLICIES: LivePolicies = { enabledTypes: [], readTypes: [], policies: [] };

/** A root, OU or account org.yaml places, with what the plan knows of it. */
interface Target {
  readonly ref: PolicyTargetRef;
  readonly address: string;
  /** Its ID in the live organization; undefined when the plan creates it. */
  readonly liveId: string | undefined;
  /** Its `policies:` list; undefined when org.yaml leaves its attachments alone. */
  readonly listed: readonly DesiredPolicyAttachment[] | undefined;
  readonly accountsAffected: number;
  /** An OU path whose creation or renames the target's steps wait for. */
  readonly ouPath?: string;
  /** The email of an account this plan creates: the target's steps wait for its creation. */
  readonly newAccountEmail?: string;
  /** The tree node it sits under (the root is "/"); absent for the root. */
  readonly parentPath?: string;
  readonly at?: SourcePosition;
}

export function planPolicySteps(ctx: PlanContext): void {
  const { desired } = ctx;
  if (!usesPolicies(desired)) return;
  if (desired.featureSet !== 'ALL' || (ctx.live.organization !== null && ctx.live.organization.featureSet !== 'ALL')) {
    ctx.notes.error(
      NoteCode.policiesUnavailable,
      'org.yaml declares or attaches organization policies, but they need an organization with all features (featureSet: ALL); a consolidated-billing organization has none.',
    );
    return;
  }
  const live = ctx.live.policies ?? NO_POLICIES;
  const declared = new Map((desired.policies ?? []).map((p) => [p.name, p]));
  const liveByName = indexLivePolicies(live, declared);

  const enableSteps = planPolicyTypes(ctx, live, declared);
  const created = new Map<string, StepRef>();
  for (const policy of declared.values()) {
    const step = planPolicy(ctx, policy, liveByName.get(policy.name), enableSteps.get(policy.type));
    if (step !== undefined) created.set(policy.name, step);
  }
  const after = new Map<string, { target: Target; names: string[] }>();
  const detaches = planAttachments(ctx, live, declared, liveByName, enableSteps, created, after);
  planPrune(ctx, live, declared, detaches);
  checkPlannedPolicies(ctx, live, declared, [...new Set([...live.enabledTypes, ...enableSteps.keys()])], [...after.values()]);
}

/** p-rules' checks of the organization as it will be: policies per organization, attachments per target, SCP lock-outs. */
function checkPlannedPolicies(
  ctx: PlanContext,
  live: LivePolicies,
  declared: ReadonlyMap<string, DesiredPolicy>,
  enabledTypes: readonly OrgPolicyType[],
  after: readonly { target: Target; names: string[] }[],
): void {
  const declaredInputs = declaredPolicyInputs([...declared.values()]);
  const others: PolicyInput[] = live.policies
    .filter((p) => declared.get(p.name)?.type !== p.type && !isPruned(ctx, p, declared))
    .map((p) => {
      const document = p.awsManaged ? (AWS_MANAGED_DOCUMENTS[p.name] ?? null) : p.content !== undefined ? (parseOrNull(p.content) ?? null) : null;
      return { name: p.name, type: p.type, document: document ?? {}, minifiedLength: 0, awsManaged: p.awsManaged, ...(document === null ? { unknownDocument: true } : {}) };
    });
  const all = [...declaredInputs, ...others];
  const targets = after.map(({ target, names }) => ({ target: describeTarget(target), policies: names, ...(target.at ? { at: target.at } : {}) }));
  // Only SCPs whose documents are known count for the lock-out check; unknown names count as allowing.
  const scps = all.filter((p) => p.type === 'SERVICE_CONTROL_POLICY' && !('unknownDocument' in p));
  const typeOf = new Map(all.map((p) => [p.name, p.type]));
  const managementAccountId = ctx.desired.managementAccountId;
  const tree = after.map(({ target, names }) => ({
    id: target.ref.type === 'root' ? '/' : target.ref.type === 'ou' ? target.ref.path : target.address,
    ...(target.parentPath !== undefined ? { parentId: target.parentPath } : {}),
    target: describeTarget(target),
    isAccount: target.ref.type === 'account',
    isManagementAccount: target.ref.type === 'account' && 'id' in target.ref && target.ref.id === managementAccountId,
    scps: names.filter((n) => typeOf.get(n) === 'SERVICE_CONTROL_POLICY'),
    ...(target.at ? { at: target.at } : {}),
  }));
  const problems = [
    ...policiesPerOrganization(all),
    ...attachmentsPerTarget(all, targets, enabledTypes),
    ...(enabledTypes.includes('SERVICE_CONTROL_POLICY') ? scpLockOuts(tree, scps) : []),
  ];
  for (const problem of problems) {
    const source = problem.at && problem.at.file === undefined ? { line: problem.at.line, column: problem.at.column } : undefined;
    if (problem.severity === 'error') ctx.notes.error(NoteCode.policyRule, problem.message, { source });
    else ctx.notes.warn(NoteCode.policyRule, problem.message, { source });
  }
}

/** The AWS-managed policies' documents (AWS's, as DescribePolicy returns them). */
const AWS_MANAGED_DOCUMENTS: Readonly<Record<string, JsonValue>> = {
  FullAWSAccess: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  RCPFullAWSAccess: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] },
};

function parseOrNull(content: string): JsonValue | null {
  try {
    return JSON.parse(content) as JsonValue;
  } catch {
    return null;
  }
}

/** Live policies by name: a declared policy only matches one of the same type; AWS-managed ones by name. */
function indexLivePolicies(live: LivePolicies, declared: ReadonlyMap<string, DesiredPolicy>): Map<string, LivePolicy> {
  const byName = new Map<string, LivePolicy>();
  for (const policy of live.policies) {
    const wanted = declared.get(policy.name);
    if (wanted !== undefined && (policy.awsManaged || policy.type !== wanted.type)) continue;
    if (wanted === undefined && !policy.awsManaged) continue;
    byName.set(policy.name, policy);
  }
  return byName;
}

/** The type of each name org.yaml knows: its declared policies and the AWS-managed ones. */
function typeOfKnown(name: string, declared: ReadonlyMap<string, DesiredPolicy>): OrgPolicyType | undefined {
  return declared.get(name)?.type ?? AWS_MANAGED_POLICIES[name];
}

function planPolicyTypes(ctx: PlanContext, live: LivePolicies, declared: ReadonlyMap<string, DesiredPolicy>): Map<OrgPolicyType, StepRef> {
  const needed = new Set<OrgPolicyType>([...declared.values()].map((p) => p.type));
  for (const target of targetsOf(ctx)) for (const ref of target.listed ?? []) {
    const type = typeOfKnown(ref.name, declared);
    if (type !== undefined) needed.add(type);
  }
  const enabled = new Set(live.enabledTypes);
  const createOrganization = ctx.graph.earlier((draft) => draft.kind === 'createOrganization');
  const steps = new Map<OrgPolicyType, StepRef>();
  for (const type of [...needed].sort()) {
    if (enabled.has(type)) continue;
    steps.set(
      type,
      ctx.graph.add(
        Phase.enablePolicyType,
        {
          kind: 'enablePolicyType',
          address: policyTypeAddress(type),
          reason: `org.yaml uses ${type} policies and the type is not enabled on the root`,
          root: ROOT_REF,
          before: null,
          after: { policyType: type },
        },
        createOrganization,
      ),
    );
  }
  return steps;
}

function planPolicy(ctx: PlanContext, policy: DesiredPolicy, live: LivePolicy | undefined, enable: StepRef | undefined): StepRef | undefined {
  const address = policyAddress(policy.name);
  if (policy.document === undefined) {
    ctx.notes.error(NoteCode.policyDocumentNotRead, `policy "${visibleText(policy.name)}": its document was not read, so the plan cannot compare or upload it.`, {
      address,
      source: policy.at,
    });
    return undefined;
  }
  const content = minifiedJson(policy.document);
  if (live === undefined) {
    return ctx.graph.add(
      Phase.createPolicy,
      {
        kind: 'createPolicy',
        address,
        reason: 'not in the live organization',
        before: null,
        after: {
          name: policy.name,
          type: policy.type,
          description: policy.description,
          content,
          ...(policy.tags && policy.tags.entries.length > 0 && { tags: tagRecord(policy.tags) }),
        },
      },
      [enable],
    );
  }
  const liveContent = live.content ?? '';
  const contentDiffers = canonicalContent(liveContent) !== canonicalJson(policy.document);
  const descriptionDiffers = live.description !== policy.description;
  if (!contentDiffers && !descriptionDiffers) return undefined;
  ctx.graph.add(Phase.updatePolicy, {
    kind: 'updatePolicy',
    address,
    reason: [contentDiffers ? 'the document differs from org.yaml' : undefined, descriptionDiffers ? 'the description differs' : undefined]
      .filter((r) => r !== undefined)
      .join('; '),
    policy: policyRef(policy.name),
    policyType: policy.type,
    before: { description: live.description, content: liveContent },
    after: { description: policy.description, content },
  });
  return undefined;
}

/** Every root, OU and account org.yaml places, with its `policies:` list when it has one. */
function targetsOf(ctx: PlanContext): Target[] {
  const { desired, desiredIndex, live, matching } = ctx;
  const liveOuIdByPath = new Map([...matching.futurePathById].map(([id, path]) => [path, id]));
  // Accounts that exist (by ID, or matched by email) and those the plan creates (by email).
  const placed = [
    ...[...desiredIndex.accounts].map(([id, placement]) => ({ ...placement, id, email: undefined })),
    ...desiredIndex.newAccounts.map((placement) => ({ ...placement, id: undefined })),
  ];
  // Accounts beneath each OU path, counted once per ancestor (not a scan of every account per OU: 500 OUs × 5,000 accounts).
  const beneath = new Map<string, number>();
  for (const { parentPath } of placed) {
    for (let path = parentPath; path !== ROOT_PATH && path !== ''; path = parentOfPath(path)) beneath.set(path, (beneath.get(path) ?? 0) + 1);
  }
  const accountsUnder = (path: string): number => beneath.get(path) ?? 0;
  const liveAccounts = new Set(live.accounts.map((a) => a.id));
  const targets: Target[] = [
    {
      ref: ROOT_REF,
      address: 'root',
      liveId: live.root?.id,
      listed: desired.root.policies,
      accountsAffected: Math.max(live.accounts.length, placed.length),
    },
  ];
  for (const ou of desiredIndex.ous) {
    targets.push({
      ref: ouRef(ou.path),
      address: ouAddress(ou.path),
      liveId: liveOuIdByPath.get(ou.path),
      listed: ou.policies,
      accountsAffected: accountsUnder(ou.path),
      ouPath: ou.path,
      parentPath: parentOfPath(ou.path),
      ...(ou.at ? { at: ou.at } : {}),
    });
  }
  for (const { account, parentPath, id, email } of placed) {
    targets.push({
      parentPath,
      ...accountTarget(id, email, liveAccounts),
      listed: account.policies,
      accountsAffected: 1,
      ...(account.at ? { at: account.at } : {}),
    });
  }
  return targets;
}

/** Detach steps by policy name, so pruning waits for them and does not detach twice. */
type DetachSteps = Map<string, Map<string, StepRef>>;

function planAttachments(
  ctx: PlanContext,
  live: LivePolicies,
  declared: ReadonlyMap<string, DesiredPolicy>,
  liveByName: ReadonlyMap<string, LivePolicy>,
  enableSteps: ReadonlyMap<OrgPolicyType, StepRef>,
  created: ReadonlyMap<string, StepRef>,
  after: Map<string, { target: Target; names: string[] }>,
): DetachSteps {
  const detaches: DetachSteps = new Map();
  const attachedTo = new Map<string, LivePolicy[]>();
  for (const policy of live.policies) for (const id of policy.targets) attachedTo.set(id, [...(attachedTo.get(id) ?? []), policy]);
  const enabled = new Set(live.enabledTypes);
  // AWS attaches a type's default policy to every target when the type is enabled, and to every new OU and account.
  const defaultsOf = (target: Target): string[] =>
    Object.entries(DEFAULT_POLICY_OF_TYPE)
      .filter(([type]) => enableSteps.has(type as OrgPolicyType) || (target.liveId === undefined && enabled.has(type as OrgPolicyType)))
      .map(([, name]) => name!);
  const unlisted: { target: Target; policy: LivePolicy }[] = [];
  const option = ctx.desired.options.unlistedPolicyAttachments ?? 'ignore';

  for (const target of targetsOf(ctx)) {
    const attached = target.liveId === undefined ? [] : (attachedTo.get(target.liveId) ?? []);
    if (target.listed === undefined) {
      // Left alone: what is attached stays (with the defaults AWS attaches as types are enabled), pruned policies aside.
      after.set(target.address, { target, names: [...new Set([...attached.filter((p) => !isPruned(ctx, p, declared)).map((p) => p.name), ...defaultsOf(target)])] });
      continue;
    }
    const kept = new Set<string>();
    const before = new Set([...attached.filter((p) => p.awsManaged || declared.get(p.name)?.type === p.type).map((p) => p.name), ...defaultsOf(target)]);
    const wanted = new Set(target.listed.map((ref) => ref.name));
    const waitFor = targetPrerequisites(ctx, target);
    const attaches: StepRef[] = [];
    for (const ref of target.listed) {
      if (before.has(ref.name)) continue;
      const type = typeOfKnown(ref.name, declared)!;
      if (!declared.has(ref.name) && !liveByName.has(ref.name) && !enableSteps.has(type)) {
        ctx.notes.error(NoteCode.awsManagedPolicyMissing, `${describeTarget(target)} lists the AWS-managed policy "${ref.name}", which the organization does not have.`, {
          address: target.address,
          source: ref.at,
        });
        continue;
      }
      attaches.push(
        ctx.graph.add(
          Phase.attachPolicy,
          {
            kind: 'attachPolicy',
            address: policyAttachmentAddress(ref.name, target.address),
            reason: `listed in the policies of ${describeTarget(target)}`,
            policy: policyRef(ref.name),
            policyType: type,
            target: target.ref,
            accountsAffected: target.accountsAffected,
            before: null,
            after: { policyName: ref.name },
          },
          [created.get(ref.name), enableSteps.get(type), ...waitFor],
        ),
      );
    }
    const detach = (name: string, type: OrgPolicyType, reason: string): void => {
      const step = ctx.graph.add(
        Phase.detachPolicy,
        {
          kind: 'detachPolicy',
          address: policyAttachmentAddress(name, target.address),
          reason,
          policy: policyRef(name),
          policyType: type,
          target: target.ref,
          accountsAffected: target.accountsAffected,
          before: { policyName: name },
          after: null,
        },
        [...attaches, ...waitFor],
      );
      if (target.liveId !== undefined) detaches.set(name, (detaches.get(name) ?? new Map<string, StepRef>()).set(target.liveId, step));
    };
    for (const name of wanted) kept.add(name);
    for (const name of [...before].sort()) {
      if (NON_DETACHABLE_POLICIES.has(name)) kept.add(name);
      if (wanted.has(name) || NON_DETACHABLE_POLICIES.has(name)) continue;
      detach(name, typeOfKnown(name, declared) ?? attached.find((p) => p.name === name)?.type ?? 'SERVICE_CONTROL_POLICY', `not in the policies of ${describeTarget(target)}`);
    }
    for (const policy of attached) {
      if (policy.awsManaged || declared.get(policy.name)?.type === policy.type) continue;
      if (option === 'detach' && !isPruned(ctx, policy, declared)) {
        detach(policy.name, policy.type, `attached but not declared in org.yaml; unlistedPolicyAttachments is detach`);
      } else if (!isPruned(ctx, policy, declared)) {
        unlisted.push({ target, policy });
        kept.add(policy.name);
      }
    }
    after.set(target.address, { target, names: [...kept] });
  }
  reportUnlisted(ctx, unlisted, option);
  return detaches;
}

/** An account by its ID, or, when org.yaml creates it in this plan, by its email (the creation records its ID). */
function accountTarget(id: string | undefined, email: string | undefined, liveAccounts: ReadonlySet<string>): Pick<Target, 'ref' | 'address' | 'liveId' | 'newAccountEmail'> {
  if (id !== undefined || email === undefined) {
    const known = id ?? '';
    return { ref: { type: 'account', id: known }, address: accountAddress(known), liveId: liveAccounts.has(known) ? known : undefined };
  }
  return { ref: { type: 'account', email }, address: newAccountAddress(email), liveId: undefined, newAccountEmail: email };
}

/**
 * Steps of the organization kind the target's attachments wait for: its OU's creation and renames (and its
 * ancestors'), or the creation of the account the plan creates.
 */
function targetPrerequisites(ctx: PlanContext, target: Target): StepRef[] {
  const email = target.newAccountEmail?.toLowerCase();
  if (email !== undefined) {
    return ctx.graph.earlier((draft) => draft.kind === 'createOrganization' || (draft.kind === 'createAccount' && draft.after.email.toLowerCase() === email));
  }
  const path = target.ouPath;
  if (path === undefined) return ctx.graph.earlier((draft) => draft.kind === 'createOrganization');
  const onPath = (p: string): boolean => p === path || path.startsWith(`${p}/`);
  return ctx.graph.earlier(
    (draft) =>
      draft.kind === 'createOrganization' ||
      (draft.kind === 'createOrganizationalUnit' && onPath(draft.after.path)) ||
      (draft.kind === 'renameOrganizationalUnit' && onPath(draft.after.path)),
  );
}

function reportUnlisted(ctx: PlanContext, unlisted: readonly { target: Target; policy: LivePolicy }[], option: 'ignore' | 'error' | 'detach'): void {
  if (unlisted.length === 0) return;
  const lines = unlisted.map(({ target, policy }) => `"${visibleText(policy.name)}" (${policy.type}) on ${describeTarget(target)}`);
  const message =
    `${plural(unlisted.length, 'attachment')} of policies org.yaml does not declare ${unlisted.length === 1 ? 'is' : 'are'} on nodes that list their policies: ${listSome(lines)}. ` +
    (option === 'error'
      ? 'unlistedPolicyAttachments is error: declare these policies in org.yaml, detach them, or set the option to ignore or detach.'
      : 'They are left alone (unlistedPolicyAttachments: ignore); set it to detach to remove them, or declare the policies.');
  if (option === 'error') ctx.notes.error(NoteCode.unlistedPolicyAttachments, message);
  else ctx.notes.warn(NoteCode.unlistedPolicyAttachments, message);
}

function isOurs(policy: LivePolicy): boolean {
  return policy.tags?.[MANAGED_POLICY_TAG.key] === MANAGED_POLICY_TAG.value;
}

function isPruned(ctx: PlanContext, policy: LivePolicy, declared: ReadonlyMap<string, DesiredPolicy>): boolean {
  return (ctx.desired.options.prunePolicies ?? false) && !policy.awsManaged && declared.get(policy.name)?.type !== policy.type && isOurs(policy);
}

function planPrune(ctx: PlanContext, live: LivePolicies, declared: ReadonlyMap<string, DesiredPolicy>, detaches: DetachSteps): void {
  // Tags are read only with prunePolicies: without it, orgctl cannot tell which policies it created.
  if (!(ctx.desired.options.prunePolicies ?? false)) return;
  const pathById = ctx.matching.futurePathById;
  for (const policy of live.policies) {
    if (policy.awsManaged || declared.get(policy.name)?.type === policy.type || !isOurs(policy)) continue;
    const ref = policyRef(policy.name);
    const done = detaches.get(policy.name) ?? new Map<string, StepRef>();
    const steps: StepRef[] = [];
    for (const targetId of policy.targets) {
      const existing = done.get(targetId);
      if (existing !== undefined) {
        steps.push(existing);
        continue;
      }
      const target = targetRefOf(ctx, targetId, pathById);
      if (target === undefined) continue;
      steps.push(
        ctx.graph.add(Phase.detachPolicy, {
          kind: 'detachPolicy',
          address: policyAttachmentAddress(policy.name, target.address),
          reason: 'the policy is deleted (prunePolicies)',
          policy: ref,
          policyType: policy.type,
          target: target.ref,
          accountsAffected: target.accountsAffected,
          before: { policyName: policy.name },
          after: null,
        }),
      );
    }
    ctx.graph.add(
      Phase.deletePolicy,
      {
        kind: 'deletePolicy',
        address: policyAddress(policy.name),
        reason: `not in org.yaml; tagged ${MANAGED_POLICY_TAG.key}=${MANAGED_POLICY_TAG.value} and prunePolicies is on`,
        policy: ref,
        before: { id: policy.id, name: policy.name, type: policy.type, description: policy.description },
        after: null,
      },
      steps,
    );
  }
}

/** A live target by ID, as a reference at the path it will have after the plan's renames. */
function targetRefOf(ctx: PlanContext, id: string, pathById: ReadonlyMap<string, string>): { ref: PolicyTargetRef; address: string; accountsAffected: number } | undefined {
  if (id === ctx.live.root?.id) return { ref: ROOT_REF, address: 'root', accountsAffected: ctx.live.accounts.length };
  const path = pathById.get(id);
  if (path !== undefined && path !== ROOT_PATH) {
    const count = ctx.live.accounts.filter((a) => {
      const parent = pathById.get(a.parentId) ?? (a.parentId === ctx.live.root?.id ? ROOT_PATH : undefined);
      return parent === path || parent?.startsWith(`${path}/`) === true;
    }).length;
    return { ref: ouRef(path), address: ouAddress(path), accountsAffected: count };
  }
  if (ctx.live.accounts.some((a) => a.id === id)) return { ref: { type: 'account', id }, address: accountAddress(id), accountsAffected: 1 };
  return undefined;
}

function parentOfPath(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? ROOT_PATH : path.slice(0, cut);
}

function describeTarget(target: Target): string {
  switch (target.ref.type) {
    case 'root':
      return 'the root';
    case 'ou':
      return `OU ${visibleText(target.ref.path)}`;
    default:
      return `account ${target.address.slice('account:'.length)}`;
  }
}

function policyRef(name: string): PolicyRef {
  return { type: 'policy', name };
}
