// org.yaml's `security:` section: optional and compatible, validated with located errors like the rest,
// normalized with defaults and positions, and checked by the break-glass name rule.

import { describe, expect, it } from 'vitest';
import { ORG_SCHEMA } from '../../src/config/org-schema.js';
import { SECURITY_DEFAULTS } from '../../src/config/normalize-security.js';
import { desiredOf, lineOf, problemsOf, yamlDoc } from '../config/support.js';

const HEADER = ['version: 1', 'organization:', '  managementAccountId: "123456789012"', 'root: {}'];

describe('security: in org.yaml', () => {
  it('is optional: a file without it has no security expectations', () => {
    expect(desiredOf(yamlDoc(...HEADER)).security).toBeUndefined();
  });

  it('normalizes every key, with positions, contacts in security/billing/operations order', () => {
    const text = yamlDoc(
      ...HEADER,
      'security:',
      '  breakGlassUsers: [break-glass, emergency]',
      '  identityCenter: required',
      '  identityCenterRegion: eu-west-1',
      '  alternateContacts:',
      '    operations: { email: ops@example.com }',
      '    security: { email: security@example.com, name: Sec, title: CISO, phone: "+1 555 0100" }',
    );
    expect(desiredOf(text).security).toEqual({
      breakGlassUsers: [
        { name: 'break-glass', at: { line: 6, column: 21 } },
        { name: 'emergency', at: { line: 6, column: 34 } },
      ],
      identityCenter: 'required',
      identityCenterAt: { line: 7, column: 3 },
      identityCenterRegion: 'eu-west-1',
      alternateContacts: [
        { type: 'SECURITY', email: 'security@example.com', name: 'Sec', title: 'CISO', phone: '+1 555 0100', at: { line: 11, column: 5 } },
        { type: 'OPERATIONS', email: 'ops@example.com', at: { line: 10, column: 5 } },
      ],
      at: { line: 5, column: 1 },
    });
  });

  it('defaults: no break-glass users, Identity Center optional, no region, no contacts', () => {
    expect(desiredOf(yamlDoc(...HEADER, 'security: {}')).security).toEqual({ breakGlassUsers: [], identityCenter: 'optional', alternateContacts: [], at: { line: 5, column: 1 } });
  });

  it("the schema's default for identityCenter is the one normalize applies", () => {
    expect(ORG_SCHEMA.definitions?.['security']?.properties?.['identityCenter']?.default).toBe(SECURITY_DEFAULTS.identityCenter);
  });

  it.each([
    ['an unknown key', ['security:', '  breakGlassUser: [x]  # <-'], 3, /^unknown key `breakGlassUser` in `security`; did you mean `breakGlassUsers`\?/],
    ['identityCenter not in the enum', ['security:', '  identityCenter: mandatory  # <-'], 19, /`identityCenter` must be one of required, optional/],
    ['a region that is not one', ['security:', '  identityCenterRegion: Europe  # <-'], 25, /a region looks like us-east-1/],
    ['an IAM user name with a space', ['security:', '  breakGlassUsers: ["break glass"]  # <-'], 21, /an IAM user name is 1 to 64 letters, digits/],
    ['a user listed twice', ['security:', '  breakGlassUsers: [a, a]  # <-'], 24, /`breakGlassUsers` lists "a" twice/],
    ['an unknown contact type', ['security:', '  alternateContacts:', '    ops: { email: ops@example.com }  # <-'], 5, /unknown key `ops` in `alternateContacts`.*security, billing, operations/],
    ['a contact without email', ['security:', '  alternateContacts:', '    billing: { name: Bill }  # <-'], 5, /`billing` is missing the required key `email`/],
    ['a bad email', ['security:', '  alternateContacts:', '    security: { email: nobody }  # <-'], 24, /an email address looks like security@example.com/],
    ['a bad phone', ['security:', '  alternateContacts:', '    security: { email: s@example.com, phone: call-me }  # <-'], 46, /a phone number has digits, spaces and/],
    ['a title too long', ['security:', '  alternateContacts:', `    security: { email: s@example.com, title: ${'t'.repeat(51)} }  # <-`], 46, /title|50/],
  ])('refuses %s, at its line and column', (_, lines, column, message) => {
    const text = yamlDoc(...HEADER, ...lines);
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: lineOf(text, '# <-'), column, message: expect.stringMatching(message) });
  });

  it('refuses the same break-glass user in two spellings (IAM ignores case), pointing at the second', () => {
    const text = yamlDoc(...HEADER, 'security:', '  breakGlassUsers:', '    - break-glass', '    - Break-Glass  # <-');
    expect(problemsOf(text)).toEqual([
      { line: 8, column: 7, message: 'break-glass user "Break-Glass" is the same IAM user as "break-glass" on line 7 (IAM user names ignore case); list it once.' },
    ]);
  });
});
