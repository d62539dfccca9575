// Placeholder until the issue that builds `orgctl plan` lands.

import { UserError } from '../../model/errors.js';
import type { Command } from '../command.js';

export const planCommand: Command = {
  name: 'plan',
  summary: '(not built yet)',
  usage: 'orgctl plan (not built yet)',
  async run() {
    throw new UserError('orgctl plan is not built yet.');
  },
};
