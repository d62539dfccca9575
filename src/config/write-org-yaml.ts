// DesiredOrg → org.yaml text, in the order given, with every default written out. Pure: no fs.
// The inverse of parseOrgYaml for what org.yaml can express: parsing the output gives the same
// organization back. Written by hand rather than through a YAML library so that the layout is
// fixed (one account per line, one email per line: small changes give small diffs) and every
// scalar is quoted exactly when it must be, with invisible characters escaped so a name is always
// one visible line.

import type { DesiredAccount, DesiredBudget, DesiredNode, DesiredNotification, DesiredOrg, DesiredSecurity } from '../model/desired.js';
import { SUPPORTED_VERSION } from './limits.js';

/** First line of every org.yaml orgctl writes: editors validate the file against the schema. */
export const SCHEMA_COMMENT = '# yaml-language-server: $schema=./schema/org.schema.json';

export interface OrgYamlComments {
  /** Comment lines after the schema line, before `version:` (without the leading `#`). */
  readonly header?: readonly string[];
  /** Comment lines after the document, separated from it by a blank line. */
  readonly trailer?: readonly string[];
}

const INDENT = '  ';

export function writeOrgYaml(org: DesiredOrg, comments: OrgYamlComments = {}): string {
  const lines: string[] = [SCHEMA_COMMENT, ...commentLines(comments.header ?? [])];
  lines.push(`version: ${SUPPORTED_VERSION}`);
  lines.push('organization:');
  lines.push(`${INDENT}managementAccountId: ${quoted(org.managementAccountId)}`);
  lines.push(`${INDENT}featureSet: ${org.featureSet}`);
  writeNode(lines, 'root', org.root, '');
  if (org.budgets.length > 0) {
    lines.push('budgets:');
    for (const budget of org.budgets) writeBudget(lines, budget);
  }
  lines.push('options:');
  lines.push(`${INDENT}pruneOrganizationalUnits: ${org.options.pruneOrganizationalUnits}`);
  lines.push(`${INDENT}pruneBudgets: ${org.options.pruneBudgets}`);
  lines.push(`${INDENT}unlistedAccounts: ${org.options.unlistedAccounts}`);
  if (org.security) writeSecurity(lines, org.security);
  if (comments.trailer && comments.trailer.length > 0) lines.push('', ...commentLines(comments.trailer));
  return `${lines.join('\n')}\n`;
}

/** `key:` followed by the node's accounts and child OUs; `key: {}` when it has neither. */
function writeNode(lines: string[], key: string, node: DesiredNode & { readonly renamedFrom?: string }, indent: string): void {
  const renamed = node.renamedFrom !== undefined;
  if (node.accounts.length === 0 && node.organizationalUnits.length === 0 && !renamed) {
    lines.push(`${indent}${key}: {}`);
    return;
  }
  lines.push(`${indent}${key}:`);
  const inner = indent + INDENT;
  if (renamed) lines.push(`${inner}renamedFrom: ${scalar(node.renamedFrom)}`);
  if (node.accounts.length > 0) {
    lines.push(`${inner}accounts:`);
    for (const account of node.accounts) lines.push(`${inner}${INDENT}- ${accountEntry(account)}`);
  }
  if (node.organizationalUnits.length > 0) {
    lines.push(`${inner}organizationalUnits:`);
    for (const ou of node.organizationalUnits) writeNode(lines, scalar(ou.name), ou, inner + INDENT);
  }
}

function accountEntry(account: DesiredAccount): string {
  if (account.name === undefined || account.name === '') return quoted(account.id);
  return `{ id: ${quoted(account.id)}, name: ${scalar(account.name, 'flow')} }`;
}

function writeBudget(lines: string[], budget: DesiredBudget): void {
  const at = INDENT + INDENT;
  lines.push(`${INDENT}- name: ${scalar(budget.name)}`);
  lines.push(`${at}amount: ${number(budget.amount)}`);
  lines.push(`${at}unit: ${scalar(budget.unit)}`);
  lines.push(`${at}timeUnit: ${budget.timeUnit}`);
  lines.push(`${at}notifications:`);
  for (const notification of budget.notifications) writeNotification(lines, notification, at + INDENT);
}

