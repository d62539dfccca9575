// Checks: an SCP or RCP has the shape AWS accepts, so a mistake shows at validate instead of as a
// MalformedPolicyDocumentException half-way through apply. Per policy type (sources in aws-facts.md §7.4):
//   both:  an object with Version "2012-10-17" and Statement (one statement object or a non-empty array of
//          them); each statement has Effect "Allow" or "Deny", exactly one of Action / NotAction, at most one
//          of Resource / NotResource, and only the elements the type knows.
//   SCP:   no Principal or NotPrincipal ("SCP syntax" page).
//   RCP:   Effect "Deny" only (Allow is reserved for the AWS-managed RCPFullAWSAccess), Principal required
//          and "*", no NotAction or NotPrincipal ("RCP syntax" page).
// It checks grammar only, not IAM semantics (action names, condition keys): Access Analyzer's
// ValidatePolicy does those (src/kinds/policies/access-analyzer-check.ts). AWS-managed policies and
// other types are skipped. The kind calls it on the policies org.yaml declares (validate and plan):
//   controlPolicyGrammar(declaredPolicies) → PolicyDiagnostic[]  (errors at each policy's `at`)

import { visibleText } from '../../../text/visible-text.js';
import type { JsonValue, PolicyDiagnostic, PolicyInput } from './types.js';

const POLICY_LANGUAGE_VERSION = '2012-10-17';
const TOP_LEVEL = new Set(['Version', 'Statement', 'Id']);
const SCP_ELEMENTS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const RCP_ELEMENTS = new Set(['Sid', 'Effect', 'Principal', 'Action', 'Resource', 'NotResource', 'Condition']);

type JsonObject = { readonly [key: string]: JsonValue };

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function has(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function isStringOrStrings(value: JsonValue | undefined): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'));
}

export function controlPolicyGrammar(policies: readonly PolicyInput[]): PolicyDiagnostic[] {
  const found: PolicyDiagnostic[] = [];
  for (const policy of policies) {
    if (policy.awsManaged) continue;
    if (policy.type !== 'SERVICE_CONTROL_POLICY' && policy.type !== 'RESOURCE_CONTROL_POLICY') continue;
    const kind = policy.type === 'SERVICE_CONTROL_POLICY' ? 'SCP' : 'RCP';
    const report = (problem: string): void => {
      found.push({ severity: 'error', message: `${kind} "${visibleText(policy.name)}": ${problem}`, ...(policy.at ? { at: policy.at } : {}) });
    };
    checkDocument(policy.document, kind, report);
  }
  return found;
}

function checkDocument(document: JsonValue, kind: 'SCP' | 'RCP', report: (problem: string) => void): void {
  if (!isObject(document)) {
    report('the document must be a JSON object with "Version" and "Statement".');
    return;
  }
  for (const key of Object.keys(document)) {
    if (!TOP_LEVEL.has(key)) report(`"${visibleText(key)}" is not a policy element AWS accepts at the top level; keep only "Version" and "Statement" (and "Id").`);
  }
  if (document['Version'] !== POLICY_LANGUAGE_VERSION) {
    report(has(document, 'Version')
      ? `"Version" is ${visibleText(JSON.stringify(document['Version']))}; it must be "${POLICY_LANGUAGE_VERSION}".`
      : `"Version" is missing; add "Version": "${POLICY_LANGUAGE_VERSION}".`);
  }
  const statement = document['Statement'];
  if (statement === undefined) {
    report('"Statement" is missing; add one statement object or an array of them.');
    return;
  }
  const statements = Array.isArray(statement) ? statement : [statement];
  if (statements.length === 0) report('"Statement" is an empty array; add at least one statement.');
  statements.forEach((each, index) => checkStatement(each, kind, Array.isArray(statement) ? index + 1 : undefined, report));
}

function checkStatement(statement: JsonValue, kind: 'SCP' | 'RCP', position: number | undefined, report: (problem: string) => void): void {
  const sid = isObject(statement) && typeof statement['Sid'] === 'string' ? ` (Sid "${visibleText(statement['Sid'])}")` : '';
  const which = `${position === undefined ? 'the statement' : `statement ${position}`}${sid}`;
  if (!isObject(statement)) {
    report(`${which} must be a JSON object.`);
    return;
  }
  const elements = kind === 'SCP' ? SCP_ELEMENTS : RCP_ELEMENTS;
  for (const key of Object.keys(statement)) {
    if (elements.has(key)) continue;
    if (kind === 'SCP' && (key === 'Principal' || key === 'NotPrincipal')) {
      report(`${which} has "${key}", which SCPs do not support (an SCP applies to every principal in the accounts it reaches). Remove it; to exempt principals use a Condition such as "aws:PrincipalArn".`);
    } else if (kind === 'RCP' && (key === 'NotAction' || key === 'NotPrincipal')) {
      const instead = key === 'NotAction' ? 'list the denied actions in "Action"' : 'use "Principal": "*" with a Condition on "aws:PrincipalArn"';
      report(`${which} has "${key}", which RCPs do not support; ${instead} instead.`);
    } else {
      report(`${which} has "${visibleText(key)}", which is not an element of an ${kind} statement. Use only ${[...elements].join(', ')}.`);
    }
  }
  const effect = statement['Effect'];
  if (kind === 'RCP') {
    if (effect !== 'Deny') {
      report(effect === 'Allow'
        ? `${which} has "Effect": "Allow"; RCPs accept only Deny (Allow is reserved for the AWS-managed RCPFullAWSAccess, which already allows everything). Make it a Deny statement.`
        : `${which} needs "Effect": "Deny".`);
    }
    const principal = statement['Principal'];
    if (principal === undefined) report(`${which} has no "Principal"; an RCP statement needs "Principal": "*" (narrow it with a Condition).`);
    else if (principal !== '*') report(`${which} has "Principal" ${visibleText(JSON.stringify(principal))}; an RCP accepts only "*". Use "Principal": "*" and narrow it with a Condition (e.g. "aws:PrincipalOrgID").`);
  } else if (effect !== 'Allow' && effect !== 'Deny') {
    report(`${which} needs "Effect": "Allow" or "Deny"${effect === undefined ? '' : `, not ${visibleText(JSON.stringify(effect))}`}.`);
  }
  const hasAction = has(statement, 'Action');
  const hasNotAction = has(statement, 'NotAction');
  if (hasAction && hasNotAction) report(`${which} has both "Action" and "NotAction"; keep one.`);
  else if (!hasAction && !hasNotAction) report(`${which} has no "Action"${kind === 'SCP' ? ' or "NotAction"' : ''}; add the actions it ${effect === 'Allow' ? 'allows' : 'denies'}.`);
  for (const key of ['Action', 'NotAction', 'Resource', 'NotResource']) {
    if (has(statement, key) && !isStringOrStrings(statement[key])) report(`${which}: "${key}" must be a string or a non-empty array of strings.`);
  }
  if (has(statement, 'Resource') && has(statement, 'NotResource')) report(`${which} has both "Resource" and "NotResource"; keep one.`);
  if (has(statement, 'Condition') && !isObject(statement['Condition'])) report(`${which}: "Condition" must be an object such as {"StringEquals": {"aws:PrincipalOrgID": "o-…"}}.`);
}
