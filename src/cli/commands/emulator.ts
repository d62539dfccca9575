// Placeholder until the issue that builds `orgctl emulator` lands.

import { UserError } from '../../model/errors.js';
import type { Command } from '../command.js';

export const emulatorCommand: Command = {
  name: 'emulator',
  summary: '(not built yet)',
  usage: 'orgctl emulator (not built yet)',
  async run() {
    throw new UserError('orgctl emulator is not built yet.');
  },
};