function writeNotification(lines: string[], n: DesiredNotification, indent: string): void {
  const at = indent + INDENT;
  lines.push(`${indent}- type: ${n.type}`);
  lines.push(`${at}threshold: ${number(n.threshold)}`);
  lines.push(`${at}thresholdType: ${n.thresholdType}`);
  lines.push(`${at}comparison: ${n.comparison}`);
  const emails = n.subscribers.filter((s) => s.type === 'EMAIL');
  const sns = n.subscribers.filter((s) => s.type === 'SNS');
  // org.yaml has one `sns:` per notification, as AWS allows one SNS subscriber.
  if (sns.length > 1) throw new RangeError(`a notification can hold one SNS subscriber in org.yaml, got ${sns.length}`);
  if (emails.length > 0) {
    lines.push(`${at}emails:`);
    for (const email of emails) lines.push(`${at}${INDENT}- ${scalar(email.address)}`);
  }
  if (sns[0]) lines.push(`${at}sns: ${scalar(sns[0].address)}`);
}

function writeSecurity(lines: string[], security: DesiredSecurity): void {
  const at = INDENT + INDENT;
  lines.push('security:');
  if (security.breakGlassUsers.length > 0) {
    lines.push(`${INDENT}breakGlassUsers:`);
    for (const user of security.breakGlassUsers) lines.push(`${at}- ${scalar(user.name)}`);
  }
  lines.push(`${INDENT}identityCenter: ${security.identityCenter}`);
  if (security.identityCenterRegion !== undefined) lines.push(`${INDENT}identityCenterRegion: ${scalar(security.identityCenterRegion)}`);
  if (security.alternateContacts.length > 0) {
    lines.push(`${INDENT}alternateContacts:`);
    for (const contact of security.alternateContacts) {
      const fields = [
        `email: ${scalar(contact.email, 'flow')}`,
        ...(contact.name !== undefined ? [`name: ${scalar(contact.name, 'flow')}`] : []),
        ...(contact.title !== undefined ? [`title: ${scalar(contact.title, 'flow')}`] : []),
        ...(contact.phone !== undefined ? [`phone: ${scalar(contact.phone, 'flow')}`] : []),
      ];
      lines.push(`${at}${contact.type.toLowerCase()}: { ${fields.join(', ')} }`);
    }
  }
}

function commentLines(lines: readonly string[]): string[] {
  return lines.map((line) => (line === '' ? '#' : `# ${visibleInComment(line)}`));
}

/** A YAML number that reads back as exactly `value` (JavaScript's shortest round-trip form). */
function number(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`org.yaml numbers are finite, got ${value}`);
  return Object.is(value, -0) ? '0' : String(value);
}

// Plain (unquoted) only for text that every YAML reader takes as this same string: starts with a
// letter or `_`, words of letters, digits and `_ . / @ + = -` (and `:` inside words outside flow
// collections, for ARNs) separated by single spaces, and not a word YAML 1.1 reads as a boolean or null.
const PLAIN_BLOCK = /^[\p{L}_][\p{L}\p{M}\p{N}_./@+=:-]*(?: [\p{L}\p{M}\p{N}_./@+=:-]+)*$/u;
const PLAIN_FLOW = /^[\p{L}_][\p{L}\p{M}\p{N}_./@+=-]*(?: [\p{L}\p{M}\p{N}_./@+=-]+)*$/u;
const RESERVED = /^(?:y|yes|n|no|true|false|on|off|null)$/i;

/** A string as a YAML scalar: plain when that is unambiguous, else double-quoted. */
export function scalar(text: string, context: 'block' | 'flow' = 'block'): string {
  const plain = context === 'flow' ? PLAIN_FLOW : PLAIN_BLOCK;
  // A `:` may not end a plain word (`a:` or `a: b` would start a mapping).
  if (plain.test(text) && !RESERVED.test(text) && !/:(?: |$)/.test(text)) return text;
  return quoted(text);
}

/** A double-quoted YAML scalar: `\` and `"` escaped, and every character that is invisible or breaks a line. */
export function quoted(text: string): string {
  return `"${text.replace(/["\\]/g, (c) => `\\${c}`).replace(INVISIBLE, escapeChar)}"`;
}

/** Comment text with invisible characters and line breaks shown as escapes, so it stays one comment line. */
export function visibleInComment(text: string): string {
  return text.replace(INVISIBLE, escapeChar);
}

// C0 and C1 controls, DEL, no-break space, soft hyphen, line/paragraph separators, bidi controls,
// zero-width and other format characters, BOM, specials and non-characters, lone surrogates.
const INVISIBLE = /[\u0000-\u001f\u007f-\u00a0\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\uffff]|\p{Cs}/gu;

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\0': '\\0',
  '\u0007': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\u001b': '\\e',
  '\u0085': '\\N',
  '\u00a0': '\\_',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

function escapeChar(c: string): string {
  const named = NAMED_ESCAPES[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}
