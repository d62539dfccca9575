// Each declared account's name and state. org.yaml's promises (docs/org-yaml.md, "Accounts"):
// - an entry without id is the account with that email, created when there was none;
// - an ACTIVE account has the name org.yaml gives it (orgctl renames it);
// - `closed: true`: the account is PENDING_CLOSURE, SUSPENDED or CLOSED; the management account never is;
// - an account not marked closed is never closed by orgctl.

import { ListAccountsCommand } from '@aws-sdk/client-organizations';
import type { LiveOrg } from '../../../src/model/live.js';
import { allPages, errorName } from './aws.js';
import { type EndStateKind, newReport, type ReadContext, shown } from './kind.js';
import { booleanOr, list, mapping, text, type OrgYamlDocument } from './org-yaml.js';

export interface AccountRecord {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly state: string;
}

export interface DeclaredAccount {
  readonly id?: string;
  readonly email?: string;
  readonly name?: string;
  readonly closed: boolean;
}

const CLOSED = new Set(['PENDING_CLOSURE', 'SUSPENDED', 'CLOSED']);

function declared(document: OrgYamlDocument): readonly DeclaredAccount[] {
  const found: DeclaredAccount[] = [];
  const visit = (node: ReadonlyMap<string, unknown>, where: string): void => {
    for (const [i, entry] of list(node.get('accounts'), `${where}.accounts`).entries()) {
      const at = `${where}.accounts[${i}]`;
      if (!(entry instanceof Map)) {
        found.push({ id: text(entry, at), closed: false });
        continue;
      }
      const get = (key: string) => (entry.get(key) === undefined ? undefined : text(entry.get(key), `${at}.${key}`));
      const id = get('id');
      const email = get('email');
      const name = get('name');
      found.push({ ...(id !== undefined && { id }), ...(email !== undefined && { email }), ...(name !== undefined && { name }), closed: booleanOr(entry.get('closed'), false, `${at}.closed`) });
    }
    for (const [name, child] of mapping(node.get('organizationalUnits'), `${where}.organizationalUnits`)) visit(mapping(child, `OU ${name}`), `OU ${name}`);
  };
  visit(mapping(document.get('root'), 'root'), 'root');
  return found;
}

async function read({ clients: { organizations } }: ReadContext): Promise<readonly AccountRecord[]> {
  try {
    const accounts = await allPages((NextToken) => organizations.send(new ListAccountsCommand({ NextToken })), (p) => p.Accounts);
    return accounts.map((a) => ({ id: a.Id!, name: a.Name ?? '', email: a.Email ?? '', state: a.State ?? a.Status ?? 'ACTIVE' }));
  } catch (error) {
    if (errorName(error) === 'AWSOrganizationsNotInUseException') return [];
    throw error;
  }
}

function fromLive(live: LiveOrg): readonly AccountRecord[] {
  return live.accounts.map((a) => ({ id: a.id, name: a.name, email: a.email, state: a.state }));
}

function check(after: readonly AccountRecord[], declaredAccounts: readonly DeclaredAccount[], before: readonly AccountRecord[]) {
  const report = newReport();
  const differs = (line: string) => report.mismatches.push(line);
  const byId = new Map(after.map((a) => [a.id, a]));
  const byEmail = new Map(after.map((a) => [a.email.toLowerCase(), a]));
  const closedBefore = new Set(before.filter((a) => CLOSED.has(a.state)).map((a) => a.id));
  const markedClosed = new Set<string>();
  for (const entry of declaredAccounts) {
    const account = entry.id !== undefined ? byId.get(entry.id) : byEmail.get(entry.email!.toLowerCase());
    const what = `account ${entry.id ?? entry.email}`;
    if (!account) {
      // Placement (organization.ts) reports accounts declared by id that are missing.
      if (entry.id === undefined) differs(`${what}: declared by email, yet no account has it`);
      continue;
    }
    if (entry.closed) {
      markedClosed.add(account.id);
      if (!CLOSED.has(account.state)) differs(`${what}: closed: true, yet it is ${account.state}`);
      continue;
    }
    if (entry.name !== undefined && account.state === 'ACTIVE' && account.name !== entry.name) {
      differs(`${what}: named ${shown(account.name)}; org.yaml names it ${shown(entry.name)}`);
    }
  }
  for (const account of after) {
    if (CLOSED.has(account.state) && !closedBefore.has(account.id) && !markedClosed.has(account.id)) {
      differs(`account ${account.id}: ${account.state}, yet org.yaml does not mark it closed`);
    }
  }
  return report;
}

export const accountsKind: EndStateKind<readonly AccountRecord[], readonly DeclaredAccount[]> = { name: 'accounts', declared, read, fromLive, check };
