// The Organizations tag reads of one plan, each resource read once: started early, as the snapshot
// read finds a declared OU or account (so they run beside the tree walk instead of after it), or late,
// once the complete tree says which resources to read. One queue for both, through the reader's port
// (so its pacer); a read started early is handed to the late list when that asks for the same ID.

import { isAwsCallError } from '../../aws/errors.js';
import type { AwsPort } from '../../aws/port.js';
import type { Tags } from '../../model/tags.js';
import { WorkQueue } from '../../reader/work-queue.js';

export class TagReads {
  private readonly started = new Map<string, Promise<Tags | null>>();
  private readonly queue: WorkQueue;

  constructor(
    private readonly port: AwsPort,
    concurrency: number,
  ) {
    this.queue = new WorkQueue(concurrency);
  }

  /** Starts reading the resource's tags, unless already started. */
  start(id: string): void {
    if (this.started.has(id)) return;
    let settle!: { resolve: (tags: Tags | null) => void; reject: (error: unknown) => void };
    const read = new Promise<Tags | null>((resolve, reject) => {
      settle = { resolve, reject };
    });
    // A read started early that the complete tree does not ask for is never awaited: not an unhandled rejection.
    read.catch(() => undefined);
    this.started.set(id, read);
    this.queue.add(async () => {
      // Failures go to whoever awaits this read, not to the queue (which would stop every other read).
      await orNull(this.port.listResourceTags(id)).then(settle.resolve, settle.reject);
    });
  }

  /** The resource's tags (null: it is not there), reading them now if no read was started. */
  read(id: string): Promise<Tags | null> {
    this.start(id);
    return this.started.get(id)!;
  }
}

/** A resource that is not there (a budget still to be created, something deleted meanwhile) has no tags to compare. */
export function orNull(read: Promise<Tags>): Promise<Tags | null> {
  return read.catch((error: unknown) => {
    if (isAwsCallError(error, 'notFound')) return null;
    throw error;
  });
}
