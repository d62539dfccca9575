// `npm run bench:rehearsal`: how long `plan --rehearse` adds to a plan (issue 18: under a second for a
// small plan). Measures rehearsePlan alone (copy the organization into the in-process emulator, apply
// the plan there, plan again) on plans of a few sizes; the plan's own AWS reads are not included.
// Not part of `npm test` or CI: it measures, it does not assert.

import { planOrg } from '../src/planner/index.js';
import { rehearsePlan } from '../src/rehearsal/rehearse-plan.js';
import { rehearsalLine } from '../src/render/rehearsal.js';
import { aDesiredOrg, aLiveOrg, FAKE_INPUTS, MANAGEMENT_ACCOUNT_ID } from '../test/support/builders.js';

const RUNS = 5;

/** A live organization of `accounts` accounts in the root, and an org.yaml that spreads them over `ous` new OUs with a budget each. */
function scenario(ous: number, accounts: number) {
  const desired = aDesiredOrg().withAccount(MANAGEMENT_ACCOUNT_ID);
  const live = aLiveOrg().withAccount(MANAGEMENT_ACCOUNT_ID, '/', { email: 'management@example.com' });
  for (let i = 0; i < accounts; i += 1) {
    const id = String(200000000000 + i);
    live.withAccount(id);
    desired.withAccount(id, `/Team${i % ous}`);
  }
  for (let i = 0; i < ous; i += 1) desired.withBudget({ name: `team-${i}`, amount: 100, notifications: [{ threshold: 80, subscribers: [{ type: 'EMAIL', address: `t${i}@example.com` }] }] });
  const builtDesired = desired.build();
  const builtLive = live.build();
  return { desired: builtDesired, live: builtLive, plan: planOrg(builtDesired, builtLive, FAKE_INPUTS) };
}

for (const [ous, accounts] of [[2, 5], [10, 50], [50, 500]] as const) {
  const { desired, live, plan } = scenario(ous, accounts);
  const times: number[] = [];
  let verdict = '';
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const rehearsal = await rehearsePlan({ plan, live, desired, orgYamlSha256: FAKE_INPUTS.orgYamlSha256 });
    times.push(performance.now() - started);
    verdict = rehearsalLine(rehearsal);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  process.stdout.write(`${String(plan.steps.length).padStart(5)} steps (${ous} OUs, ${accounts} accounts): median ${median.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms over ${RUNS} runs; ${verdict}\n`);
}
