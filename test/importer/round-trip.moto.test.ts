// The import round trip against moto_server, an independent AWS emulator: the organization is built
// with the AWS SDK directly (not through our port), then `orgctl import`, `orgctl validate` and
// `orgctl plan --detailed-exitcode` run in-process over HTTP. Moto has no
// DescribeBudgetNotificationsForAccount, which the reader needs once a budget exists, so these
// organizations have no budgets (budgets are covered against our emulator). The end-state oracle
// (test/support/end-state) then reads moto itself and checks every OU and placement the imported
// org.yaml declares, independently of the planner's empty plan.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AttachPolicyCommand,
  CloseAccountCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  EnablePolicyTypeCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parseOrgYaml } from '../../src/config/parse-org-yaml.js';
import type { Plan } from '../../src/model/plan.js';
import { childPath, ROOT_PATH } from '../../src/model/paths.js';
import { desiredTreeDocument } from '../../src/planner/index.js';
import { expectedEndState, expectEndStateMatches, MOTO_BACKEND, readEndState } from '../support/end-state/index.js';
import { describeWithMoto, MOTO_ACCOUNT, MOTO_CREDENTIALS, useMoto } from '../support/moto.js';
import { runOrgctl, tempDir } from './support/run-orgctl.js';

const SCP = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}';

interface MotoOrg {
  /** OU specs: name and the index of the parent OU (-1: the root); parents come first. */
  readonly ous: readonly { readonly name: string; readonly parent: number }[];
  readonly accounts: readonly { readonly name: string; readonly parent: number; readonly closed: boolean }[];
}

