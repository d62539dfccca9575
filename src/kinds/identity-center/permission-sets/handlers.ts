// The permission set steps' handlers, for the identity center kind's `steps`.

import type { StepHandler } from '../../kind.js';
import { describeCreate, describeProvisioning, describeUpdate } from './describe.js';
import { createPermissionSet, deletePermissionSet, provisionPermissionSet, updatePermissionSet } from './execute.js';
import type { CreatePermissionSetStep, DeletePermissionSetStep, ProvisionPermissionSetStep, UpdatePermissionSetStep } from './steps.js';
import { visibleText } from '../../../text/visible-text.js';

export const PERMISSION_SETS_GROUP = 'Identity Center permission sets';

export const PERMISSION_SET_HANDLERS: {
  createPermissionSet: StepHandler<CreatePermissionSetStep>;
  updatePermissionSet: StepHandler<UpdatePermissionSetStep>;
  deletePermissionSet: StepHandler<DeletePermissionSetStep>;
  provisionPermissionSet: StepHandler<ProvisionPermissionSetStep>;
} = {
  createPermissionSet: { group: PERMISSION_SETS_GROUP, action: 'create', describe: describeCreate, execute: createPermissionSet },
  updatePermissionSet: { group: PERMISSION_SETS_GROUP, action: 'update', describe: describeUpdate, execute: updatePermissionSet },
  deletePermissionSet: {
    group: PERMISSION_SETS_GROUP,
    action: 'delete',
    describe: (step) => ({ title: `permission set ${visibleText(step.before.name)}`, details: [] }),
    execute: deletePermissionSet,
  },
  provisionPermissionSet: {
    group: PERMISSION_SETS_GROUP,
    action: 'update',
    describe: (step) => describeProvisioning(step.after.name, step.after.accountIds),
    // "1 IAM role per account updated at a time" (aws-facts §7.1): provision one set at a time.
    maxInFlight: 1,
    execute: provisionPermissionSet,
  },
};
