// A semantic rule: one check the schema cannot express, run on the normalized DesiredOrg.

import type { DesiredOrg, SourcePosition } from '../../model/desired.js';

export interface RuleReport {
  /** Records one problem at a place in org.yaml (undefined when the place is unknown). */
  (at: SourcePosition | undefined, message: string): void;
}

export type OrgRule = (org: DesiredOrg, report: RuleReport) => void;
