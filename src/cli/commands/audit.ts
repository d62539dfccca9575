// Placeholder until the issue that builds `orgctl audit` lands.

import { UserError } from '../../model/errors.js';
import type { Command } from '../command.js';

export const auditCommand: Command = {
  name: 'audit',
  summary: '(not built yet)',
  usage: 'orgctl audit (not built yet)',
  async run() {
    throw new UserError('orgctl audit is not built yet.');
  },
};
