// How the tags kind names, keys and describes what it tags.

import { accountAddress, budgetAddress, ouAddress, policyAddress } from '../../model/addresses.js';
import { refKey, ROOT_REF, type TagTarget } from '../../model/refs.js';

export { ROOT_REF, type TagTarget };

/** One string per tagged thing. */
export function refKeyOfTagTarget(target: TagTarget): string {
  return target.type === 'budget' ? `budget:${target.name}` : refKey(target);
}

/** "root/tags", "ou:/Workloads/tags", "account:111111111111/tags", "budget:monthly/tags", "policy:DenyLeave/tags". */
export function tagsAddress(target: TagTarget): string {
  switch (target.type) {
    case 'root':
      return 'root/tags';
    case 'ou':
      return `${ouAddress(target.path)}/tags`;
    case 'account':
      return `${accountAddress(target.id)}/tags`;
    case 'budget':
      return `${budgetAddress(target.name)}/tags`;
    case 'policy':
      return `${policyAddress(target.name)}/tags`;
  }
}
