// Placeholder until the issue that builds `orgctl demo` lands.

import { UserError } from '../../model/errors.js';
import type { Command } from '../command.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: '(not built yet)',
  usage: 'orgctl demo (not built yet)',
  async run() {
    throw new UserError('orgctl demo is not built yet.');
  },
};
