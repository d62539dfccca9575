// The steps of the alternate-contacts kind.

import type { StepBase } from '../../model/plan.js';
import type { AlternateContactSpec } from '../../model/security.js';

/** Sets one alternate contact of the management account or of a member (Account PutAlternateContact, an upsert). */
export interface PutAlternateContactStep extends StepBase {
  readonly kind: 'putAlternateContact';
  /** The contact as AWS had it; null when that contact type was not set. */
  readonly before: AlternateContactSpec | null;
  /** All four fields: what org.yaml declares, the rest kept from `before`. */
  readonly after: AlternateContactSpec;
  /** A member account's contact (PutAlternateContact with AccountId); absent: the management account's own. */
  readonly accountId?: string;
}

export type AlternateContactStep = PutAlternateContactStep;
