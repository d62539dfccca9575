import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, worstCaseGiveUpMs } from '../../src/aws/retry.js';
import { awsTimeoutsFrom, DEFAULT_AWS_TIMEOUTS } from '../../src/aws/timeouts.js';
import { UserError } from '../../src/model/errors.js';

describe('AWS timeouts', () => {
  it('with the defaults, a call to an endpoint that never answers gives up well within two minutes, retries included', () => {
    // 6 attempts × 10 s + backoffs of at most 0.1 + 0.2 + 0.4 + 0.8 + 1.6 s.
    expect(worstCaseGiveUpMs(DEFAULT_RETRY_POLICY.other, DEFAULT_AWS_TIMEOUTS.requestMs)).toBe(63_100);
    expect(worstCaseGiveUpMs(DEFAULT_RETRY_POLICY.other, DEFAULT_AWS_TIMEOUTS.requestMs)).toBeLessThan(90_000);
  });

  it('counts every attempt and caps each backoff', () => {
    expect(worstCaseGiveUpMs({ maxAttempts: 1, baseDelayMs: 100, maxDelayMs: 200 }, 50)).toBe(50);
    expect(worstCaseGiveUpMs({ maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 250 }, 1_000)).toBe(4_000 + 100 + 200 + 250);
  });

  it('reads ORGCTL_CONNECT_TIMEOUT_MS and ORGCTL_REQUEST_TIMEOUT_MS, each defaulting on its own', () => {
    expect(awsTimeoutsFrom({})).toEqual(DEFAULT_AWS_TIMEOUTS);
    expect(awsTimeoutsFrom({ ORGCTL_CONNECT_TIMEOUT_MS: '', ORGCTL_REQUEST_TIMEOUT_MS: ' ' })).toEqual(DEFAULT_AWS_TIMEOUTS);
    expect(awsTimeoutsFrom({ ORGCTL_CONNECT_TIMEOUT_MS: '250' })).toEqual({ ...DEFAULT_AWS_TIMEOUTS, connectMs: 250 });
    expect(awsTimeoutsFrom({ ORGCTL_REQUEST_TIMEOUT_MS: '30000' })).toEqual({ ...DEFAULT_AWS_TIMEOUTS, requestMs: 30_000 });
  });

  it.each(['0', '-5', '1.5', '5s', 'abc', '1e3'])('refuses %s, naming the variable', (raw) => {
    expect(() => awsTimeoutsFrom({ ORGCTL_REQUEST_TIMEOUT_MS: raw })).toThrow(UserError);
    expect(() => awsTimeoutsFrom({ ORGCTL_REQUEST_TIMEOUT_MS: raw })).toThrow(`ORGCTL_REQUEST_TIMEOUT_MS must be a whole number of milliseconds above 0 (got "${raw}").`);
  });
});
