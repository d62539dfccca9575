// Placeholder until the issue that builds `orgctl apply` lands.

import { UserError } from '../../model/errors.js';
import type { Command } from '../command.js';

export const applyCommand: Command = {
  name: 'apply',
  summary: '(not built yet)',
  usage: 'orgctl apply (not built yet)',
  async run() {
    throw new UserError('orgctl apply is not built yet.');
  },
};
