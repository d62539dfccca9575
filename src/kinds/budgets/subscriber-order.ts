// In what order a notification's subscribers change so that alerts never lapse and Budgets' limits
// hold at every moment: one SNS topic and ten email addresses per notification, and deleting the last
// subscriber deletes the notification. New subscribers go first; old ones leave once a new or kept one
// is there; subscribers that only fit after old ones leave come next; and when nothing else would keep
// the notification alive, one old subscriber stays until the late ones exist.

import { subscriberKeyString } from '../../model/addresses.js';
import type { Subscriber, SubscriptionType } from '../../model/desired.js';

export const SUBSCRIBER_LIMITS: Readonly<Record<SubscriptionType, number>> = { EMAIL: 10, SNS: 1 };
const TYPES: readonly SubscriptionType[] = ['EMAIL', 'SNS'];

export interface SubscriberOrder {
  /** Added first, all at once. */
  readonly first: readonly Subscriber[];
  /** Removed once every `first` subscriber exists. */
  readonly removals: readonly Subscriber[];
  /** Added once the `removals` of their own type are done (they did not fit before). */
  readonly late: readonly Subscriber[];
  /** Removed once every `late` subscriber exists: it kept the notification alive meanwhile. */
  readonly last: Subscriber | undefined;
  /** Added once `last` is gone: its type was full until then. */
  readonly afterLast: readonly Subscriber[];
}

/**
 * null when the change cannot be made in place: the notification's only subscriber is an SNS topic
 * being swapped for another, and a notification may hold only one topic.
 */
export function orderSubscriberChanges(live: readonly Subscriber[], desired: readonly Subscriber[]): SubscriberOrder | null {
  const liveKeys = new Set(live.map(subscriberKeyString));
  const desiredKeys = new Set(desired.map(subscriberKeyString));
  const adds = desired.filter((s) => !liveKeys.has(subscriberKeyString(s)));
  const removes = live.filter((s) => !desiredKeys.has(subscriberKeyString(s)));
  const keptCount = live.length - removes.length;
  const ofType = (list: readonly Subscriber[], type: SubscriptionType) => list.filter((s) => s.type === type);

  const first: Subscriber[] = [];
  const late: Subscriber[] = [];
  for (const type of TYPES) {
    const free = Math.max(0, SUBSCRIBER_LIMITS[type] - ofType(live, type).length);
    const typeAdds = ofType(adds, type);
    first.push(...typeAdds.slice(0, free));
    late.push(...typeAdds.slice(free));
  }
  if (keptCount + first.length > 0 || removes.length === 0) return { first, removals: removes, late, last: undefined, afterLast: [] };

  // Nothing would survive the removals: one old subscriber stays until some late ones exist. While it
  // stays, its type has one place less, so the late subscribers of that type that do not fit wait for it.
  for (const holdType of TYPES) {
    const held = ofType(removes, holdType).at(-1);
    if (held === undefined) continue;
    const room = SUBSCRIBER_LIMITS[holdType] - 1;
    const beforeLast = late.filter((s) => s.type !== holdType || ofType(late, holdType).indexOf(s) < room);
    if (beforeLast.length === 0) continue;
    return {
      first,
      removals: removes.filter((s) => s !== held),
      late: beforeLast,
      last: held,
      afterLast: late.filter((s) => !beforeLast.includes(s)),
    };
  }
  return null;
}