describeWithMoto('import round trip against moto', () => {
  const moto = useMoto({ port: { rateScale: 200 }, clients: (config) => ({ orgs: new OrganizationsClient(config) }) });

  /** Builds `org` in moto; returns the expected OU paths, ACTIVE placements and IDs. */
  async function build(org: MotoOrg): Promise<{ rootId: string; ouIds: string[]; accountIds: string[]; paths: string[]; placements: Record<string, string>; closed: string[] }> {
    await moto.clients.orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const rootId = (await moto.clients.orgs.send(new ListRootsCommand({}))).Roots![0]!.Id!;
    const ouIds: string[] = [];
    const paths: string[] = [];
    for (const ou of org.ous) {
      const parentId = ou.parent < 0 ? rootId : ouIds[ou.parent]!;
      ouIds.push((await moto.clients.orgs.send(new CreateOrganizationalUnitCommand({ ParentId: parentId, Name: ou.name }))).OrganizationalUnit!.Id!);
      paths.push(childPath(ou.parent < 0 ? ROOT_PATH : paths[ou.parent]!, ou.name));
    }
    const placements: Record<string, string> = { [MOTO_ACCOUNT]: ROOT_PATH };
    const accountIds: string[] = [];
    const closed: string[] = [];
    for (const [i, account] of org.accounts.entries()) {
      const id = (await moto.clients.orgs.send(new CreateAccountCommand({ AccountName: account.name, Email: `a${i}@example.com` }))).CreateAccountStatus!.AccountId!;
      accountIds.push(id);
      if (account.parent >= 0) await moto.clients.orgs.send(new MoveAccountCommand({ AccountId: id, SourceParentId: rootId, DestinationParentId: ouIds[account.parent]! }));
      if (account.closed) {
        await moto.clients.orgs.send(new CloseAccountCommand({ AccountId: id }));
        closed.push(id);
      } else {
        placements[id] = account.parent < 0 ? ROOT_PATH : paths[account.parent]!;
      }
    }
    return { rootId, ouIds, accountIds, paths, placements, closed };
  }

  async function importValidatePlan(includeTags = false): Promise<{ text: string; plan: Plan }> {
    const { dir, remove } = await tempDir();
    try {
      const imported = await runOrgctl(['import', ...(includeTags ? ['--include-tags'] : [])], { cwd: dir, port: moto.port });
      expect(imported.stderr).toContain('Next steps');
      expect(imported.code).toBe(0);
      const validated = await runOrgctl(['validate'], { cwd: dir });
      expect([validated.code, validated.stderr]).toEqual([0, '']);
      const planned = await runOrgctl(['plan', '--detailed-exitcode', '--format', 'json'], { cwd: dir, port: moto.port });
      expect(planned.stderr).toBe('');
      const plan = JSON.parse(planned.stdout) as Plan;
      expect(plan.steps).toEqual([]);
      expect(plan.errors).toEqual([]);
      expect(planned.code).toBe(0);
      const text = await readFile(join(dir, 'org.yaml'), 'utf8');
      const state = await readEndState({ endpoint: moto.url, credentials: MOTO_CREDENTIALS, backend: MOTO_BACKEND });
      expectEndStateMatches(state, expectedEndState(text, state, { directory: dir }));
      const again = await runOrgctl(['import', '--out', '-', ...(includeTags ? ['--include-tags'] : [])], { cwd: dir, port: moto.port });
      expect(again.stdout).toBe(text);
      return { text, plan };
    } finally {
      await remove();
    }
  }

  function placementsIn(text: string): Record<string, string> {
    const parsed = parseOrgYaml(text, 'org.yaml');
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
    return Object.fromEntries(Object.entries(desiredTreeDocument(parsed.value).accounts).map(([id, a]) => [id, a.parentPath]));
  }

  it('imports OUs, accounts, a closed account, SCPs with targets and tags; plan is then empty', async () => {
    const built = await build({
      ous: [
        { name: 'Workloads', parent: -1 },
        { name: 'Prod', parent: 0 },
        { name: 'yes', parent: 0 },
        { name: 'a: b #c', parent: 1 },
        { name: 'Security', parent: -1 },
      ],
      accounts: [
        { name: 'payments prod', parent: 1, closed: false },
        { name: 'web, prod', parent: 3, closed: false },
        { name: 'audit', parent: 4, closed: false },
        { name: 'old sandbox', parent: 2, closed: true },
      ],
    });
    // As in AWS, where SCPs are attached only once the type is enabled on the root (moto lets them attach without it).
    await moto.clients.orgs.send(new EnablePolicyTypeCommand({ RootId: built.rootId, PolicyType: 'SERVICE_CONTROL_POLICY' }));
    const policyId = (await moto.clients.orgs.send(new CreatePolicyCommand({ Name: 'DenyBucketDeletion', Description: '', Type: 'SERVICE_CONTROL_POLICY', Content: SCP }))).Policy!.PolicySummary!.Id!;
    await moto.clients.orgs.send(new AttachPolicyCommand({ PolicyId: policyId, TargetId: built.ouIds[0]! }));
    await moto.clients.orgs.send(new AttachPolicyCommand({ PolicyId: policyId, TargetId: built.accountIds[2]! }));
    await moto.clients.orgs.send(new TagResourceCommand({ ResourceId: built.ouIds[4]!, Tags: [{ Key: 'owner', Value: 'secops' }] }));
    await moto.clients.orgs.send(new TagResourceCommand({ ResourceId: policyId, Tags: [{ Key: 'owner', Value: 'security' }] }));

    const { text, plan } = await importValidatePlan(true);
    expect(placementsIn(text)).toEqual(built.placements);
    expect(text).toContain('    Workloads:\n      policies: [FullAWSAccess, DenyBucketDeletion]\n      organizationalUnits:\n        Prod:\n');
    expect(text).toContain('"a: b #c":');
    expect(text).toContain(`- { id: "${built.accountIds[1]}", name: "web, prod", email: a1@example.com }`);
    expect(text).toMatch(new RegExp(`#   ${built.closed[0]} old sandbox: (SUSPENDED|PENDING_CLOSURE|CLOSED), in /Workloads/yes\\n`));
    // The SCP is declared (its document in policies/DenyBucketDeletion.json) and attached where it is, beside FullAWSAccess.
    expect(text).toContain('policies:\n  DenyBucketDeletion:\n    type: SERVICE_CONTROL_POLICY\n    description: ""\n    file: policies/DenyBucketDeletion.json\n');
    expect(text).toContain(`{ id: "${built.accountIds[2]}", name: audit, email: a2@example.com, policies: [FullAWSAccess, DenyBucketDeletion] }`);
    void policyId;
    expect(text).toContain('    Security:\n      tags: { owner: secops }\n');
    // The policy's tags too, so the plan after reads and compares them (and finds nothing to change).
    expect(text).toContain('    file: policies/DenyBucketDeletion.json\n    tags: { owner: security }\n');
    expect(plan.warnings.map((w) => w.code)).toEqual(['unlisted-accounts']);
  });

  it('round-trips random OU trees and accounts built through the SDK', async () => {
    const name = fc.oneof(fc.constantFrom('yes', '123', '- x', 'a: b', '#x', ' lead', 'é', '日本', 'Team 10', 'Team 2', '__proto__', '{}'), fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _-]{0,10}$/));
    const orgSpec = fc
      .record({
        ous: fc.array(fc.record({ name, pick: fc.nat() }), { maxLength: 6 }),
        accounts: fc.array(fc.record({ name: fc.stringMatching(/^[A-Za-z][ -~]{0,12}$/), pick: fc.nat(), closed: fc.boolean() }), { maxLength: 5 }),
      })
      .map(({ ous, accounts }) => {
        const built: { name: string; parent: number }[] = [];
        const depth: number[] = [];
        for (const ou of ous) {
          const eligible = [-1, ...built.map((_, k) => k).filter((k) => depth[k]! < 5)];
          const parent = eligible[ou.pick % eligible.length]!;
          // Sibling names stay unique (moto does not enforce it; AWS does).
          if (built.some((o) => o.parent === parent && o.name === ou.name)) continue;
          built.push({ name: ou.name, parent });
          depth.push(parent < 0 ? 1 : depth[parent]! + 1);
        }
        return { ous: built, accounts: accounts.map((a) => ({ name: a.name, parent: (a.pick % (built.length + 1)) - 1, closed: a.closed })) };
      });
    await fc.assert(
      fc.asyncProperty(orgSpec, async (org) => {
        await moto.reset();
        const built = await build(org);
        const { text } = await importValidatePlan();
        expect(placementsIn(text)).toEqual(built.placements);
        for (const id of built.closed) expect(text).toContain(`#   ${id} `);
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
