// Trusted access for the Account Management API (account.amazonaws.com): renaming a member account
// (PutAccountName with its AccountId) or setting its alternate contacts (PutAlternateContact with its
// AccountId) needs it, and AWS refuses the call without it. The organization
// kind plans the renames; this kind, which owns trusted access and is planned after it, says when the
// plan's renames need trusted access that is not enabled and that org.yaml does not enable. It reads the
// enabled services for that only when a member rename is due or member contacts are declared, so other plans
// make no extra call.

import type { DesiredOrg } from '../../model/desired.js';
import type { LiveAccount } from '../../model/live.js';
import { indexDesired } from '../../planner/desired-index.js';
import { listSome, NoteCode } from '../../planner/notes.js';
import type { PlanContext } from '../../planner/plan-context.js';
import type { StepDraft } from '../../planner/step-graph.js';
import { trustedAccessAddress } from '../../model/addresses.js';

export const ACCOUNT_MANAGEMENT_PRINCIPAL = 'account.amazonaws.com';

/** Whether org.yaml renames a member account the live tree has (the read's cheap test, before the plan exists). */
export function renamesMemberAccount(desired: DesiredOrg, accounts: readonly LiveAccount[], managementAccountId: string): boolean {
  const live = new Map(accounts.map((a) => [a.id, a]));
  for (const [id, { account }] of indexDesired(desired, accounts).accounts) {
    const found = live.get(id);
    if (found === undefined || id === managementAccountId || account.closed || found.state !== 'ACTIVE') continue;
    if (account.name !== undefined && account.name !== found.name) return true;
  }
  return false;
}

/** The account a step reaches through the Account Management API with its AccountId (a member account), if any. */
function memberAccountOf(draft: StepDraft, managementAccountId: string | undefined): string | undefined {
  if (draft.kind === 'renameAccount' && draft.accountId !== managementAccountId) return draft.accountId;
  if (draft.kind === 'putAlternateContact') return draft.accountId;
  return undefined;
}

export function planAccountManagementAccess(ctx: PlanContext): void {
  const enabled = ctx.live.trustedServices;
  // Not read: no member rename was due when the organization was read (or there is no organization yet).
  if (enabled === undefined || enabled.includes(ACCOUNT_MANAGEMENT_PRINCIPAL)) return;
  if (ctx.desired.trustedServices?.some((s) => s.principal === ACCOUNT_MANAGEMENT_PRINCIPAL)) return;
  const managementAccountId = ctx.live.organization?.managementAccountId;
  const accounts = new Set<string>();
  // The earlier kinds' steps: only their drafts tell which accounts they reach (no step waits on this note).
  ctx.graph.earlier((draft) => {
    const account = memberAccountOf(draft, managementAccountId);
    if (account !== undefined) accounts.add(account);
    return false;
  });
  if (accounts.size === 0) return;
  const listed = [...accounts].sort();
  ctx.notes.warn(
    NoteCode.trustedServiceNotEnabled,
    `renaming or setting the alternate contacts of ${listed.length === 1 ? 'account' : 'accounts'} ${listSome(listed)} needs trusted access for ${ACCOUNT_MANAGEMENT_PRINCIPAL}, which is not enabled, ` +
      `so AWS would refuse ${listed.length === 1 ? 'it' : 'them'}: add ${ACCOUNT_MANAGEMENT_PRINCIPAL} to organization.trustedServices and apply that first, ` +
      `or run \`aws organizations enable-aws-service-access --service-principal ${ACCOUNT_MANAGEMENT_PRINCIPAL}\`.`,
    { address: trustedAccessAddress(ACCOUNT_MANAGEMENT_PRINCIPAL) },
  );
}
