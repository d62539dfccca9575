// Parses the --faults text into a FaultSpec. Grammar (whitespace is ignored):
//   spec   := clause (';' clause)*
//   clause := 'seed=' INTEGER | target ':' effect (',' effect)*
//   target := '*' | name ('|' name)*        name: Operation, service.Operation or service.*
//   effect := kind '=' rate | 'latency=' MS ['-' MS] ['ms'] ['@' rate]
//   kind   := throttle | conflict | error500 | drop | drop-after
//   rate   := a number in [0, 1], or a percentage such as 10%
// Example: "seed=42; *: throttle=10%, drop=2%; MoveAccount|budgets.*: conflict=0.2, latency=50-200ms"

import { FAULT_KINDS, type FaultKind, type FaultRule, type FaultSpec } from './faults.js';

export class FaultSpecError extends Error {
  override readonly name = 'FaultSpecError';
  constructor(
    message: string,
    /** The clause the problem is in, as written. */
    readonly clause: string,
  ) {
    super(message);
  }
}

const NAME = /^(\*|[A-Za-z][A-Za-z0-9]*(\.([A-Za-z][A-Za-z0-9]*|\*))?)$/;

function parseRate(text: string, clause: string, what: string): number {
  const percent = text.endsWith('%');
  const number = Number(percent ? text.slice(0, -1) : text);
  const value = percent ? number / 100 : number;
  if (text === '' || !Number.isFinite(number) || value < 0 || value > 1) {
    throw new FaultSpecError(`${what} must be a probability such as 0.1 or 10% (got "${text}")`, clause);
  }
  return value;
}

function parseLatency(text: string, clause: string): Pick<FaultRule, 'latencyMs' | 'latencyRate'> {
  const [range = '', rateText] = text.split('@');
  const match = /^(\d+)(?:-(\d+))?(?:ms)?$/.exec(range);
  if (!match) throw new FaultSpecError(`latency must be milliseconds such as 50ms or 50-200ms (got "${text}")`, clause);
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  if (max < min) throw new FaultSpecError(`latency range ${min}-${max} is backwards`, clause);
  return {
    latencyMs: min === max ? min : [min, max],
    ...(rateText === undefined ? {} : { latencyRate: parseRate(rateText, clause, 'latency rate') }),
  };
}

export function parseFaultSpec(text: string): FaultSpec {
  let seed: number | undefined;
  const rules: FaultRule[] = [];
  for (const rawClause of text.split(';')) {
    const clause = rawClause.replace(/\s+/g, '');
    if (clause === '') continue;
    if (clause.startsWith('seed=')) {
      const value = clause.slice(5);
      if (!/^\d+$/.test(value)) throw new FaultSpecError(`seed must be a whole number (got "${value}")`, rawClause.trim());
      seed = Number(value);
      continue;
    }
    const colon = clause.indexOf(':');
    if (colon < 0) {
      throw new FaultSpecError('expected "<operations>: <fault>=<rate>, ..." such as "*: throttle=10%" or "seed=<n>"', rawClause.trim());
    }
    const targetText = clause.slice(0, colon);
    const names = targetText.split('|');
    for (const name of names) {
      if (!NAME.test(name)) {
        throw new FaultSpecError(`"${name}" is not an operation name; use *, an operation such as MoveAccount, or budgets.CreateBudget`, rawClause.trim());
      }
    }
    const rates: Partial<Record<FaultKind, number>> = {};
    let latency: Pick<FaultRule, 'latencyMs' | 'latencyRate'> = {};
    const effects = clause.slice(colon + 1).split(',');
    for (const effect of effects) {
      const eq = effect.indexOf('=');
      const kind = eq < 0 ? effect : effect.slice(0, eq);
      const value = eq < 0 ? '' : effect.slice(eq + 1);
      if (kind === 'latency') {
        latency = parseLatency(value, rawClause.trim());
      } else if ((FAULT_KINDS as readonly string[]).includes(kind)) {
        rates[kind as FaultKind] = parseRate(value, rawClause.trim(), kind);
      } else {
        throw new FaultSpecError(`unknown fault "${kind}"; expected one of ${[...FAULT_KINDS, 'latency'].join(', ')}`, rawClause.trim());
      }
    }
    const total = Object.values(rates).reduce((sum, rate) => sum + rate, 0);
    if (total > 1 + 1e-9) throw new FaultSpecError(`fault rates add up to ${total}, more than 1`, rawClause.trim());
    rules.push({ operations: targetText === '*' ? '*' : names, rates, ...latency });
  }
  return seed === undefined ? { rules } : { seed, rules };
}
