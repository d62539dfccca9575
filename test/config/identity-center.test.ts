// org.yaml's identityCenter section: normalized by the identity center kind, checked by the rules with
// the line and column of the key (or list item) at fault.

import { describe, expect, it } from 'vitest';
import { IDENTITY_CENTER_DEFAULTS } from '../../src/config/defaults.js';
import { ORG_SCHEMA } from '../../src/config/org-schema.js';
import { durationSeconds } from '../../src/config/rules/identity-center.js';
import { HEADER, columnOf, desiredOf, lineOf, problemsOf, yamlDoc } from './support.js';

const TREE = [...HEADER, '    Workloads:', '      accounts: ["111111111111"]', '      organizationalUnits:', '        Prod:', '          accounts: ["222222222222"]'];

const withCenter = (...lines: string[]): string => yamlDoc(...TREE, 'identityCenter:', ...lines);

const ADMIN = ['  permissionSets:', '    AdministratorAccess:', '      description: Full administrator', '      sessionDuration: PT4H  # <-duration', '      managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess]'];

describe('identityCenter is normalized by its kind', () => {
  it('permission sets, assignments with positions, region, prune options', () => {
    const text = yamlDoc(
      ...TREE,
      'options:',
      '  pruneAssignments: true',
      'identityCenter:',
      '  region: eu-west-1',
      ...ADMIN,
      '    ReadOnly: {}',
      '  assignments:',
      '    - group: PlatformAdmins',
      '      permissionSet: AdministratorAccess  # <-set',
      '      accounts: ["333333333333"]',
      '      organizationalUnits: [/Workloads/]',
    );
    const center = desiredOf(text).identityCenter;
    const setLine = lineOf(text, '<-set');
    expect(center).toEqual({
      region: 'eu-west-1',
      permissionSets: [
        {
          name: 'AdministratorAccess',
          description: 'Full administrator',
          sessionDuration: 'PT4H',
          sessionDurationAt: { line: lineOf(text, '<-duration'), column: 7 },
          managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
          at: expect.any(Object),
        },
        { name: 'ReadOnly', sessionDuration: 'PT1H', managedPolicies: [], at: expect.any(Object) },
      ],
      assignments: [
        {
          principal: { type: 'GROUP', name: 'PlatformAdmins' },
          permissionSet: { value: 'AdministratorAccess', at: { line: setLine, column: columnOf(text, setLine, 'permissionSet') } },
          accounts: [{ value: '333333333333', at: expect.any(Object) }],
          organizationalUnits: [{ value: '/Workloads', at: expect.any(Object) }],
          at: expect.any(Object),
        },
      ],
      prunePermissionSets: false,
      pruneAssignments: true,
      at: expect.any(Object),
    });
  });

  it("the schema's default annotations are the defaults normalize applies", () => {
    const prop = (definition: string, name: string): unknown => ORG_SCHEMA.definitions?.[definition]?.properties?.[name]?.default;
    expect({
      sessionDuration: prop('permissionSet', 'sessionDuration'),
      prunePermissionSets: prop('options', 'prunePermissionSets'),
      pruneAssignments: prop('options', 'pruneAssignments'),
    }).toEqual(IDENTITY_CENTER_DEFAULTS);
  });

  it('the region falls back to security.identityCenterRegion', () => {
    const text = yamlDoc(...TREE, 'security:', '  identityCenterRegion: us-west-2', 'identityCenter:', '  permissionSets: {}');
    expect(desiredOf(text).identityCenter?.region).toBe('us-west-2');
  });

  it('a file without the section has none (nothing is read from Identity Center)', () => {
    expect(desiredOf(yamlDoc(...TREE)).identityCenter).toBeUndefined();
  });
});

