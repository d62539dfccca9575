// Everything the emulator remembers: the organization, the budgets of every account, IAM (root users,
// IAM users, centralized root access), alternate contacts, Identity Center instances, and the default
// caller account (who callers are when their access key names no account).

import { AlternateContactsState } from './account/state.js';
import { BudgetsState } from './budgets/state.js';
import { IamState } from './iam/state.js';
import { OrganizationsState } from './organizations/state.js';
import { IdentityCenterState } from './sso-admin/state.js';
import { IdentityStoreState } from './identity-store/state.js';

export const DEFAULT_ACCOUNT_ID = '123456789012';

export class World {
  readonly organizations = new OrganizationsState();
  readonly budgets = new BudgetsState();
  readonly iam = new IamState();
  readonly contacts = new AlternateContactsState();
  readonly identityCenter = new IdentityCenterState();
  /** The identity stores of the Identity Center instances: groups and users. */
  readonly identityStore = new IdentityStoreState();

  constructor(
    /** The account callers act as unless their access key names another. */
    public defaultAccountId: string = DEFAULT_ACCOUNT_ID,
    public accountName = 'management',
    public accountEmail = 'management@example.com',
  ) {}

  /** Name and email of an account before it is in the organization. */
  profileOf(accountId: string): { name: string; email: string } {
    const known = this.organizations.accounts.get(accountId);
    if (known) return { name: known.name, email: known.email };
    if (accountId === this.defaultAccountId) return { name: this.accountName, email: this.accountEmail };
    return { name: `account-${accountId}`, email: `account-${accountId}@example.com` };
  }
}
