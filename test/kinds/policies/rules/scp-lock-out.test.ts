import { describe, expect, it } from 'vitest';
import { scpLockOuts, type OrgTreeNode } from '../../../../src/kinds/policies/rules/scp-lock-out.js';
import { fullAwsAccess, scp } from './support.js';

const denyLeave = scp('DenyLeave', { Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' });
const denyAll = scp('DenyAll', { Effect: 'Deny', Action: '*', Resource: '*' });
const denyAllOutsideRegions = scp('DenyOutsideRegions', { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } } });
const allowS3 = scp('AllowS3', { Effect: 'Allow', Action: 's3:*', Resource: '*' });
const SCPS = [fullAwsAccess, denyLeave, denyAll, denyAllOutsideRegions, allowS3];

const root = (...scps: string[]): OrgTreeNode => ({ id: 'r-1', target: 'the root', isAccount: false, scps });
const ou = (path: string, parent: string, ...scps: string[]): OrgTreeNode => ({ id: path, parentId: parent, target: `OU ${path}`, isAccount: false, scps, at: { line: 10, column: 5 } });
const account = (id: string, parent: string, ...scps: string[]): OrgTreeNode => ({ id, parentId: parent, target: `account ${id}`, isAccount: true, scps });

describe('SCP lock-out', () => {
  it('FullAWSAccess at every level with deny statements beside it locks nobody out', () => {
    const nodes = [root('FullAWSAccess', 'DenyLeave'), ou('/W', 'r-1', 'FullAWSAccess'), account('111111111111', '/W', 'FullAWSAccess', 'DenyOutsideRegions')];
    expect(scpLockOuts(nodes, SCPS)).toEqual([]);
  });

  it('an OU with only a deny SCP is an error at the OU, once, with the number of accounts beneath it, not repeated below', () => {
    const nodes = [
      root('FullAWSAccess'),
      ou('/W', 'r-1', 'DenyLeave'),
      ou('/W/Prod', '/W', 'FullAWSAccess'),
      account('111111111111', '/W', 'FullAWSAccess'),
      account('222222222222', '/W/Prod', 'DenyLeave'),
      account('333333333333', '/W/Prod', 'FullAWSAccess'),
    ];
    expect(scpLockOuts(nodes, SCPS)).toEqual([
      {
        severity: 'error',
        at: { line: 10, column: 5 },
        message: 'OU /W would be locked out: its SCPs (DenyLeave) have no Allow statement, and an action must be allowed at every level from the root down, so every action is denied for the 3 accounts beneath it. Attach FullAWSAccess (or an SCP that allows what they need) to OU /W as well.',
      },
    ]);
  });

  it('a deny-only account is reported on its own; sibling subtrees are each reported', () => {
    const nodes = [root('FullAWSAccess'), ou('/A', 'r-1', 'FullAWSAccess'), ou('/B', 'r-1', 'DenyLeave'), account('111111111111', '/A', 'DenyLeave'), account('222222222222', '/B', 'FullAWSAccess')];
    expect(scpLockOuts(nodes, SCPS).map((d) => d.message)).toEqual([
      expect.stringMatching(/^account 111111111111 would be locked out: .* denied for this account\./),
      expect.stringMatching(/^OU \/B would be locked out: .* for the 1 account beneath it\./),
    ]);
  });

  it('the root with only deny SCPs locks out every account but the management account', () => {
    const nodes = [root('DenyLeave'), { ...account('123456789012', 'r-1', 'FullAWSAccess'), isManagementAccount: true }, account('111111111111', 'r-1', 'FullAWSAccess')];
    expect(scpLockOuts(nodes, SCPS)).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^the root would be locked out: .* for the 1 account beneath it\./) })]);
  });

  it('a Deny of "*" on "*" without a Condition blocks even beside FullAWSAccess; with a Condition it does not', () => {
    const blocked = [root('FullAWSAccess'), ou('/Q', 'r-1', 'FullAWSAccess', 'DenyAll'), account('111111111111', '/Q', 'FullAWSAccess')];
    expect(scpLockOuts(blocked, SCPS).map((d) => d.message)).toEqual([
      'OU /Q would be locked out: its SCP "DenyAll" denies every action on every resource with no Condition, so every action is denied for the 1 account beneath it. Remove "DenyAll" from OU /Q, or give its Deny a Condition that exempts who must keep access.',
    ]);
    const conditioned = [root('FullAWSAccess'), ou('/Q', 'r-1', 'FullAWSAccess', 'DenyOutsideRegions'), account('111111111111', '/Q', 'FullAWSAccess')];
    expect(scpLockOuts(conditioned, SCPS)).toEqual([]);
  });

  it('a narrow Allow counts as allowing (no full IAM evaluation)', () => {
    expect(scpLockOuts([root('FullAWSAccess'), ou('/S', 'r-1', 'AllowS3'), account('111111111111', '/S', 'FullAWSAccess')], SCPS)).toEqual([]);
  });

  it('an empty blocked OU is a warning: nobody is locked out yet', () => {
    expect(scpLockOuts([root('FullAWSAccess'), ou('/Suspended', 'r-1', 'FullAWSAccess', 'DenyAll')], SCPS)).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('OU /Suspended allows nothing: its SCP "DenyAll" denies every action on every resource with no Condition. No account sits beneath it now, but any account moved there will be locked out.') }),
    ]);
  });

  it('a level with no SCP or an SCP whose document is unknown is not reported (the minimum rule covers the first)', () => {
    expect(scpLockOuts([root('FullAWSAccess'), ou('/E', 'r-1'), account('111111111111', '/E', 'SomeoneElses')], SCPS)).toEqual([]);
  });

  it('still checks below a level it could not judge', () => {
    expect(scpLockOuts([root('FullAWSAccess'), ou('/E', 'r-1', 'SomeoneElses'), account('111111111111', '/E', 'DenyLeave')], SCPS)).toEqual([expect.objectContaining({ message: expect.stringMatching(/^account 111111111111 would be locked out/) })]);
  });

  it('nodes whose parent links form a cycle (bad input) are unreachable from the root and do not hang', () => {
    const nodes: OrgTreeNode[] = [root('FullAWSAccess'), ou('/A', '/B', 'FullAWSAccess'), ou('/B', '/A', 'DenyLeave')];
    expect(scpLockOuts(nodes, SCPS)).toEqual([]);
  });
});
