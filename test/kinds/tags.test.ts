// The tags kind: validation of `tags:` (with file:line:col), the planner against planOrg, the executors
// against the fake port (each run twice), and how tag steps render (text and markdown).

import { describe, expect, it } from 'vitest';
import { executeStep, type StepContext } from '../../src/apply/execute-step.js';
import { IdRegistry } from '../../src/apply/id-registry.js';
import { parseOrgYaml } from '../../src/config/parse-org-yaml.js';
import type { DesiredOrg } from '../../src/model/desired.js';
import type { LiveOrg, LiveResourceTags } from '../../src/model/live.js';
import type { Plan, PlanStep } from '../../src/model/plan.js';
import { planOrg } from '../../src/planner/index.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { aLiveOrg, FAKE_INPUTS, MANAGEMENT_ACCOUNT_ID } from '../support/builders.js';
import { FakeAwsPort } from '../support/fake-port.js';
import { expectedTagReadCalls } from '../../src/kinds/tags/read-call-bound.js';
import { makePlan } from '../../src/workflow/make-plan.js';

const A1 = '111111111111';

function orgYaml(...lines: string[]): string {
  return ['version: 1', `organization: { managementAccountId: "${MANAGEMENT_ACCOUNT_ID}" }`, ...lines, ''].join('\n');
}

function problems(text: string): string[] {
  const result = parseOrgYaml(text, 'org.yaml');
  return result.ok ? [] : result.errors.map((e) => `${e.position ? `${e.position.line}:${e.position.column} ` : ''}${e.message}`);
}

