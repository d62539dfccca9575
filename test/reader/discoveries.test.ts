// The reader's hand-on of the tree as the walk finds it: a kind's read that subscribes late still gets
// every part found before, in order, then the new ones.

import { describe, expect, it } from 'vitest';
import { Discoveries, type TreeDiscovery } from '../../src/reader/discoveries.js';

describe('Discoveries', () => {
  it('replays what was found before a subscriber came, in order, then hands on each new part', () => {
    const discoveries = new Discoveries();
    const root: TreeDiscovery = { root: { id: 'r-1', name: 'Root' } };
    const ous: TreeDiscovery = { ous: [{ id: 'ou-1', name: 'A', parentId: 'r-1' }] };
    const accounts: TreeDiscovery = { accounts: [{ id: '111111111111', name: 'a', email: 'a@example.com', state: 'ACTIVE', parentId: 'ou-1' }] };
    discoveries.publish(root);
    discoveries.publish(ous);
    const early: TreeDiscovery[] = [];
    discoveries.subscribe((part) => early.push(part));
    expect(early).toEqual([root, ous]);
    discoveries.publish(accounts);
    const late: TreeDiscovery[] = [];
    discoveries.subscribe((part) => late.push(part));
    expect(early).toEqual([root, ous, accounts]);
    expect(late).toEqual([root, ous, accounts]);
  });
});
