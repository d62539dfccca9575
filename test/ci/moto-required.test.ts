// moto is required. Without moto_server on PATH: .ci/require-moto (the first step of .ci/run) stops with
// what to install, and a moto suite FAILS with the same advice. ORGCTL_SKIP_MOTO=1 skips it, loudly, on
// a laptop only: with CI set the opt-out is refused.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { laptopEnv, pathWithoutMoto, runVitest } from './run-vitest.js';

const SUITE = 'test/aws/sdk-port.moto.test.ts';
const REQUIREMENT = /^moto\[server\]==\d+\.\d+\.\d+$/m.exec(readFileSync('.ci/moto-requirements.txt', 'utf8'))?.[0];
const NO_MOTO = pathWithoutMoto();

describe('without moto_server on PATH', () => {
  it('the pin names one exact moto version, and the stripped PATH really lacks moto_server', () => {
    expect(REQUIREMENT).toBeDefined();
    expect(spawnSync('sh', ['-c', 'command -v moto_server'], { env: { PATH: NO_MOTO } }).status).not.toBe(0);
  });

  it('.ci/require-moto stops with exit code 1 and says what to install; with moto it passes', () => {
    const missing = spawnSync('bash', ['.ci/require-moto'], { env: { PATH: NO_MOTO }, encoding: 'utf8' });
    expect(missing.stderr).toContain('moto_server is not on PATH');
    expect(missing.stderr).toContain(`pip install '${REQUIREMENT}'`);
    expect(missing.status).toBe(1);
    const present = spawnSync('bash', ['.ci/require-moto'], { env: { PATH: process.env['PATH'] }, encoding: 'utf8' });
    expect(present.status, present.stderr).toBe(0);
  });

  it('a moto suite fails and says what to install', async () => {
    const run = await runVitest([SUITE], laptopEnv({ PATH: NO_MOTO }));
    expect(run.output).toContain('moto_server is not on PATH, and the moto cross-check is required.');
    expect(run.output).toContain(`pip install '${REQUIREMENT}'`);
    expect(run.code).toBe(1);
  }, 120_000);

  it('ORGCTL_SKIP_MOTO=1 skips it loudly on a laptop, and is refused with CI set', async () => {
    const skipped = await runVitest([SUITE], laptopEnv({ PATH: NO_MOTO, ORGCTL_SKIP_MOTO: '1' }));
    expect(skipped.output).toContain('ORGCTL_SKIP_MOTO=1: the moto cross-check suites are SKIPPED');
    expect(skipped.output).toMatch(/Tests\s+4 skipped/);
    expect(skipped.code, skipped.output).toBe(0);

    const inCi = await runVitest([SUITE], laptopEnv({ PATH: NO_MOTO, ORGCTL_SKIP_MOTO: '1', CI: 'true' }));
    expect(inCi.output).toContain('CI never skips the moto suites');
    expect(inCi.code).toBe(1);
  }, 120_000);
});

describe('CI installs and requires moto', () => {
  it('.ci/run checks for moto_server before anything else and drops the opt-out', () => {
    const commands = readFileSync('.ci/run', 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('set ') && !line.startsWith('cd '));
    expect(commands.slice(0, 2)).toEqual(['.ci/require-moto', 'unset ORGCTL_SKIP_MOTO']);
  });

  it('ci.yml installs the pinned moto before the tests, and no workflow sets ORGCTL_SKIP_MOTO', () => {
    const ci = parse(readFileSync('.github/workflows/ci.yml', 'utf8')) as { jobs: Record<string, { steps: { uses?: string; run?: string }[] }> };
    const job = Object.values(ci.jobs).find((j) => j.steps.some((s) => s.run === 'npm test'));
    const steps = job?.steps.map((s) => s.run ?? s.uses ?? '') ?? [];
    const before = (step: string) => steps.indexOf(step) >= 0 && steps.indexOf(step) < steps.indexOf('npm test');
    expect(steps.some((s) => /^actions\/setup-python@[0-9a-f]{40}$/.test(s))).toBe(true);
    expect(before('pip install -r .ci/moto-requirements.txt')).toBe(true);
    expect(before('.ci/require-moto')).toBe(true);
    for (const file of readdirSync('.github/workflows')) expect(readFileSync(`.github/workflows/${file}`, 'utf8'), file).not.toContain('ORGCTL_SKIP_MOTO');
  });
});