describe('identityCenter rules', () => {
  it('an assignment naming an undeclared permission set is refused at the name, with a guess', () => {
    const text = withCenter(...ADMIN, '  assignments:', '    - group: Admins', '      permissionSet: AdministratorAcess  # <-bad', '      accounts: ["111111111111"]');
    const line = lineOf(text, '<-bad');
    expect(problemsOf(text)).toEqual([
      { line, column: columnOf(text, line, 'permissionSet'), message: 'permission set "AdministratorAcess" is not declared under identityCenter.permissionSets; did you mean "AdministratorAccess"?' },
    ]);
  });

  it('an OU path not in the tree is refused at the path; nested and root paths are accepted', () => {
    const text = withCenter(...ADMIN, '  assignments:', '    - user: alice@example.com', '      permissionSet: AdministratorAccess', '      organizationalUnits: [/Workloads/Prod, /, /Workload]  # <-ou');
    const line = lineOf(text, '<-ou');
    expect(problemsOf(text)).toEqual([
      { line, column: columnOf(text, line, '/Workload]'), message: "OU /Workload is not in this file's tree (root:), so orgctl cannot tell which accounts it holds; did you mean /Workloads?" },
    ]);
  });

  it.each([
    ['PT30M', 'outside AWS\'s range; it must be from PT1H to PT12H.'],
    ['PT12H1S', 'outside AWS\'s range; it must be from PT1H to PT12H.'],
    ['4 hours', 'not an ISO 8601 duration; write hours and minutes like PT4H or PT1H30M.'],
  ])('sessionDuration %s is refused at the value', (duration, why) => {
    const text = withCenter('  permissionSets:', '    Admin:', `      sessionDuration: ${duration}  # <-d`);
    const line = lineOf(text, '<-d');
    expect(problemsOf(text)).toEqual([{ line, column: 7, message: `permission set "Admin": sessionDuration "${duration}" is ${why}` }]);
  });

  it('the boundaries PT1H and PT12H (and PT1H30M, PT720M) are accepted', () => {
    for (const duration of ['PT1H', 'PT12H', 'PT1H30M', 'PT720M']) {
      expect(problemsOf(withCenter('  permissionSets:', '    Admin:', `      sessionDuration: ${duration}`))).toEqual([]);
    }
    expect(durationSeconds('PT1H30M')).toBe(5400);
    expect(durationSeconds('P1D')).toBeUndefined();
  });

  it('an assignment with both group and user, or no target, is refused at the entry', () => {
    const text = withCenter(...ADMIN, '  assignments:', '    - group: A  # <-entry', '      user: b', '      permissionSet: AdministratorAccess');
    const line = lineOf(text, '<-entry');
    expect(problemsOf(text)).toEqual([
      { line, column: 7, message: expect.stringContaining('an assignment names exactly one principal') },
      { line, column: 7, message: expect.stringContaining('an assignment needs at least one target') },
    ]);
  });

  it('unknown keys in a permission set are schema errors at the key (the relay state is not supported yet)', () => {
    const text = withCenter('  permissionSets:', '    Admin:', '      relayState: https://console.aws.amazon.com/  # <-k');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: lineOf(text, '<-k') });
  });

  it('a permissions boundary is one of its two forms, and a customer managed policy path starts and ends with /', () => {
    const both = withCenter('  permissionSets:', '    Admin:', '      permissionsBoundary: { managedPolicyArn: arn:aws:iam::aws:policy/PowerUserAccess, customerManagedPolicy: { name: B } }  # <-b');
    expect(problemsOf(both)).toHaveLength(1);
    const path = withCenter('  permissionSets:', '    Admin:', '      customerManagedPolicies: [{ name: B, path: platform }]  # <-p');
    expect(problemsOf(path)[0]).toMatchObject({ line: lineOf(path, '<-p') });
    const good = withCenter('  permissionSets:', '    Admin:', '      customerManagedPolicies: [{ name: B }]', '      permissionsBoundary: { customerManagedPolicy: { name: B, path: /platform/ } }', '      tags: { owner: platform }');
    expect(problemsOf(good)).toEqual([]);
    expect(desiredOf(good).identityCenter?.permissionSets[0]).toMatchObject({
      customerManagedPolicies: [{ name: 'B', path: '/' }],
      permissionsBoundary: { customerManagedPolicy: { name: 'B', path: '/platform/' } },
      tags: { owner: 'platform' },
    });
  });
});

describe('docs/org-yaml.md', () => {
  it("the identityCenter example validates in a file whose tree has /Workloads", async () => {
    const { readFileSync } = await import('node:fs');
    const docs = readFileSync(new URL('../../docs/org-yaml.md', import.meta.url), 'utf8');
    const example = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').find((block) => block.startsWith('identityCenter:'));
    expect(example).toBeDefined();
    expect(problemsOf(yamlDoc(...TREE) + example!)).toEqual([]);
    expect(desiredOf(yamlDoc(...TREE) + example!).identityCenter?.assignments).toHaveLength(1);
  });
});