function desiredOf(text: string): DesiredOrg {
  const result = parseOrgYaml(text, 'org.yaml');
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

describe('validate: tags', () => {
  it('accepts tags on the root, an OU, an account mapping without a name, and a budget', () => {
    const text = orgYaml(
      'root:',
      '  tags: { owner: platform }',
      '  organizationalUnits:',
      '    Workloads:',
      '      tags: { cost-center: "4711", "with space": "a/b=c+d-e@f.g:h_i" }',
      `      accounts: [{ id: "${A1}", tags: { team: payments } }]`,
      'budgets:',
      '  - name: b',
      '    amount: 1',
      '    tags: { owner: finance, empty: "" }',
      '    notifications: [{ type: ACTUAL, threshold: 80, emails: [a@example.com] }]',
    );
    expect(problems(text)).toEqual([]);
    const desired = desiredOf(text);
    expect(desired.root.tags?.entries.map((t) => [t.key, t.value])).toEqual([['owner', 'platform']]);
    expect(desired.root.organizationalUnits[0]!.accounts[0]).toMatchObject({ id: A1, tags: { entries: [{ key: 'team', value: 'payments' }] } });
    expect(desired.budgets[0]!.tags?.entries.map((t) => t.key)).toEqual(['owner', 'empty']);
  });

  it.each([
    ['a key that starts with aws:', 'aws:owner: x', /5:5 the tag key "aws:owner" of the root starts with "aws:"/],
    ['AWS: in capitals', 'AWS:x: y', /starts with "aws:"/],
    ['orgctl\'s own managed-by', 'managed-by: orgctl', /5:5 the tag key "managed-by" of the root is orgctl's own/],
    ['a key of 129 characters', `${'k'.repeat(129)}: x`, /is 129 characters long; AWS allows 1 to 128/],
    ['a value of 257 characters', `k: ${'v'.repeat(257)}`, /the value of the tag "k" of the root is 257 characters long; AWS allows at most 256/],
    ['a key with characters AWS refuses', '"a*b": x', /the tag key "a\*b" of the root has characters AWS refuses/],
    ['a value with characters AWS refuses', 'k: "<script>"', /the value of the tag "k" of the root has characters AWS refuses/],
    ['a number for a value', 'k: 4711', /5:8 `k` must be text; write it in quotes/],
  ])('refuses %s, at its line and column', (_what, tag, message) => {
    const found = problems(orgYaml('root:', '  tags:', `    ${tag}`));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('refuses more than 50 tags on an OU, at its tags: key', () => {
    const tags = Array.from({ length: 51 }, (_, i) => `        k${i}: v`);
    const found = problems(orgYaml('root:', '  organizationalUnits:', '    A:', '      tags:', ...tags));
    expect(found).toEqual([expect.stringMatching(/^6:7 OU \/A has 51 tags; AWS allows at most 50\. Remove 1\.$/)]);
  });

  it('allows 200 tags on a budget, not 201', () => {
    const budget = (n: number) =>
      orgYaml('root: {}', 'budgets:', '  - name: b', '    amount: 1', '    notifications: [{ type: ACTUAL, threshold: 80, emails: [a@example.com] }]', '    tags:', ...Array.from({ length: n }, (_, i) => `      k${i}: v`));
    expect(problems(budget(200))).toEqual([]);
    expect(problems(budget(201))).toEqual([expect.stringMatching(/budget "b" has 201 tags; AWS allows at most 200/)]);
  });

  it('says what to write for an account mapping with only an id', () => {
    expect(problems(orgYaml('root:', `  accounts: [{ id: "${A1}" }]`))).toEqual([expect.stringContaining('to give only the ID, write the quoted ID by itself')]);
  });
});

function liveWith(resourceTags: readonly LiveResourceTags[], build = aLiveOrg().withOu('/Workloads', { id: 'ou-root-workload' }).withAccount(A1, '/Workloads')): LiveOrg {
  return { ...build.build(), resourceTags };
}

const summary = (plan: Plan) => plan.steps.map((s) => `${s.kind} ${s.address}${s.dependsOn.length ? ` after ${s.dependsOn.join(',')}` : ''}`);

describe('plan: tags', () => {
  it('sets what differs and removes what org.yaml does not list, never aws: keys or managed-by; the tag waits for the untag', () => {
    const desired = desiredOf(orgYaml('root:', '  organizationalUnits:', '    Workloads:', '      tags: { owner: new, added: "1" }', `      accounts: ["${A1}"]`));
    const live = liveWith([{ target: { type: 'ou', path: '/Workloads' }, tags: { owner: 'old', stale: 'x', 'aws:cloudformation:stack-name': 's', 'managed-by': 'orgctl' } }]);
    const plan = planOrg(desired, live, FAKE_INPUTS);
    expect(summary(plan)).toEqual(['untagResource ou:/Workloads/tags', 'tagResource ou:/Workloads/tags after 0']);
    expect(plan.steps[0]).toMatchObject({ target: { type: 'ou', path: '/Workloads' }, before: { tags: { stale: 'x' } }, after: null, reason: '1 tag not in org.yaml' });
    expect(plan.steps[1]).toMatchObject({ before: { tags: { owner: 'old' } }, after: { tags: { owner: 'new', added: '1' } }, reason: '1 tag not set in AWS, 1 with another value in AWS' });
  });

  it('plans nothing when the tags match, and nothing for resources without tags:', () => {
    const desired = desiredOf(orgYaml('root:', '  tags: { a: b }', '  organizationalUnits:', '    Workloads:', `      accounts: ["${A1}"]`));
    const live = liveWith([{ target: { type: 'root' }, tags: { a: 'b', 'aws:x': 'y' } }]);
    expect(planOrg(desired, live, FAKE_INPUTS).steps).toEqual([]);
  });

  it('tags: {} removes every tag but aws: keys and managed-by', () => {
    const desired = desiredOf(orgYaml('root:', '  organizationalUnits:', '    Workloads:', `      accounts: [{ id: "${A1}", tags: {} }]`));
    const live = liveWith([{ target: { type: 'account', id: A1 }, tags: { team: 'x', 'managed-by': 'someone', 'aws:y': 'z' } }]);
    const plan = planOrg(desired, live, FAKE_INPUTS);
    expect(plan.steps).toMatchObject([{ kind: 'untagResource', target: { type: 'account', id: A1 }, before: { tags: { team: 'x' } } }]);
  });

  it('a new OU and a new budget get their tags in their create step, not in a tag step', () => {
    const desired = desiredOf(
      orgYaml(
        'root:',
        '  organizationalUnits:',
        '    Fresh: { tags: { owner: platform } }',
        'budgets:',
        '  - { name: b, amount: 1, tags: { owner: finance }, notifications: [{ type: ACTUAL, threshold: 80, emails: [a@example.com] }] }',
      ),
    );
    const plan = planOrg(desired, liveWith([]), FAKE_INPUTS);
    expect(plan.steps.map((s) => s.kind)).toEqual(['createOrganizationalUnit', 'createBudget']);
    expect(plan.steps[0]).toMatchObject({ after: { path: '/Fresh', tags: { owner: 'platform' } } });
    expect(plan.steps[1]).toMatchObject({ after: { name: 'b', tags: { owner: 'finance' } } });
  });

  it('a renamed OU is tagged by its path when the plan was made, so the step needs no rename first', () => {
    const desired = desiredOf(orgYaml('root:', '  organizationalUnits:', '    Platform:', '      renamedFrom: Workloads', '      tags: { owner: platform }'));
    const plan = planOrg(desired, liveWith([{ target: { type: 'ou', path: '/Workloads' }, tags: {} }]), FAKE_INPUTS);
    expect(plan.steps.map((s) => s.kind)).toEqual(['renameOrganizationalUnit', 'tagResource']);
    expect(plan.steps[1]).toMatchObject({ address: 'ou:/Platform/tags', target: { type: 'ou', path: '/Workloads' }, dependsOn: [] });
  });

  it('is an error, not a guess, when declared tags were not read', () => {
    const desired = desiredOf(orgYaml('root:', '  tags: { a: b }'));
    const plan = planOrg(desired, liveWith([]), FAKE_INPUTS);
    expect(plan.steps).toEqual([]);
    expect(plan.errors).toMatchObject([{ code: 'tags-not-read', address: 'root/tags', source: { line: 4 } }]);
  });

  it('tags of the root of an organization the plan creates: a warning, applied by the next plan', () => {
    const desired = desiredOf(orgYaml('root:', '  tags: { a: b }'));
    const plan = planOrg(desired, aLiveOrg().withoutOrganization().build(), FAKE_INPUTS);
    expect(plan.steps.map((s) => s.kind)).toEqual(['createOrganization']);
    expect(plan.warnings.map((w) => w.code)).toContain('root-tags-after-create');
  });
});

describe('execute: tags, each step twice', () => {
  const base = { reason: 'test', dependsOn: [] as number[] };

  function world(): { fake: FakeAwsPort; ctx: StepContext; ouId: string } {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    const ouId = fake.seedOu(rootId, 'Workloads');
    fake.seedBudget(FakeAwsPort.MANAGEMENT_ACCOUNT_ID, { name: 'b', amount: 1, tags: { 'managed-by': 'orgctl', old: 'x' } });
    const ctx: StepContext = { port: fake, ids: IdRegistry.fromLive(fake.liveOrg()), managementAccountId: FakeAwsPort.MANAGEMENT_ACCOUNT_ID };
    return { fake, ctx, ouId };
  }

  it('tags and untags the root and an OU (by the path it had when planned)', async () => {
    const { fake, ctx, ouId } = world();
    const rootId = fake.rootId;
    const steps: PlanStep[] = [
      { ...base, kind: 'tagResource', address: 'root/tags', target: { type: 'root' }, before: { tags: {} }, after: { tags: { owner: 'platform' } } },
      { ...base, kind: 'tagResource', address: 'ou:/Workloads/tags', target: { type: 'ou', path: '/Workloads' }, before: { tags: {} }, after: { tags: { a: '1', b: '2' } } },
      { ...base, kind: 'untagResource', address: 'ou:/Workloads/tags', target: { type: 'ou', path: '/Workloads' }, before: { tags: { b: '2' } }, after: null },
    ];
    for (const step of steps) {
      await executeStep(step, ctx);
      await executeStep(step, ctx);
    }
    expect(await fake.listResourceTags(rootId)).toEqual({ owner: 'platform' });
    expect(await fake.listResourceTags(ouId)).toEqual({ a: '1' });
  });

  it('tags and untags a budget by name, leaving managed-by', async () => {
    const { fake, ctx } = world();
    const tag: PlanStep = { ...base, kind: 'tagResource', address: 'budget:b/tags', target: { type: 'budget', name: 'b' }, before: { tags: {} }, after: { tags: { owner: 'finance' } } };
    const untag: PlanStep = { ...base, kind: 'untagResource', address: 'budget:b/tags', target: { type: 'budget', name: 'b' }, before: { tags: { old: 'x' } }, after: null };
    for (const step of [untag, untag, tag, tag]) await executeStep(step, ctx);
    expect(await fake.listBudgetTags(FakeAwsPort.MANAGEMENT_ACCOUNT_ID, 'b')).toEqual({ 'managed-by': 'orgctl', owner: 'finance' });
  });

  it('creates an OU with its tags in the create call; run again (a lost reply), the OU is found and tagged, not duplicated', async () => {
    const { fake, ctx } = world();
    const step: PlanStep = { ...base, kind: 'createOrganizationalUnit', address: 'ou:/Fresh', before: null, after: { path: '/Fresh', name: 'Fresh', parent: { type: 'root' }, tags: { owner: 'platform' } } };
    await executeStep(step, ctx);
    await executeStep(step, ctx);
    const fresh = fake.liveOrg().ous.filter((ou) => ou.name === 'Fresh');
    expect(fresh).toHaveLength(1);
    expect(await fake.listResourceTags(fresh[0]!.id)).toEqual({ owner: 'platform' });
    expect(fake.calls.filter((c) => c.operation === 'TagResource' || c.operation === 'CreateOrganizationalUnit').map((c) => c.operation)).toEqual([
      'CreateOrganizationalUnit',
      'CreateOrganizationalUnit',
      'TagResource',
    ]);
  });

  it('creates a budget with its tags and managed-by in the CreateBudget call', async () => {
    const { fake, ctx } = world();
    const step: PlanStep = {
      ...base,
      kind: 'createBudget',
      address: 'budget:new',
      before: null,
      after: { name: 'new', amount: 5, unit: 'USD', timeUnit: 'MONTHLY', notifications: [], tags: { owner: 'finance' } },
    };
    await executeStep(step, ctx);
    await executeStep(step, ctx);
    expect(await fake.listBudgetTags(FakeAwsPort.MANAGEMENT_ACCOUNT_ID, 'new')).toEqual({ owner: 'finance', 'managed-by': 'orgctl' });
  });
});

describe('render: tag steps', () => {
  // Tag values are user text (org.yaml) and AWS text (the values being replaced).
  const HOSTILE_VALUE = 'x```\n</details><img src=x> @octocat #1';
  function tagPlan(): Plan {
    const desired = desiredOf(
      orgYaml('root:', '  tags: { owner: platform }', '  organizationalUnits:', '    Workloads:', '      tags: { "cost center": "4711" }', `      accounts: [{ id: "${A1}", tags: {} }]`, '    Fresh: { tags: { owner: new } }'),
    );
    const live = liveWith([
      { target: { type: 'root' }, tags: { owner: HOSTILE_VALUE } },
      { target: { type: 'ou', path: '/Workloads' }, tags: {} },
      { target: { type: 'account', id: A1 }, tags: { team: '@everyone' } },
    ]);
    return planOrg(desired, live, FAKE_INPUTS);
  }

  it('text', async () => {
    await expect(renderPlanText(tagPlan(), { color: false })).toMatchFileSnapshot('./__snapshots__/tags-plan.txt');
  });

  it('markdown: no value escapes its code block', async () => {
    const markdown = renderPlanMarkdown(tagPlan());
    await expect(markdown).toMatchFileSnapshot('./__snapshots__/tags-plan.md');
    expect(markdown).not.toContain('\n</details><img');
    expect(markdown.split('\n').filter((line) => line.includes('@octocat'))).toHaveLength(1);
    expect(markdown).toContain('"owner": "x```\\n</details><img src=x> @octocat #1" → "platform"');
  });
});

const A3 = '333333333333';
const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;
const fakeOrgYaml = (...lines: string[]): string => ['version: 1', `organization: { managementAccountId: "${MGMT}" }`, ...lines, ''].join('\n');

describe('read: only the tags org.yaml declares', () => {
  it('one ListTagsForResource per declared root/OU/account and budget, as the bound says; none for the rest', async () => {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    const workloads = fake.seedOu(rootId, 'Workloads');
    fake.seedOu(rootId, 'Untagged');
    fake.seedAccount({ id: A3, name: 'a1', parentId: workloads });
    fake.seedAccount({ id: '222222222222', name: 'a2', parentId: workloads });
    fake.seedTags(workloads, { owner: 'x' });
    fake.seedBudget(FakeAwsPort.MANAGEMENT_ACCOUNT_ID, { name: 'old', amount: 1, notifications: [{ type: 'ACTUAL', comparison: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE', subscribers: [{ type: 'EMAIL', address: 'a@example.com' }] }] });
    const budget = (name: string) => `  - { name: ${name}, amount: 1, tags: { owner: finance }, notifications: [{ type: ACTUAL, threshold: 80, emails: [a@example.com] }] }`;
    const desired = desiredOf(
      fakeOrgYaml(
        'root:',
        '  organizationalUnits:',
        '    Workloads:',
        '      tags: { owner: x }',
        `      accounts: [{ id: "${A3}", tags: { team: t } }, "222222222222"]`,
        '    Untagged: {}',
        'budgets:',
        budget('old'),
        budget('new'),
      ),
    );
    const { plan, live } = await makePlan(fake, desired, 'a'.repeat(64));
    const tagReads = fake.calls.filter((c) => c.operation === 'ListTagsForResource');
    // Workloads and A3 (Organizations), "old" and "new" (Budgets: "new" is not there yet, and is created with its tags).
    expect(tagReads.map((c) => JSON.stringify(c.args)).sort()).toEqual([`["${fake.ouIdByPath('/Workloads')}"]`, `["${A3}"]`, `["${MGMT}","new"]`, `["${MGMT}","old"]`].sort());
    expect(expectedTagReadCalls(desired, live)).toEqual({ organizations: 2, budgets: 2 });
    expect(summary(plan)).toEqual(['createBudget budget:new', `tagResource account:${A3}/tags`, 'tagResource budget:old/tags']);
  });

  it('an account declared by email: an existing one is read and tagged by its ID; a new one gets its tags in CreateAccount, unread', async () => {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    const workloads = fake.seedOu(rootId, 'Workloads');
    fake.seedAccount({ id: A3, name: 'old', email: 'aws+old@example.com', parentId: workloads });
    fake.seedTags(A3, { team: 'was', 'aws:x': 'y' });
    const desired = desiredOf(
      fakeOrgYaml(
        'root:',
        '  organizationalUnits:',
        '    Workloads:',
        '      accounts:',
        '        - { name: old, email: AWS+old@example.com, tags: { team: t } }',
        '        - { name: fresh, email: aws+fresh@example.com, tags: { team: n } }',
      ),
    );
    const { plan, live } = await makePlan(fake, desired, 'a'.repeat(64));
    const tagReads = fake.calls.filter((c) => c.operation === 'ListTagsForResource');
    expect(tagReads.map((c) => JSON.stringify(c.args))).toEqual([`["${A3}"]`]);
    expect(expectedTagReadCalls(desired, live)).toEqual({ organizations: 1, budgets: 0 });
    expect(summary(plan)).toEqual(['createAccount account:aws+fresh@example.com', 'moveAccount account:aws+fresh@example.com after 0', `tagResource account:${A3}/tags`]);
    expect(plan.steps[0]).toMatchObject({ after: { name: 'fresh', email: 'aws+fresh@example.com', tags: { team: 'n' } } });
    expect(plan.steps[2]).toMatchObject({ target: { type: 'account', id: A3 }, before: { tags: { team: 'was' } }, after: { tags: { team: 't' } } });
  });

  /**
   * The port, but the listing of `heldParent`'s accounts (the walk's last) does not answer until a tag read
   * starts, or until everything else has gone quiet (event-loop turns, no timers); `events` is the order.
   */
  function holdingWalk(fake: FakeAwsPort, heldParent: string): { port: FakeAwsPort; events: string[] } {
    const events: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const quiet = async (): Promise<void> => {
      for (let i = 0; i < 500; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    const port = new Proxy(fake, {
      get(target, prop, receiver) {
        if (prop === 'listAccountsForParent') {
          return async (parentId: string) => {
            const accounts = await target.listAccountsForParent(parentId);
            if (parentId === heldParent) await Promise.race([released, quiet()]);
            events.push(`accounts of ${parentId}`);
            return accounts;
          };
        }
        if (prop === 'listResourceTags') {
          return (id: string) => {
            events.push(`tags of ${id}`);
            release();
            return target.listResourceTags(id);
          };
        }
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    return { port, events };
  }

  it('starts the tags of a declared OU and account as the walk finds them, before the walk is done, each read once (the bound)', async () => {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    const workloads = fake.seedOu(rootId, 'Workloads');
    const deep = fake.seedOu(fake.seedOu(workloads, 'Prod'), 'Deep');
    fake.seedAccount({ id: A3, name: 'a1', email: 'a1@example.com', parentId: workloads });
    fake.seedAccount({ id: '222222222222', name: 'a2', email: 'a2@example.com', parentId: deep });
    fake.seedTags(workloads, { owner: 'x' });
    const desired = desiredOf(
      fakeOrgYaml(
        'root:',
        '  tags: { owner: platform }',
        '  organizationalUnits:',
        '    Workloads:',
        '      tags: { owner: x }',
        `      accounts: [{ id: "${A3}", tags: { team: t } }]`,
        '      organizationalUnits:',
        '        Prod:',
        '          organizationalUnits:',
        '            Deep:',
        '              accounts: [{ email: A2@example.com, tags: { team: d } }]',
      ),
    );
    const { port, events } = holdingWalk(fake, deep);
    const { plan, live } = await makePlan(port, desired, 'a'.repeat(64));
    const walkDone = events.indexOf(`accounts of ${deep}`);
    expect(events.indexOf(`tags of ${workloads}`)).toBeGreaterThanOrEqual(0);
    expect(events.indexOf(`tags of ${workloads}`)).toBeLessThan(walkDone);
    expect(events.indexOf(`tags of ${A3}`)).toBeLessThan(walkDone);
    expect(events.indexOf(`tags of ${rootId}`)).toBeLessThan(walkDone);
    // The account declared by email is found by its listing, the last: read once, then.
    expect(events.filter((e) => e.startsWith('tags of ')).sort()).toEqual([`tags of ${A3}`, `tags of ${rootId}`, `tags of ${workloads}`, 'tags of 222222222222'].sort());
    expect(expectedTagReadCalls(desired, live)).toEqual({ organizations: 4, budgets: 0 });
    expect(summary(plan)).toEqual(['tagResource root/tags', `tagResource account:${A3}/tags`, 'tagResource account:222222222222/tags']);
  });

  it('with a renamed OU in org.yaml, reads the OUs\' tags once the tree is complete, by the live OU each org.yaml path names', async () => {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    const old = fake.seedOu(rootId, 'Old');
    const keep = fake.seedOu(rootId, 'Keep');
    fake.seedTags(old, { owner: 'was' });
    fake.seedTags(keep, { owner: 'keep' });
    // /New in org.yaml is the live /Old, renamed by this plan: its tags are the live /Old's.
    const desired = desiredOf(
      fakeOrgYaml('root:', '  organizationalUnits:', '    New:', '      renamedFrom: Old', '      tags: { owner: was }', '    Keep:', '      tags: { owner: keep }'),
    );
    const { plan, live } = await makePlan(fake, desired, 'a'.repeat(64));
    expect(fake.calls.filter((c) => c.operation === 'ListTagsForResource').map((c) => c.args[0]).sort()).toEqual([old, keep].sort());
    expect(expectedTagReadCalls(desired, live)).toEqual({ organizations: 2, budgets: 0 });
    expect(summary(plan)).toEqual(['renameOrganizationalUnit ou:/New']);
  });

  it('reads no tags when org.yaml declares none', async () => {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    fake.seedOu(rootId, 'Workloads');
    await makePlan(fake, desiredOf(fakeOrgYaml('root:', '  organizationalUnits:', '    Workloads: {}')), 'a'.repeat(64));
    expect(fake.callCount('ListTagsForResource')).toBe(0);
  });
});

describe('policies: tags', () => {
  const DOC = 'document: { Version: "2012-10-17", Statement: [{ Effect: Deny, Action: "s3:DeleteBucket", Resource: "*" }] }';
  const CONTENT = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }] });

  it('validate: accepts tags: on a policy; refuses them on an AWS-managed policy and past 49 (managed-by takes the 50th)', () => {
    expect(problems(orgYaml('root: {}', 'policies:', `  P: { ${DOC}, tags: { owner: security } }`))).toEqual([]);
    expect(desiredOf(orgYaml('root: {}', 'policies:', `  P: { ${DOC}, tags: { owner: security } }`)).policies?.[0]?.tags?.entries).toEqual([
      expect.objectContaining({ key: 'owner', value: 'security' }),
    ]);
    expect(problems(orgYaml('root: {}', 'policies:', `  FullAWSAccess: { ${DOC}, tags: { owner: security } }`))).toContainEqual(
      expect.stringMatching(/^5:\d+ policy "FullAWSAccess" is AWS-managed, and AWS refuses tags on AWS-managed policies\. Remove its `tags:`\.$/),
    );
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `      k${i}: v`);
    expect(problems(orgYaml('root: {}', 'policies:', '  P:', `    ${DOC}`, '    tags:', ...tags(49)))).toEqual([]);
    expect(problems(orgYaml('root: {}', 'policies:', '  P:', `    ${DOC}`, '    tags:', ...tags(50)))).toEqual([
      expect.stringMatching(/^7:5 policy "P" has 50 tags; AWS allows at most 49\. Remove 1\.$/),
    ]);
  });

  function seeded(): FakeAwsPort {
    const fake = new FakeAwsPort();
    fake.seedOrganization();
    fake.seedTags(fake.seedPolicy({ id: 'p-tagged0001', name: 'Tagged', content: CONTENT }), { owner: 'old', drop: 'me', 'managed-by': 'orgctl', 'aws:x': 'y' });
    fake.seedTags(fake.seedPolicy({ id: 'p-plain00001', name: 'Plain', content: CONTENT }), { stays: 'as is' });
    fake.seedTags(fake.seedPolicy({ id: 'p-other00001', name: 'Other', content: CONTENT }), { other: 'x' });
    return fake;
  }
  const policiesYaml = fakeOrgYaml(
    'root: {}',
    'policies:',
    `  Tagged: { ${DOC}, tags: { owner: security, added: "1" } }`,
    `  Plain: { ${DOC} }`,
    `  Fresh: { ${DOC}, tags: { owner: security } }`,
  );

  it('reads the tags of the existing policies that declare them only, as the bound says; tags and untags them; a new policy gets its tags in CreatePolicy', async () => {
    const fake = seeded();
    const desired = desiredOf(policiesYaml);
    const { plan, live } = await makePlan(fake, desired, 'a'.repeat(64));
    expect(fake.calls.filter((c) => c.operation === 'ListTagsForResource').map((c) => c.args)).toEqual([['p-tagged0001']]);
    expect(expectedTagReadCalls(desired, live)).toEqual({ organizations: 1, budgets: 0 });
    expect(plan.errors).toEqual([]);
    const steps = plan.steps.filter((s) => s.kind === 'tagResource' || s.kind === 'untagResource' || s.kind === 'createPolicy');
    expect(steps.map((s) => `${s.kind} ${s.address}`)).toEqual(['createPolicy policy:Fresh', 'untagResource policy:Tagged/tags', 'tagResource policy:Tagged/tags']);
    expect(steps[0]).toMatchObject({ after: { name: 'Fresh', tags: { owner: 'security' } } });
    expect(steps[1]).toMatchObject({ target: { type: 'policy', name: 'Tagged' }, before: { tags: { drop: 'me' } } });
    expect(steps[2]).toMatchObject({ target: { type: 'policy', name: 'Tagged' }, before: { tags: { owner: 'old' } }, after: { tags: { owner: 'security', added: '1' } } });
  });

  it('is an error, not a guess, when a declared policy\'s tags were not read', () => {
    const desired = desiredOf(policiesYaml);
    const live = seeded().liveOrg();
    const policies = { enabledTypes: [], readTypes: ['SERVICE_CONTROL_POLICY' as const], policies: [{ id: 'p-tagged0001', name: 'Tagged', type: 'SERVICE_CONTROL_POLICY' as const, awsManaged: false, description: '', content: CONTENT, targets: [] }] };
    const plan = planOrg(desired, { ...live, policies }, FAKE_INPUTS);
    expect(plan.errors.map((e) => `${e.code} ${e.address}`)).toContainEqual('tags-not-read policy:Tagged/tags');
  });

  it('execute, each twice: tags and untags an existing policy by name; CreatePolicy sets the declared tags beside managed-by', async () => {
    const fake = seeded();
    // The ID registry knows the policies the plan read (the apply's read, with org.yaml's policies).
    const { live } = await makePlan(fake, desiredOf(policiesYaml), 'a'.repeat(64));
    const ctx: StepContext = { port: fake, ids: IdRegistry.fromLive(live), managementAccountId: FakeAwsPort.MANAGEMENT_ACCOUNT_ID };
    const base = { reason: 'test', dependsOn: [] as number[] };
    const target = { type: 'policy', name: 'Tagged' } as const;
    const steps: PlanStep[] = [
      { ...base, kind: 'untagResource', address: 'policy:Tagged/tags', target, before: { tags: { drop: 'me' } }, after: null },
      { ...base, kind: 'tagResource', address: 'policy:Tagged/tags', target, before: { tags: { owner: 'old' } }, after: { tags: { owner: 'security' } } },
      { ...base, kind: 'createPolicy', address: 'policy:Fresh', before: null, after: { name: 'Fresh', type: 'SERVICE_CONTROL_POLICY', description: '', content: CONTENT, tags: { owner: 'security' } } },
    ];
    for (const step of [...steps, ...steps]) await executeStep(step, ctx);
    expect(await fake.listResourceTags('p-tagged0001')).toEqual({ owner: 'security', 'managed-by': 'orgctl', 'aws:x': 'y' });
    const fresh = (await fake.listPolicies('SERVICE_CONTROL_POLICY')).filter((p) => p.name === 'Fresh');
    expect(fresh).toHaveLength(1);
    expect(await fake.listResourceTags(fresh[0]!.id)).toEqual({ owner: 'security', 'managed-by': 'orgctl' });
  });
});
