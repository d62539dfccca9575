// What the snapshot read has found of the tree so far (the root, then each parent's OUs and accounts as
// their listings come back), handed on to the kinds' reads as it is found, so a read that needs IDs
// (the tags of the OUs and accounts org.yaml declares) can start on each one at once instead of
// waiting for the whole walk. The reader knows no kind: it only passes parts of the tree along.

import type { LiveOrg } from '../model/live.js';

/** A part of the tree, as one answer found it. */
export type TreeDiscovery = Partial<Pick<LiveOrg, 'root' | 'ous' | 'accounts'>>;

export type DiscoveryListener = (part: TreeDiscovery) => void;

export class Discoveries {
  private readonly found: TreeDiscovery[] = [];
  private readonly listeners: DiscoveryListener[] = [];

  /** From the snapshot read. A walk run again (the organization changed under it) publishes its parts again. */
  publish(part: TreeDiscovery): void {
    this.found.push(part);
    for (const listener of this.listeners) listener(part);
  }

  /** Every part found so far, in order, then each new one as it is found. */
  subscribe(listener: DiscoveryListener): void {
    for (const part of this.found) listener(part);
    this.listeners.push(listener);
  }
}
