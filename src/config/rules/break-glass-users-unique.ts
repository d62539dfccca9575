// IAM user names are unique without regard to case ("Break-Glass" and "break-glass" are one user),
// so a second spelling in org.yaml is a mistake the schema's uniqueItems cannot see.

import type { SourcePosition } from '../../model/desired.js';
import { visibleText } from '../../text/visible-text.js';
import type { OrgRule } from './rule.js';

export const breakGlassUserNamesUnique: OrgRule = (org, report) => {
  const seen = new Map<string, { name: string; at: SourcePosition | undefined }>();
  for (const user of org.security?.breakGlassUsers ?? []) {
    const key = user.name.toLowerCase();
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { name: user.name, at: user.at });
      continue;
    }
    report(
      user.at,
      `break-glass user "${visibleText(user.name)}" is the same IAM user as "${visibleText(first.name)}"${first.at ? ` on line ${first.at.line}` : ''} (IAM user names ignore case); list it once.`,
    );
  }
};
