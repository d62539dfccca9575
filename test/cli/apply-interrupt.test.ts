// Ctrl-C (SIGINT) or SIGTERM during `orgctl apply` as a real process (issue #12, item 6): no new step
// starts, the steps in flight finish, the usual summary follows (done, failed, not run) with how to
// continue, and the exit code is 130 (SIGINT) or 143 (SIGTERM). A second Ctrl-C stops at once. On a
// terminal the progress bar is cleared before the summary. Then apply again continues and converges.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AwsPort } from '../../src/aws/port.js';
import type { CliIo, InterruptSignal } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';
import { startEmulator, type Emulator, type RequestLogEntry } from '../../src/emulator/index.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { FakeAwsPort } from '../support/fake-port.js';
import { emulatorEnv, PTY_AVAILABLE, REPO, spawnOrgctl, workspace } from '../workflow/support/cli-harness.js';
import { CRASH_LIVE, crashDesired } from '../workflow/support/crash-scenario.js';
import { duplicatesIn, repeatedWrites, snapshotOf, writeCalls } from '../workflow/support/emulator-world.js';
import { orgYamlOf } from '../workflow/support/org-yaml.js';

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node bin/orgctl.js ...args`. `react` sees all output so far (stdout + stderr, or the terminal)
 * after each chunk and may send the process a signal or type on its terminal.
 */
function runOrgctl(
  args: readonly string[],
  options: { cwd: string; env: Record<string, string>; tty?: boolean; react?: (output: string, child: { kill(signal: NodeJS.Signals): void; type(text: string): void }) => void },
): Promise<Run> {
  return new Promise((resolve, reject) => {
    // python3's pty module puts orgctl on a pseudo-terminal (see cli-harness.ts spawnOrgctlOnTty).
    const child = options.tty
      ? spawn('python3', ['-c', 'import pty, sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)', process.execPath, join(REPO, 'bin/orgctl.js'), ...args], { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] })
      : spawn(process.execPath, [join(REPO, 'bin/orgctl.js'), ...args], { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const handle = { kill: (signal: NodeJS.Signals) => child.kill(signal), type: (text: string) => child.stdin.write(text) };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      options.react?.(stdout + stderr, handle);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      options.react?.(stdout + stderr, handle);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const SUMMARY = /Apply interrupted: (\d+) succeeded, 0 failed, (\d+) not run, in \d+(ms|\.\ds)\./;
const CONTINUE = 'No step started after the interrupt; the steps in flight finished. Steps that succeeded stay done.\nRun apply again: it continues from the live state.\n';

describe('apply interrupted', () => {
  let emulator: Emulator;
  let onRequest: ((entry: RequestLogEntry) => void) | undefined;
  const ws = workspace({ 'org.yaml': orgYamlOf(crashDesired()) });
  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false, onRequest: (entry) => onRequest?.(entry) }));
  });
  beforeEach(() => {
    emulator.seed(snapshotOf(CRASH_LIVE));
    emulator.clearStats();
    // Every MoveAccount takes 300 ms: 30 moves, 4 at a time, keep the run going for seconds.
    emulator.setFaults('MoveAccount: latency=300ms');
    onRequest = undefined;
  });
  afterAll(async () => {
    await emulator.stop();
    ws.remove();
  });

  /** Sends `signal` once the emulator has answered the k-th write. */
  function signalAfterWrites(k: number, signal: NodeJS.Signals): (output: string, child: { kill(signal: NodeJS.Signals): void }) => void {
    let writes = 0;
    let child: { kill(signal: NodeJS.Signals): void } | undefined;
    let sent = false;
    onRequest = (entry) => {
      writes += writeCalls([entry]).length;
      if (writes >= k && child && !sent) {
        sent = true;
        child.kill(signal);
      }
    };
    return (_output, c) => (child = c);
  }

  async function applyAgainConverges(): Promise<void> {
    emulator.setFaults(undefined);
    const again = await runOrgctl(['apply', '--auto-approve'], { cwd: ws.dir, env: emulatorEnv(emulator.url) });
    expect(again.stdout).toContain('Checked: the organization now matches org.yaml.');
    expect(again.code).toBe(0);
    expect(duplicatesIn(emulator.snapshot())).toEqual([]);
    expect(repeatedWrites(emulator.requestLog())).toEqual([]);
  }

  it('SIGINT: the steps in flight finish, the summary says what was done and how to continue, exit 130; apply again converges', async () => {
    const run = await runOrgctl(['apply', '--auto-approve'], { cwd: ws.dir, env: emulatorEnv(emulator.url), react: signalAfterWrites(5, 'SIGINT') });
    expect(run.stderr).toBe('Interrupted (SIGINT): no new step starts; waiting for the steps in flight to finish (Ctrl-C again stops at once).\n');
    const summary = SUMMARY.exec(run.stdout);
    expect(summary).not.toBeNull();
    const [succeeded, notRun] = [Number(summary![1]), Number(summary![2])];
    expect(notRun).toBeGreaterThan(0);
    expect(run.stdout.endsWith(CONTINUE)).toBe(true);
    // Every step that started finished (one write each), and none failed.
    const lines = run.stdout.split('\n');
    expect(lines.filter((l) => /^ok {6}/.test(l))).toHaveLength(succeeded);
    expect(lines.filter((l) => /^skipped /.test(l))).toHaveLength(notRun);
    expect(lines.filter((l) => /^skipped .*: not started: apply was interrupted$/.test(l)).length).toBeGreaterThan(0);
    expect(writeCalls(emulator.requestLog())).toHaveLength(succeeded);
    expect(run.code).toBe(130);

    await applyAgainConverges();
  });

  it('SIGTERM: the same, exit 143', async () => {
    const run = await runOrgctl(['apply', '--auto-approve'], { cwd: ws.dir, env: emulatorEnv(emulator.url), react: signalAfterWrites(5, 'SIGTERM') });
    expect(run.stderr).toBe('Interrupted (SIGTERM): no new step starts; waiting for the steps in flight to finish (a second SIGTERM stops at once).\n');
    expect(run.stdout).toMatch(SUMMARY);
    expect(run.stdout.endsWith(CONTINUE)).toBe(true);
    expect(run.code).toBe(143);
  });

  it.skipIf(!PTY_AVAILABLE)('on a terminal: Ctrl-C clears the progress bar before the summary', async () => {
    // 30 moves of 600 ms, 4 at a time: the bar (drawn after 2 s) is up for seconds before the run could end.
    emulator.setFaults('MoveAccount: latency=600ms');
    let answered = false;
    let interrupted = false;
    const run = await runOrgctl(['apply'], {
      cwd: ws.dir,
      env: emulatorEnv(emulator.url),
      tty: true,
      react: (output, child) => {
        if (!answered && output.includes('Only "yes" is accepted: ')) {
          answered = true;
          child.type('yes\n');
        }
        // Ctrl-C typed on the terminal once the bar is drawn.
        if (answered && !interrupted && /\] \d+\/\d+ steps, /.test(output)) {
          interrupted = true;
          child.type('\x03');
        }
      },
    });
    expect(interrupted).toBe(true);
    const terminal = run.stdout;
    const summaryAt = terminal.search(SUMMARY);
    expect(summaryAt).toBeGreaterThan(0);
    // After the last bar drawn before the summary, the line is cleared; no bar is drawn after it.
    const before = terminal.slice(0, summaryAt);
    const lastBar = before.lastIndexOf('] ');
    expect(lastBar).toBeGreaterThan(0);
    expect(before.slice(lastBar)).toContain('\r\x1b[2K');
    expect(terminal.slice(summaryAt)).not.toMatch(/\] \d+\/\d+ steps, /);
    expect(terminal).toContain('Run apply again: it continues from the live state.');
    expect(run.code).toBe(130);
  });

  it('a second Ctrl-C stops at once, exit 130, saying how to continue', async () => {
    // Moves take a second each. Once orgctl reports the first one done, it has already started the next
    // (a lane refills as a step finishes): the first Ctrl-C lands while that one is in flight, and the
    // second, sent as soon as the first is acknowledged, well before it finishes.
    emulator.setFaults('MoveAccount: latency=1000ms');
    let first = false;
    let second = false;
    const run = await runOrgctl(['apply', '--auto-approve'], {
      cwd: ws.dir,
      env: emulatorEnv(emulator.url),
      react: (output, child) => {
        if (!first && /^ok {6}moveAccount /m.test(output)) {
          first = true;
          child.kill('SIGINT');
        }
        if (!second && output.includes('Interrupted (SIGINT)')) {
          second = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(run.stderr).toBe(
      'Interrupted (SIGINT): no new step starts; waiting for the steps in flight to finish (Ctrl-C again stops at once).\n' +
        'Stopped at once: steps that were in flight may or may not be done. Run `orgctl apply` again: it continues from the live state.\n',
    );
    expect(run.stdout).not.toContain('Apply interrupted');
    expect(run.code).toBe(130);
    // Moves it left in flight still land in the emulator a second later, so this test comes last.
    // (Apply killed mid-run, then run again: test/cli/apply-crash.test.ts.)
  });
});

describe('apply interrupted during the check afterwards (in-process)', () => {
  it('the check is abandoned: the summary, how to see what remains, exit 130', async () => {
    const fake = new FakeAwsPort();
    fake.seedOrganization({ managementAccountId: FakeAwsPort.MANAGEMENT_ACCOUNT_ID });
    const ws = workspace({
      'org.yaml': `version: 1\norganization:\n  managementAccountId: "${FakeAwsPort.MANAGEMENT_ACCOUNT_ID}"\nroot:\n  accounts: ["${FakeAwsPort.MANAGEMENT_ACCOUNT_ID}"]\n  organizationalUnits:\n    Workloads: {}\n`,
    });
    let interrupt: ((signal: InterruptSignal, again: boolean) => void) | undefined;
    let restored = false;
    let reads = 0;
    // The second DescribeOrganization is the check's: Ctrl-C then, and the read never answers.
    const port = new Proxy(fake, {
      get(target, name, receiver) {
        if (name !== 'describeOrganization') return Reflect.get(target, name, receiver);
        return () => {
          reads += 1;
          if (reads === 1) return target.describeOrganization();
          interrupt?.('SIGINT', false);
          return new Promise(() => undefined);
        };
      },
    }) as AwsPort;
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: {},
      cwd: ws.dir,
      awsPort: port,
      trapInterrupts: (listener) => {
        interrupt = listener;
        return () => (restored = true);
      },
    };
    try {
      const code = await runCli(['apply', '--auto-approve'], io);
      expect(stdout).toContain('ok      createOrganizationalUnit ou:/Workloads');
      expect(stdout).toContain('\nApply complete: 1 succeeded, 0 failed, 0 not run, in ');
      expect(stdout.endsWith('Interrupted before the check afterwards: run `orgctl plan` to see whether the organization now matches org.yaml.\n')).toBe(true);
      expect(stderr).toBe('Interrupted (SIGINT): no new step starts; waiting for the steps in flight to finish (Ctrl-C again stops at once).\n');
      expect(code).toBe(130);
      expect(restored).toBe(true);
    } finally {
      ws.remove();
    }
  });
});
