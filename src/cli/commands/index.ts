// Every CLI command, in the order `orgctl --help` lists them.

import type { Command } from '../command.js';
import { applyCommand } from './apply.js';
import { auditCommand } from './audit.js';
import { demoCommand } from './demo.js';
import { emulatorCommand } from './emulator.js';
import { explainCommand } from './explain.js';
import { importCommand } from './import.js';
import { planCommand } from './plan.js';
import { validateCommand } from './validate.js';

export const COMMANDS: readonly Command[] = [
  validateCommand,
  planCommand,
  applyCommand,
  importCommand,
  auditCommand,
  emulatorCommand,
  demoCommand,
  explainCommand,
];
