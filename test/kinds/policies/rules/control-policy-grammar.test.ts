import { describe, expect, it } from 'vitest';
import { controlPolicyGrammar } from '../../../../src/kinds/policies/rules/control-policy-grammar.js';
import type { JsonValue } from '../../../../src/kinds/policies/rules/types.js';
import { policy } from './support.js';

const scp = (document: JsonValue): string[] => controlPolicyGrammar([policy('P', 'SERVICE_CONTROL_POLICY', document)]).map((d) => d.message);
const rcp = (document: JsonValue): string[] => controlPolicyGrammar([policy('R', 'RESOURCE_CONTROL_POLICY', document)]).map((d) => d.message);
const V = '2012-10-17';

describe('SCP grammar', () => {
  it('accepts a statement object or an array, Allow and Deny, Action or NotAction, Resource or NotResource, Condition', () => {
    expect(scp({ Version: V, Statement: { Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' } })).toEqual([]);
    expect(scp({ Version: V, Statement: [
      { Sid: 'A', Effect: 'Allow', Action: ['s3:*', 'ec2:*'], Resource: '*' },
      { Effect: 'Deny', NotAction: 'iam:*', NotResource: 'arn:aws:iam::*:role/Admin', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } } },
    ] })).toEqual([]);
  });

  it('refuses a Principal with a message that says what to use instead, at the policy', () => {
    const found = controlPolicyGrammar([policy('P', 'SERVICE_CONTROL_POLICY', { Version: V, Statement: [{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }] }, { at: { line: 9, column: 3 } })]);
    expect(found).toEqual([{ severity: 'error', at: { line: 9, column: 3 }, message: expect.stringMatching(/^SCP "P": statement 1 has "Principal", which SCPs do not support .* use a Condition such as "aws:PrincipalArn"\.$/) }]);
    expect(scp({ Version: V, Statement: { Effect: 'Deny', NotPrincipal: { AWS: 'x' }, Action: '*', Resource: '*' } })).toEqual([expect.stringContaining('the statement has "NotPrincipal", which SCPs do not support')]);
  });

  it('needs Version 2012-10-17', () => {
    expect(scp({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } })).toEqual(['SCP "P": "Version" is missing; add "Version": "2012-10-17".']);
    expect(scp({ Version: '2008-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } })).toEqual(['SCP "P": "Version" is "2008-10-17"; it must be "2012-10-17".']);
  });

  it('needs a Statement, non-empty, of objects', () => {
    expect(scp({ Version: V })).toEqual(['SCP "P": "Statement" is missing; add one statement object or an array of them.']);
    expect(scp({ Version: V, Statement: [] })).toEqual(['SCP "P": "Statement" is an empty array; add at least one statement.']);
    expect(scp({ Version: V, Statement: ['x'] })).toEqual(['SCP "P": statement 1 must be a JSON object.']);
    expect(scp([1, 2])).toEqual(['SCP "P": the document must be a JSON object with "Version" and "Statement".']);
  });

  it('needs Effect Allow or Deny and exactly one of Action / NotAction, naming the statement by Sid', () => {
    expect(scp({ Version: V, Statement: [{ Sid: 'S1', Effect: 'allow', Action: '*', Resource: '*' }] })).toEqual(['SCP "P": statement 1 (Sid "S1") needs "Effect": "Allow" or "Deny", not "allow".']);
    expect(scp({ Version: V, Statement: [{ Effect: 'Deny', Resource: '*' }] })).toEqual(['SCP "P": statement 1 has no "Action" or "NotAction"; add the actions it denies.']);
    expect(scp({ Version: V, Statement: [{ Effect: 'Deny', Action: '*', NotAction: 's3:*', Resource: '*' }] })).toEqual(['SCP "P": statement 1 has both "Action" and "NotAction"; keep one.']);
    expect(scp({ Version: V, Statement: [{ Effect: 'Deny', Action: [], Resource: '*' }] })).toEqual(['SCP "P": statement 1: "Action" must be a string or a non-empty array of strings.']);
  });

  it('refuses elements no statement has, and unknown top-level keys', () => {
    expect(scp({ Version: V, Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Resources: '*' }] })).toEqual([expect.stringContaining('statement 1 has "Resources", which is not an element of an SCP statement. Use only Sid, Effect, Action, NotAction, Resource, NotResource, Condition.')]);
    expect(scp({ Version: V, Statment: [] })).toContain('SCP "P": "Statment" is not a policy element AWS accepts at the top level; keep only "Version" and "Statement" (and "Id").');
  });
});

describe('RCP grammar', () => {
  const deny = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc' } } };

  it('accepts a Deny with Principal "*"', () => {
    expect(rcp({ Version: V, Statement: [deny] })).toEqual([]);
  });

  it('refuses Allow (only the AWS-managed RCPFullAWSAccess may allow)', () => {
    expect(rcp({ Version: V, Statement: [{ ...deny, Effect: 'Allow' }] })).toEqual([expect.stringMatching(/^RCP "R": statement 1 has "Effect": "Allow"; RCPs accept only Deny .*Make it a Deny statement\.$/)]);
  });

  it('needs Principal, and only "*"', () => {
    const { Principal: _, ...noPrincipal } = deny;
    expect(rcp({ Version: V, Statement: [noPrincipal] })).toEqual(['RCP "R": statement 1 has no "Principal"; an RCP statement needs "Principal": "*" (narrow it with a Condition).']);
    expect(rcp({ Version: V, Statement: [{ ...deny, Principal: { AWS: '123456789012' } }] })).toEqual([expect.stringContaining('statement 1 has "Principal" {"AWS":"123456789012"}; an RCP accepts only "*".')]);
  });

  it('refuses NotAction and NotPrincipal', () => {
    const { Action: _, ...noAction } = deny;
    expect(rcp({ Version: V, Statement: [{ ...noAction, NotAction: 's3:GetObject' }] })).toEqual([expect.stringContaining('has "NotAction", which RCPs do not support; list the denied actions in "Action" instead.')]);
    expect(rcp({ Version: V, Statement: [{ ...deny, NotPrincipal: { AWS: 'x' } }] })).toEqual([expect.stringContaining('has "NotPrincipal", which RCPs do not support')]);
  });

  it('skips the AWS-managed RCPFullAWSAccess and non-control policy types', () => {
    const allowAll = { Version: V, Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] };
    expect(controlPolicyGrammar([policy('RCPFullAWSAccess', 'RESOURCE_CONTROL_POLICY', allowAll, { awsManaged: true })])).toEqual([]);
    expect(controlPolicyGrammar([policy('T', 'TAG_POLICY', { tags: {} })])).toEqual([]);
  });
});
