// The pure diff: planOrg alone (no I/O), on the benchmark's organization, several runs after a
// warm-up, median. Three cases: nothing to do, the drifted organization, the large change.

import { parseOrgYaml } from '../src/config/parse-org-yaml.js';
import type { DesiredOrg } from '../src/model/desired.js';
import type { LiveOrg } from '../src/model/live.js';
import { planOrg } from '../src/planner/index.js';
import { median } from './measure.js';

export interface PureDiffCase {
  readonly name: string;
  readonly steps: number;
  readonly medianMs: number;
  readonly runsMs: readonly number[];
}

export interface PureDiffResult {
  readonly runs: number;
  readonly cases: readonly PureDiffCase[];
  /** The largest median of the cases, and which case. */
  readonly worstMedianMs: number;
  readonly worstCase: string;
}

export function desiredFrom(text: string): DesiredOrg {
  const parsed = parseOrgYaml(text, 'org.yaml');
  if (!parsed.ok) throw new Error(`generated org.yaml does not validate: ${parsed.errors.map((e) => e.message).join('; ')}`);
  return parsed.value;
}

function timeCase(name: string, desired: DesiredOrg, live: LiveOrg, runs: number): PureDiffCase {
  const inputs = { orgYamlSha256: '', liveStateSha256: '' };
  const steps = planOrg(desired, live, inputs).steps.length; // warm-up
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    planOrg(desired, live, inputs);
    runsMs.push(performance.now() - started);
  }
  return { name, steps, medianMs: median(runsMs), runsMs };
}

export function measurePureDiff(baseYaml: string, liveBase: LiveOrg, liveDrifted: LiveOrg, changeYaml: string, runs: number): PureDiffResult {
  const base = desiredFrom(baseYaml);
  const cases = [
    timeCase('no changes', base, liveBase, runs),
    timeCase('after drift', base, liveDrifted, runs),
    timeCase('large change (apply scenario)', desiredFrom(changeYaml), liveBase, runs),
  ];
  const worst = cases.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
  return { runs, cases, worstMedianMs: worst.medianMs, worstCase: worst.name };
}
