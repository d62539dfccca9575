// AWS Organizations refuses a sixth level of OUs under the root (OU_DEPTH_LIMIT_EXCEEDED).

import { MAX_OU_DEPTH } from '../limits.js';
import { visibleText } from '../../text/visible-text.js';
import type { OrgRule } from './rule.js';
import { walkOus } from './walk-ous.js';

export const ouDepthWithinLimit: OrgRule = (org, report) => {
  for (const { ou, depth } of walkOus(org)) {
    // Only the first OU too deep on each branch: its children are covered by the same fix.
    if (depth === MAX_OU_DEPTH + 1) {
      report(ou.at, `OU ${visibleText(ou.path)} is ${depth} levels below the root; AWS Organizations allows at most ${MAX_OU_DEPTH}. Move it (and its children) higher up.`);
    }
  }
};
