// The identityCenter section's checks across values: each assignment names one principal, a declared
// permission set and at least one target, its OUs are in org.yaml's tree (OU targets expand to the
// accounts org.yaml places under them), and session durations are ISO 8601 within AWS's range.

import type { DesiredAssignment } from '../../model/desired.js';
import { visibleText } from '../../text/visible-text.js';
import { closestMatch } from '../closest-match.js';
import type { OrgRule, RuleReport } from './rule.js';
import { walkOus } from './walk-ous.js';

/** AWS's range for a permission set's SessionDuration (CreatePermissionSet): 1 to 12 hours. */
export const SESSION_DURATION_SECONDS = { min: 3600, max: 12 * 3600 } as const;

const DURATION = /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/;

/** Seconds of an ISO 8601 time duration like PT4H or PT1H30M; undefined when it is not one. */
export function durationSeconds(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const [, h = '0', m = '0', s = '0'] = match;
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}

export const identityCenterIsConsistent: OrgRule = (org, report) => {
  const section = org.identityCenter;
  if (section === undefined) return;
  for (const set of section.permissionSets) {
    const seconds = durationSeconds(set.sessionDuration);
    const shown = visibleText(set.sessionDuration);
    if (seconds === undefined) {
      report(set.sessionDurationAt ?? set.at, `permission set "${visibleText(set.name)}": sessionDuration "${shown}" is not an ISO 8601 duration; write hours and minutes like PT4H or PT1H30M.`);
    } else if (seconds < SESSION_DURATION_SECONDS.min || seconds > SESSION_DURATION_SECONDS.max) {
      report(set.sessionDurationAt ?? set.at, `permission set "${visibleText(set.name)}": sessionDuration "${shown}" is outside AWS's range; it must be from PT1H to PT12H.`);
    }
  }
  const setNames = section.permissionSets.map((set) => set.name);
  const ouPaths = new Set(['/', ...[...walkOus(org)].map((visit) => visit.ou.path)]);
  for (const assignment of section.assignments) checkAssignment(assignment, setNames, ouPaths, report);
};

function checkAssignment(assignment: DesiredAssignment, setNames: readonly string[], ouPaths: ReadonlySet<string>, report: RuleReport): void {
  if (assignment.principal === undefined) {
    report(assignment.at, 'an assignment names exactly one principal: write `group: <display name>` or `user: <user name>`, not both or neither.');
  }
  const setName = assignment.permissionSet.value;
  if (!setNames.includes(setName)) {
    const guess = closestMatch(setName, setNames);
    report(
      assignment.permissionSet.at,
      `permission set "${visibleText(setName)}" is not declared under identityCenter.permissionSets${guess !== undefined ? `; did you mean "${visibleText(guess)}"?` : '; declare it there, or fix the name.'}`,
    );
  }
  if (assignment.accounts.length === 0 && assignment.organizationalUnits.length === 0) {
    report(assignment.at, 'an assignment needs at least one target: list account IDs under `accounts` or OU paths under `organizationalUnits`.');
  }
  for (const ou of assignment.organizationalUnits) {
    if (ouPaths.has(ou.value)) continue;
    const guess = closestMatch(ou.value, [...ouPaths]);
    report(
      ou.at,
      `OU ${visibleText(ou.value)} is not in this file's tree (root:), so orgctl cannot tell which accounts it holds${guess !== undefined ? `; did you mean ${visibleText(guess)}?` : '; declare it under root.organizationalUnits, or fix the path.'}`,
    );
  }
}
