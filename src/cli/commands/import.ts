// Placeholder until the issue that builds `orgctl import` lands.

import { UserError } from '../../model/errors.js';
import type { Command } from '../command.js';

export const importCommand: Command = {
  name: 'import',
  summary: '(not built yet)',
  usage: 'orgctl import (not built yet)',
  async run() {
    throw new UserError('orgctl import is not built yet.');
  },
};
