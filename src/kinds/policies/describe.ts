// What the plan shows of a policy step: a changed document as a list of JSON changes (path: before →
// after, from fast-json-patch's compare, so key order and whitespace never show), and for attachments
// how many accounts sit beneath the target.

import fastJsonPatch from 'fast-json-patch';
import type { JsonValue } from '../../model/desired.js';
import { plural } from '../../text/plural.js';
import type { AttachPolicyStep, DetachPolicyStep, UpdatePolicyStep } from './steps.js';

const { compare, getValueByPointer } = fastJsonPatch;

/** Longest value shown in one line before it is cut. */
const MAX_VALUE_CHARS = 120;
/** Most changes listed for one policy; the rest are counted. */
const MAX_CHANGES = 20;

export function describeUpdate(step: UpdatePolicyStep): string[] {
  const lines: string[] = [];
  if (step.before.description !== step.after.description) lines.push(`description: ${JSON.stringify(step.before.description)} → ${JSON.stringify(step.after.description)}`);
  lines.push(...documentChanges(step.before.content, step.after.content));
  return lines;
}

/** One line per change inside the document: "/Statement/0/Action: "s3:*" → "ec2:*"". */
export function documentChanges(beforeContent: string, afterContent: string): string[] {
  const after = JSON.parse(afterContent) as object;
  let before: object;
  try {
    before = JSON.parse(beforeContent) as object;
  } catch {
    return ['document: the live document is not JSON; it is replaced'];
  }
  const operations = compare(before, after);
  const lines = operations.slice(0, MAX_CHANGES).map((op) => {
    const where = op.path === '' ? '(document)' : op.path;
    switch (op.op) {
      case 'add':
        return `${where}: added ${shown(op.value as JsonValue)}`;
      case 'remove':
        return `${where}: removed ${shown(getValueByPointer(before, op.path) as JsonValue)}`;
      case 'replace':
        return `${where}: ${shown(getValueByPointer(before, op.path) as JsonValue)} → ${shown(op.value as JsonValue)}`;
      default:
        return `${where}: changed`;
    }
  });
  if (operations.length > MAX_CHANGES) lines.push(`… and ${plural(operations.length - MAX_CHANGES, 'more change')}`);
  return lines;
}

export function describeAttachment(step: AttachPolicyStep | DetachPolicyStep): string[] {
  const beneath = step.target.type === 'account' ? 'this account' : `${plural(step.accountsAffected, 'account')} beneath`;
  return [`${step.policyType}; effective policies change for ${beneath}`];
}

function shown(value: JsonValue): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}
