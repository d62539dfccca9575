// Runs bench/emulator-throughput.ts (the emulator's own throughput bench, in its own process) and
// reads its figures from its report.

import { timeProcess } from './measure.js';

export interface ThroughputResult {
  readonly callsPerSecond: number;
  readonly callsPerCpuSecond: number | null;
  readonly emulatorCpuShare: number | null;
  readonly latencyP50Ms: number | null;
  readonly latencyP99Ms: number | null;
  readonly report: string;
}

export async function measureEmulatorThroughput(seconds: number): Promise<ThroughputResult> {
  const run = await timeProcess(process.execPath, ['--import', 'tsx', 'bench/emulator-throughput.ts', '--seconds', String(seconds)]);
  if (run.code !== 0) throw new Error(`bench/emulator-throughput.ts exited with ${run.code}:\n${run.stdout}\n${run.stderr}`);
  const number = (pattern: RegExp): number | null => {
    const match = pattern.exec(run.stdout);
    return match?.[1] === undefined ? null : Number(match[1]);
  };
  const callsPerSecond = number(/throughput: (\d+) calls\/s/);
  if (callsPerSecond === null) throw new Error(`bench/emulator-throughput.ts printed no throughput:\n${run.stdout}`);
  return {
    callsPerSecond,
    callsPerCpuSecond: number(/(\d+) calls per CPU-second/),
    emulatorCpuShare: number(/\((\d+)% of one core\)/),
    latencyP50Ms: number(/p50 ([\d.]+) ms/),
    latencyP99Ms: number(/p99 ([\d.]+) ms/),
    report: run.stdout.trim(),
  };
}
