// Placeholder until the issue that builds `orgctl validate` lands.

import { UserError } from '../../model/errors.js';
import type { Command } from '../command.js';

export const validateCommand: Command = {
  name: 'validate',
  summary: '(not built yet)',
  usage: 'orgctl validate (not built yet)',
  async run() {
    throw new UserError('orgctl validate is not built yet.');
  },
};
