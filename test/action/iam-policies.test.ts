// docs/iam/ against the code: the plan role allows exactly the IAM actions of the calls orgctl reads
// with, the apply role adds exactly those of its writes, and the list of calls is the one the SDK
// adapter really sends. The trust policies admit only this repository's PRs, main, and the environment.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { iamActionsFor, PORT_OPERATIONS } from '../../src/aws/operations.js';

const ROOT = resolve(import.meta.dirname, '../..');
const IAM = join(ROOT, 'docs/iam');

interface Statement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Principal?: { readonly Federated?: string };
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

function policy(name: string): readonly Statement[] {
  const document = JSON.parse(readFileSync(join(IAM, name), 'utf8')) as { Version: string; Statement: Statement[] };
  expect(document.Version).toBe('2012-10-17');
  return document.Statement;
}

const list = (value: string | readonly string[] | undefined): string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : [...value]);
const allowed = (statements: readonly Statement[]): string[] => [...new Set(statements.filter((s) => s.Effect === 'Allow').flatMap((s) => list(s.Action)))].sort();

const operations = Object.values(PORT_OPERATIONS);
const actionsOf = (access: 'read' | 'write'): string[] =>
  [...new Set(operations.filter((o) => o.access === access).flatMap((o) => iamActionsFor(o.service, o.operation)))].sort();

/** CreateOrganization also creates Organizations' service-linked role (AWSServiceRoleForOrganizations). */
const SERVICE_LINKED_ROLE = 'iam:CreateServiceLinkedRole';

describe('the IAM policies in docs/iam', () => {
  it('plan role: exactly the actions of the read calls', () => {
    const statements = policy('plan-role-policy.json');
    expect(statements.every((s) => s.Effect === 'Allow')).toBe(true);
    expect(allowed(statements), 'docs/iam/plan-role-policy.json must allow exactly these actions').toEqual(actionsOf('read'));
    expect(allowed(statements).filter((a) => /^(Create|Update|Delete|Move|Modify|Tag|Untag|Put|Attach|Detach)/.test(a.split(':')[1] ?? ''))).toEqual([]);
  });

  it('apply role: the reads plus exactly the actions of the write calls', () => {
    const statements = policy('apply-role-policy.json');
    const writes = actionsOf('write');
    const bootstrap = operations.some((o) => o.operation === 'CreateOrganization') ? [SERVICE_LINKED_ROLE] : [];
    expect(allowed(statements), 'docs/iam/apply-role-policy.json must allow exactly these actions').toEqual([...new Set([...actionsOf('read'), ...writes, ...bootstrap])].sort());
    // The service-linked role only for Organizations.
    const slr = statements.find((s) => list(s.Action).includes(SERVICE_LINKED_ROLE));
    expect(list(slr?.Action)).toEqual([SERVICE_LINKED_ROLE]);
    expect(slr?.Condition?.['StringEquals']?.['iam:AWSServiceName']).toBe('organizations.amazonaws.com');
  });

  it('names no wildcard action and denies nothing it does not need to', () => {
    for (const name of ['plan-role-policy.json', 'apply-role-policy.json']) {
      for (const statement of policy(name)) {
        expect(statement.Effect).toBe('Allow');
        for (const action of list(statement.Action)) expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z]+$/);
      }
    }
  });

  it('the operation list is what the SDK adapter sends: every Command it builds is listed, and every listed operation is built', () => {
    const adapterDir = join(ROOT, 'src/aws/sdk');
    const sources = readdirSync(adapterDir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(adapterDir, f), 'utf8'));
    const sent = new Set<string>();
    const commandsIn = (source: string, keyword: 'import' | 'export'): Map<string, string> => {
      // import { ListTagsForResourceCommand as ListOrganizationsTagsCommand } from '@aws-sdk/client-organizations'
      const commands = new Map<string, string>();
      for (const [, names = '', client = ''] of source.matchAll(new RegExp(`${keyword}\\s*\\{([^}]*)\\}\\s*from\\s*'@aws-sdk\\/client-([a-z-]+)'`, 'g'))) {
        for (const name of names.split(',').map((n) => n.trim()).filter((n) => /Command\b/.test(n))) {
          const [imported = '', local = imported] = name.split(/\s+as\s+/);
          commands.set(local, `${client}:${imported.replace(/Command$/, '')}`);
        }
      }
      return commands;
    };
    // Commands re-exported by a module the adapter loads on first use (security-sdk.ts), used as `new sdk.XCommand(`.
    const reexported = new Map(sources.flatMap((source) => [...commandsIn(source, 'export')]));
    for (const source of sources) {
      const commands = commandsIn(source, 'import');
      for (const [, qualifier, local = ''] of source.matchAll(/new (?:([\w.]+)\.)?(\w+Command)\(/g)) {
        const operation = qualifier === undefined ? commands.get(local) : reexported.get(local);
        expect(operation, `${local} is not imported from an @aws-sdk client`).toBeDefined();
        sent.add(operation!);
      }
    }
    const listed = [...new Set(operations.map((o) => `${o.service}:${o.operation}`))].sort();
    expect([...sent].sort(), 'src/aws/operations.ts PORT_OPERATIONS must list every AWS command the adapter sends, and only those').toEqual(listed);
  });

  it('no code outside the adapter talks to AWS', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts') && !path.includes(`${join('src', 'aws', 'sdk')}`) && /from '@aws-sdk\//.test(readFileSync(path, 'utf8'))) offenders.push(path);
      }
    };
    walk(join(ROOT, 'src'));
    expect(offenders).toEqual([]);
  });
});

describe('the OIDC trust policies in docs/iam', () => {
  const applyWorkflow = parse(readFileSync(join(ROOT, '.github/workflows/org-apply.yml'), 'utf8')) as { jobs: Record<string, { environment?: string }> };

  function trust(name: string): { sub: string[]; statement: Statement } {
    const statements = policy(name);
    expect(statements).toHaveLength(1);
    const [statement] = statements as [Statement];
    expect(statement.Effect).toBe('Allow');
    expect(statement.Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(statement.Principal?.Federated).toBe('arn:aws:iam::<MANAGEMENT_ACCOUNT_ID>:oidc-provider/token.actions.githubusercontent.com');
    const equals = statement.Condition?.['StringEquals'] ?? {};
    expect(equals['token.actions.githubusercontent.com:aud']).toBe('sts.amazonaws.com');
    // Only exact subjects: no StringLike wildcards that would admit other repositories or branches.
    expect(Object.keys(statement.Condition ?? {})).toEqual(['StringEquals']);
    return { sub: list(equals['token.actions.githubusercontent.com:sub']), statement };
  }

  it('plan role: pull requests of this repository, and main (the scheduled drift check)', () => {
    expect(trust('plan-role-trust-policy.json').sub).toEqual(['repo:<OWNER>/<REPO>:pull_request', 'repo:<OWNER>/<REPO>:ref:refs/heads/main']);
  });

  it('apply role: only jobs of the environment the apply workflow uses', () => {
    const environment = applyWorkflow.jobs['apply']?.environment;
    expect(environment).toBe('org-apply');
    expect(trust('apply-role-trust-policy.json').sub).toEqual([`repo:<OWNER>/<REPO>:environment:${environment}`]);
  });
});
