// `orgctl audit`: check that the root credentials are locked down (root MFA, no root keys or
// certificates, break-glass users, Identity Center, alternate contacts, centralized root access).

import { auditAccount } from '../../audit/audit-account.js';
import { renderAuditMarkdown } from '../../audit/render-audit-markdown.js';
import { renderAuditText } from '../../audit/render-audit-text.js';
import { auditFailed } from '../../model/audit.js';
import { choice, parseCommandArgs } from '../args.js';
import { openAwsPort } from '../aws.js';
import type { Command } from '../command.js';
import { useColor } from '../io.js';
import { DEFAULT_ORG_FILE, loadOrgFileForCommand } from '../org-file.js';

const FORMATS = ['text', 'markdown', 'json'] as const;

const USAGE = `Usage: orgctl audit [--file org.yaml] [--format text|markdown|json]

Checks that the root credentials of the management account named in org.yaml are locked down:
the root user has MFA and no access keys or signing certificates; the break-glass users in
security.breakGlassUsers exist, have MFA and no usable access keys; IAM Identity Center has an
instance, and an administrator permission set is assigned on the management account (a
recommendation); the alternate contacts match security.alternateContacts; centralized root access
is on for member accounts (a recommendation). Nothing is changed. \`orgctl plan\` shows the same
audit first.

With a member account's credentials, audits that account's root user only.
The checks no API can make are listed in docs/root-credentials.md.

Options:
  -f, --file <path>      org.yaml to read (default: org.yaml)
      --format <format>  text (default), markdown, json (the audit value)
  -h, --help             show this help

Exit codes: 0 no required check failed (recommendations and checks AWS refused do not count);
1 a required check failed, or an error (invalid org.yaml, credentials outside the organization).

Identity Center is regional: security.identityCenterRegion in org.yaml, else AWS_REGION.`;

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Check that the root credentials are locked down (reads AWS, changes nothing).',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs('audit', args, {
      file: { type: 'string', short: 'f' },
      format: { type: 'string' },
    });
    const format = choice('audit', 'format', values.format, FORMATS, 'text');
    const loaded = await loadOrgFileForCommand(io, values.file);
    if (!loaded) return 1;

    const aws = openAwsPort(io);
    try {
      const report = await auditAccount(aws.port, loaded.desired, { env: io.env, now: Date.now() });
      const sourceFile = values.file ?? DEFAULT_ORG_FILE;
      if (format === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else if (format === 'markdown') io.stdout.write(renderAuditMarkdown(report, { headingLevel: 3, sourceFile }));
      else io.stdout.write(renderAuditText(report, { color: useColor(io), sourceFile }));
      return auditFailed(report) ? 1 : 0;
    } finally {
      aws.close();
    }
  },
};
