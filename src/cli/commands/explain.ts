// `orgctl explain ACCOUNT_ID|OU_PATH`: what applies to one account or OU (the path from the root, the
// policies attached at each level by type, its tags, the budgets that count it). Reads AWS, changes
// nothing, needs no org.yaml. The model and its renderings are pure (src/explain); this is the shell.

import { parseExplainTarget } from '../../explain/explanation.js';
import { readExplanation } from '../../explain/read-explanation.js';
import { explanationJson, renderExplanationText } from '../../explain/render-explanation.js';
import { UserError } from '../../model/errors.js';
import { visibleText } from '../../text/visible-text.js';
import { choice, parseCommandArgsWithOperands } from '../args.js';
import { openAwsPort } from '../aws.js';
import type { Command } from '../command.js';
import { jsonDocument } from '../json-output.js';

const FORMATS = ['text', 'json'] as const;

const USAGE = `Usage: orgctl explain ACCOUNT_ID|OU_PATH [--format text|json]

Prints what applies to one account (12 digits) or OU (its path from the root, e.g. /Workloads/Prod;
"/" is the root): the path from the root with each level's name and ID, the policies attached
directly at each level by type (name, ID, AWS-managed or not), the target's tags, and the budgets
that cover it (a budget without a linked-account filter covers every account; one whose cost filter
names linked accounts covers those). Reads only what that target needs, never the whole tree.
Changes nothing; needs no org.yaml. Run it with the management account's credentials.

Options:
      --format <format>  text (default) or json (schema: docs/cli-json.md)
  -h, --help             show this help

Exit codes: 0 explained; 1 error (an account or OU that is not in the organization, AWS refused).`;

export const explainCommand: Command = {
  name: 'explain',
  summary: 'Show what applies to an account or OU: its path, policies, tags and budgets (reads AWS).',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgsWithOperands('explain', args, { format: { type: 'string' } });
    const format = choice('explain', 'format', values.format, FORMATS, 'text');
    if (positionals.length !== 1) {
      throw new UserError(`explain takes one account ID or OU path (got ${positionals.length}). Run \`orgctl explain --help\` for usage.`);
    }
    const given = positionals[0]!;
    const target = parseExplainTarget(given);
    if (!target) {
      throw new UserError(`"${visibleText(given)}" is neither an account ID (12 digits) nor an OU path (starting with "/", e.g. /Workloads/Prod). Run \`orgctl explain --help\` for usage.`);
    }
    const aws = openAwsPort(io);
    try {
      const explanation = await readExplanation(aws.port, target);
      io.stdout.write(format === 'json' ? jsonDocument(explanationJson(explanation)) : renderExplanationText(explanation));
      return 0;
    } finally {
      aws.close();
    }
  },
};
