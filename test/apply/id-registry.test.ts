// The ID registry apply resolves typed references through: the live IDs the plan was made from
// (before), and what steps create, rename and delete during the run (after).

import { describe, expect, it } from 'vitest';
import { IdRegistry } from '../../src/apply/id-registry.js';
import { StepPreconditionError } from '../../src/apply/step-context.js';
import { ouRef, ROOT_REF, type ResourceRef } from '../../src/model/refs.js';
import { aLiveOrg } from '../support/builders.js';

const liveBuilder = aLiveOrg()
  .withOu('/A/B/C', { id: 'ou-aaaa-cccccccc' })
  .withOu('/AB', { id: 'ou-aaaa-abababab' })
  .withAccount('111111111111', '/A', { email: 'one@example.com' });
const live = liveBuilder.build();
/** The live ID of the OU (or root, "/") at a path. */
const idOf = (path: string) => liveBuilder.ouId(path);

function errorOf(resolve: () => unknown): Error {
  try {
    resolve();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the reference not to resolve');
}

describe('IdRegistry', () => {
  it('resolves the root, OUs and accounts of the live organization in both views', () => {
    const ids = IdRegistry.fromLive(live);
    const refs: [ResourceRef, string][] = [
      [ROOT_REF, idOf('/')],
      [ouRef('/A/B'), idOf('/A/B')],
      [ouRef('/A/B/C'), 'ou-aaaa-cccccccc'],
      [{ type: 'account', id: '111111111111' }, '111111111111'],
      [{ type: 'account', email: 'one@example.com' }, '111111111111'],
    ];
    for (const [ref, id] of refs) {
      expect(ids.resolveBefore(ref)).toBe(id);
      expect(ids.resolveAfter(ref)).toBe(id);
    }
  });

  it('a recorded OU, account or policy resolves after, not before (it was not in the organization the plan was made from)', () => {
    const ids = IdRegistry.fromLive(live);
    const made: [ResourceRef, string][] = [
      [ouRef('/A/New'), 'ou-aaaa-newnewne'],
      [{ type: 'account', email: 'new@example.com' }, '222222222222'],
      [{ type: 'policy', name: 'DenyRoot' }, 'p-12345678'],
    ];
    for (const [ref, id] of made) {
      ids.record(ref, id);
      expect(ids.resolveAfter(ref)).toBe(id);
      expect(ids.findBefore(ref)).toBeUndefined();
    }
  });

  it('a root created by the run resolves in both views: accounts planned to move "from the root" sit in it', () => {
    const ids = IdRegistry.fromLive(aLiveOrg().withoutOrganization().build());
    expect(ids.findAfter(ROOT_REF)).toBeUndefined();
    ids.record(ROOT_REF, 'r-new0');
    expect(ids.resolveBefore(ROOT_REF)).toBe('r-new0');
    expect(ids.resolveAfter(ROOT_REF)).toBe('r-new0');
  });

  it('a rename moves the OU and its subtree in the after view only, and leaves OUs that merely share a prefix', () => {
    const ids = IdRegistry.fromLive(live);
    ids.renamed(ouRef('/A'), ouRef('/Z'));
    expect(ids.resolveAfter(ouRef('/Z'))).toBe(idOf('/A'));
    expect(ids.resolveAfter(ouRef('/Z/B/C'))).toBe('ou-aaaa-cccccccc');
    expect(ids.findAfter(ouRef('/A'))).toBeUndefined();
    expect(ids.findAfter(ouRef('/A/B'))).toBeUndefined();
    expect(ids.resolveAfter(ouRef('/AB'))).toBe('ou-aaaa-abababab');
    expect(ids.resolveBefore(ouRef('/A/B/C'))).toBe('ou-aaaa-cccccccc');
    expect(ids.resolveAfter(ROOT_REF)).toBe(idOf('/'));
  });

  it('a deleted OU no longer resolves after, still before', () => {
    const ids = IdRegistry.fromLive(live);
    ids.deleted(ouRef('/AB'));
    expect(ids.findAfter(ouRef('/AB'))).toBeUndefined();
    expect(ids.resolveBefore(ouRef('/AB'))).toBe('ou-aaaa-abababab');
  });

  it('an unresolved reference is a StepPreconditionError that names it and says why', () => {
    const ids = IdRegistry.fromLive(live);
    const after = errorOf(() => ids.resolveAfter(ouRef('/X')));
    expect(after).toBeInstanceOf(StepPreconditionError);
    expect(after.message).toBe('the OU /X does not exist (a step that creates it failed or was skipped)');
    expect(errorOf(() => ids.resolveAfter({ type: 'policy', name: 'DenyRoot' })).message).toBe(
      'the policy "DenyRoot" does not exist (a step that creates it failed or was skipped)',
    );
    const before = errorOf(() => ids.resolveBefore({ type: 'account', email: 'new@example.com' }));
    expect(before).toBeInstanceOf(StepPreconditionError);
    expect(before.message).toBe('the account new@example.com is not in the organization the plan was made from');
    expect(errorOf(() => IdRegistry.fromLive(aLiveOrg().withoutOrganization().build()).resolveAfter(ROOT_REF)).message).toBe(
      'the root does not exist (a step that creates it failed or was skipped)',
    );
  });
});
