// `npm run demo` (`orgctl demo`) as a newcomer runs it: a real process on the repository's org.yaml.
// It shows the bootstrap plan, applies it, plans again and shows "No changes", exit 0.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, spawnOrgctl } from '../workflow/support/cli-harness.js';

describe('orgctl demo', () => {
  it('is what `npm run demo` runs', () => {
    const scripts = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['demo']).toBe('node bin/orgctl.js demo');
  });

  it('prints the bootstrap plan, applies it, and ends with "No changes", exit 0', async () => {
    const { AWS_ENDPOINT_URL: _a, AWS_PROFILE: _b, ...env } = process.env as Record<string, string>;
    const run = await spawnOrgctl(['demo'], { cwd: REPO, env: { ...env, NO_COLOR: '1' } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const [intro, plan, apply, replan] = run.stdout.split(/\n== \d\. /);
    expect(intro).toMatch(/^orgctl demo: a fresh AWS account 123456789012 with no organization/);
    // 1. The bootstrap: the organization, the foundational OUs, the management account into Management, the budget.
    expect(plan).toContain('+ organization');
    for (const ou of ['Management', 'Security', 'Infrastructure', 'Workloads', 'Workloads/Prod', 'Workloads/NonProd', 'Sandbox', 'Suspended']) {
      expect(plan).toContain(`+ ou:/${ou}`);
    }
    expect(plan).toMatch(/~ account:123456789012 .*Management/);
    expect(plan).toContain('+ budget:monthly-guardrail');
    expect(plan).toContain('notify when ACTUAL > 80%: email billing@example.com');
    expect(plan).toContain('Plan: 10 to create, 1 to update, 0 to delete.');
    // 2. Every step applied.
    const steps = apply!.split('\n').filter((l) => /^\s+(ok|FAILED|skipped) /.test(l));
    expect(steps).toHaveLength(11);
    expect(steps.every((l) => l.trim().startsWith('ok '))).toBe(true);
    expect(apply).toContain('Apply complete: 11 succeeded, 0 failed, 0 not run');
    // 3. The plan again: nothing left.
    expect(replan).toMatch(/^orgctl plan again/);
    expect(replan).toMatch(/\nNo changes\. The organization matches org\.yaml\./);
    expect(replan).not.toMatch(/Plan: \d+ to create/);
  });
});
