// `renamedFrom` names the OU's previous name under the same parent; it must identify exactly one old OU.

import { visibleText } from '../../text/visible-text.js';
import type { OrgRule } from './rule.js';
import { walkOus } from './walk-ous.js';

export const renamedFromIsUnambiguous: OrgRule = (org, report) => {
  for (const { ou, parent, parentPath } of walkOus(org)) {
    if (ou.renamedFrom === undefined) continue;
    const where = parentPath === '/' ? 'the root' : visibleText(parentPath);
    const path = visibleText(ou.path);
    const old = visibleText(ou.renamedFrom);
    if (ou.renamedFrom === ou.name) {
      report(ou.at, `OU ${path} has \`renamedFrom: ${old}\`, its own name. Remove \`renamedFrom\`, or set it to the OU's previous name.`);
      continue;
    }
    const sibling = parent.organizationalUnits.find((other) => other !== ou && other.name === ou.renamedFrom);
    if (sibling) {
      report(ou.at, `OU ${path} has \`renamedFrom: ${old}\`, but an OU named ${old} is also declared under ${where}${sibling.at ? ` (line ${sibling.at.line})` : ''}. One OU cannot be both renamed and kept; remove one of them.`);
      continue;
    }
    const rival = parent.organizationalUnits.find((other) => other !== ou && other.renamedFrom === ou.renamedFrom);
    if (rival) {
      report(ou.at, `OUs ${path} and ${visibleText(rival.path)} both have \`renamedFrom: ${old}\`; only one OU can take over ${old}.`);
    }
  }
};
