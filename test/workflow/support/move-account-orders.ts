// AWS does not document which MoveAccount check answers a retried move that already happened
// (docs/emulator.md, quirk moveAccountCheckOrder): the apply properties run under both answers.

import type { EmulatorQuirks } from '../../../src/emulator/index.js';

export type MoveAccountCheckOrder = EmulatorQuirks['moveAccountCheckOrder'];

export const MOVE_ACCOUNT_CHECK_ORDERS: readonly MoveAccountCheckOrder[] = ['destinationFirst', 'sourceFirst'];
