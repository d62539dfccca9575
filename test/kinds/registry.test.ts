// The registry is the one place the engine learns about kinds: every step kind the plan file accepts
// has exactly one handler, in exactly one kind, whose group that kind declares.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StepHandler } from '../../src/kinds/kind.js';
import { RESOURCE_KINDS, STEP_GROUPS } from '../../src/kinds/registry.js';

const stepKindsOf = (kind: (typeof RESOURCE_KINDS)[number]): string[] => Object.keys(kind.steps);

describe('resource kind registry', () => {
  it('gives every step kind in the plan schema exactly one handler', () => {
    const schema = readFileSync(new URL('../../schema/plan.schema.json', import.meta.url), 'utf8');
    const inSchema = [...schema.matchAll(/"kind":\s*\{[^}]*?"const":\s*"(\w+)"/g)].map((m) => m[1]).sort();
    const handled = RESOURCE_KINDS.flatMap(stepKindsOf);
    expect(new Set(handled).size).toBe(handled.length);
    expect([...handled].sort()).toEqual(inSchema);
    expect(inSchema.length).toBeGreaterThan(0);
  });

  it.each(RESOURCE_KINDS.map((kind) => [kind.name, kind] as const))('%s puts its steps only in groups it declares', (_name, kind) => {
    const handlers = Object.values(kind.steps as Record<string, StepHandler<never>>);
    // A kind that so far only checks its section (identity center) has no steps, and then no groups.
    if (kind.groups.length === 0) return expect(handlers).toEqual([]);
    expect(handlers.length).toBeGreaterThan(0);
    for (const handler of handlers) expect(kind.groups).toContain(handler.group);
  });

  it('lists each group once, in kind order', () => {
    expect(new Set(STEP_GROUPS).size).toBe(STEP_GROUPS.length);
    expect(STEP_GROUPS).toEqual(RESOURCE_KINDS.flatMap((kind) => kind.groups));
  });
});
