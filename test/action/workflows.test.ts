// action.yml and .github/workflows against the code and the rules they must keep: the inputs and
// outputs action.yml declares are the ones the Action reads and sets; third-party actions are pinned
// to full commit SHAs; every job asks for the least permissions; apply runs one at a time, in a
// protected environment, on main only.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { required?: boolean; default?: string; description: string }>;
  outputs: Record<string, { description: string }>;
}

interface Step {
  name?: string;
  uses?: string;
  if?: string;
  with?: Record<string, string | boolean | number>;
  run?: string;
}

interface Job {
  'timeout-minutes'?: number;
  permissions?: Record<string, string> | string;
  environment?: string;
  steps: Step[];
}

interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const action = parse(read('action.yml')) as ActionYml;
const workflowFiles = readdirSync(join(ROOT, '.github/workflows')).filter((f) => f.endsWith('.yml'));
const workflows = Object.fromEntries(workflowFiles.map((f) => [f, parse(read(`.github/workflows/${f}`)) as Workflow]));
const workflow = (name: string): Workflow => {
  const found = workflows[name];
  if (!found) throw new Error(`.github/workflows/${name} is missing`);
  return found;
};

describe('action.yml', () => {
  it('is a node24 JavaScript action whose entrypoint is the committed bundle', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(existsSync(join(ROOT, 'dist/index.js'))).toBe(true);
  });

  it('declares exactly the inputs src/action/inputs.ts reads, with the documented defaults', () => {
    const read_ = [...read('src/action/inputs.ts').matchAll(/core\.getInput\('([^']+)'\)/g)].map((m) => m[1]);
    expect(Object.keys(action.inputs).sort()).toEqual([...read_].sort());
    expect(action.inputs['command']?.required).toBe(true);
    expect(action.inputs['file']?.default).toBe('org.yaml');
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}');
    expect(action.inputs['comment']?.default).toBe('true');
    expect(action.inputs['fail-on-drift']?.default).toBe('false');
    expect(action.inputs['labels']?.default).toBe('false');
    expect(action.inputs['plan-digest']?.default).toBe('');
  });

  it('declares exactly the outputs src/action/main.ts sets', () => {
    const set = [...read('src/action/main.ts').matchAll(/core\.setOutput\('([^']+)'/g)].map((m) => m[1]);
    expect(Object.keys(action.outputs).sort()).toEqual([...set].sort());
    expect(Object.keys(action.outputs).sort()).toEqual(['has-changes', 'plan-json', 'summary']);
  });
});

describe('.github/workflows', () => {
  const allSteps = Object.entries(workflows).flatMap(([file, w]) => Object.values(w.jobs).flatMap((job) => job.steps.map((step) => ({ file, step }))));

  it('has the plan, apply, drift, CI and release workflows', () => {
    expect(workflowFiles.sort()).toEqual(['ci.yml', 'org-apply.yml', 'org-drift.yml', 'org-plan.yml', 'release.yml']);
  });

  it('pins every third-party action to a full commit SHA, with the version in a comment', () => {
    const lines = workflowFiles.flatMap((f) => read(`.github/workflows/${f}`).split('\n').filter((l) => /^\s*-?\s*uses:/.test(l)));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      if (/uses:\s*\.\/?\s*$/.test(line)) continue;
      expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  it('grants nothing at the top and the least each job needs', () => {
    for (const [file, w] of Object.entries(workflows)) {
      expect(w.permissions, file).toEqual({});
      for (const job of Object.values(w.jobs)) expect(typeof job.permissions, file).toBe('object');
    }
    expect(workflow('org-plan.yml').jobs['plan']?.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', issues: 'write', 'id-token': 'write' }); // issues: the labels
    expect(workflow('org-apply.yml').jobs['apply']?.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', 'id-token': 'write' });
    expect(workflow('org-drift.yml').jobs['drift']?.permissions).toEqual({ contents: 'read', issues: 'write', 'id-token': 'write' });
    for (const job of Object.values(workflow('ci.yml').jobs)) expect(job.permissions).toEqual({ contents: 'read' });
  });

  it('gets AWS credentials only through OIDC, with a role to assume, in the jobs that ask for an OIDC token', () => {
    for (const [file, w] of Object.entries(workflows)) {
      for (const job of Object.values(w.jobs)) {
        const credentials = job.steps.filter((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
        const permissions = job.permissions as Record<string, string>;
        // The release's OIDC token is npm's provenance (checked below), never AWS credentials.
        const provenance = job.steps.some((s) => /npm publish --provenance/.test(s.run ?? ''));
        expect(permissions['id-token'] === 'write', file).toBe(credentials.length > 0 || provenance);
        for (const step of credentials) {
          expect(step.with?.['role-to-assume'], file).toMatch(/^\$\{\{ vars\.ORGCTL_(PLAN|APPLY)_ROLE_ARN \}\}$/);
          expect(Object.keys(step.with ?? {}).some((k) => /access-key|secret/.test(k)), file).toBe(false);
        }
      }
    }
    expect(workflow('org-apply.yml').jobs['apply']?.steps.find((s) => s.uses?.startsWith('aws-actions/'))?.with?.['role-to-assume']).toContain('APPLY');
    expect(workflow('org-drift.yml').jobs['drift']?.steps.find((s) => s.uses?.startsWith('aws-actions/'))?.with?.['role-to-assume']).toContain('PLAN');
  });

  it('checks out first in every job, without keeping the token in the workspace', () => {
    for (const [file, w] of Object.entries(workflows)) {
      for (const job of Object.values(w.jobs)) {
        expect(job.steps[0]?.uses, file).toMatch(/^actions\/checkout@/);
        expect(job.steps[0]?.with?.['persist-credentials'], file).toBe(false);
      }
    }
  });

  it('runs the Action from this repository with a valid command and only declared inputs', () => {
    const local = allSteps.filter(({ step }) => step.uses === './');
    expect(local.map(({ file, step }) => `${file}:${String(step.with?.['command'])}`).sort()).toEqual(['ci.yml:plan', 'org-apply.yml:apply', 'org-drift.yml:drift', 'org-plan.yml:plan']);
    for (const { step } of local) for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
  });

  it('plans pull requests that touch org.yaml, skipping AWS credentials for forks', () => {
    const plan = workflow('org-plan.yml');
    expect(plan.on).toEqual({ pull_request: { paths: ['org.yaml'] } });
    const credentials = plan.jobs['plan']?.steps.find((s) => s.uses?.startsWith('aws-actions/'));
    expect(credentials?.if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
  });

  it('applies pushes to main that touch org.yaml, one at a time, never cancelled, in the protected environment', () => {
    const apply = workflow('org-apply.yml');
    expect(apply.on).toEqual({
      push: { branches: ['main'], paths: ['org.yaml'] },
      // A person applies a plan that changed after review by its digest.
      workflow_dispatch: { inputs: { 'plan-digest': { description: expect.any(String), required: true, type: 'string' } } },
    });
    expect(apply.jobs['apply']?.steps.find((s) => s.uses === './')?.with?.['plan-digest']).toBe('${{ inputs.plan-digest }}');
    expect(apply.concurrency).toEqual({ group: 'org-apply', 'cancel-in-progress': false });
    expect(apply.jobs['apply']?.environment).toBe('org-apply');
  });

  it('checks drift daily and on demand, failing the job on drift', () => {
    const drift = workflow('org-drift.yml');
    expect(Object.keys(drift.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(drift.on['schedule']).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \* \* \*$/) }]);
    expect(drift.jobs['drift']?.steps.find((s) => s.uses === './')?.with?.['fail-on-drift']).toBe(true);
  });

  it('CI type-checks, tests, rebuilds dist/ and compares it, and lints the workflows', () => {
    const runs = Object.values(workflow('ci.yml').jobs).flatMap((job) => job.steps.map((s) => s.run ?? ''));
    expect(runs).toEqual(expect.arrayContaining(['npm run typecheck', 'npm test', 'npm run build', 'node .github/scripts/lint-actions.mjs']));
    expect(runs.join('\n')).toMatch(/git status --porcelain -- dist\//);
  });
});

describe('AWS session length', () => {
  /** What configure-aws-credentials asks for without role-duration-seconds when it assumes a role with OIDC. */
  const ACTION_DEFAULT_SECONDS = 3600;
  const docs = read('docs/github-action.md');

  /** The roles' maximum session duration as docs/github-action.md tells the user to set it (step 3). */
  function documentedMaximum(): number {
    const statements = [...docs.matchAll(/\*\*maximum session duration\*\*[^.]*?\((\d+) seconds\)/g)];
    expect(statements, 'docs/github-action.md must say once what maximum session duration the roles have').toHaveLength(1);
    return Number(statements[0]?.[1]);
  }

  it('no job asks for a longer session than the roles the docs set up allow, nor runs longer than its session', () => {
    const maximum = documentedMaximum();
    expect(maximum).toBeLessThanOrEqual(43_200); // IAM's own limit
    for (const [file, w] of Object.entries(workflows)) {
      for (const [name, job] of Object.entries(w.jobs)) {
        for (const step of job.steps.filter((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))) {
          const seconds = Number(step.with?.['role-duration-seconds'] ?? ACTION_DEFAULT_SECONDS);
          expect(seconds, `${file} ${name}: role-duration-seconds`).toBeLessThanOrEqual(maximum);
          expect((job['timeout-minutes'] ?? 360) * 60, `${file} ${name}: timeout-minutes outlasts the AWS session`).toBeLessThanOrEqual(seconds);
        }
      }
    }
  });

  it('the docs quote the apply workflow\'s session and timeout as they are', () => {
    const job = workflow('org-apply.yml').jobs['apply'];
    const seconds = job?.steps.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))?.with?.['role-duration-seconds'];
    expect(docs).toContain(`\`role-duration-seconds: ${String(seconds)}\``);
    expect(docs).toContain(`\`timeout-minutes: ${String(job?.['timeout-minutes'])}\``);
  });

  it('releases on a version tag: checks tag and changelog, packs, publishes with provenance only with NPM_TOKEN, moves the major tag', () => {
    const release = workflow('release.yml');
    expect(release.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } });
    expect(release.concurrency).toEqual({ group: 'release', 'cancel-in-progress': false });
    const job = release.jobs['release']!;
    expect(job.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
    expect(job.steps.some((s) => s.uses?.startsWith('aws-actions/'))).toBe(false);
    const runs = job.steps.map((s) => s.run ?? '');
    const at = (pattern: RegExp): number => runs.findIndex((r) => pattern.test(r));
    expect(at(/release-notes\.mjs "\$TAG"/)).toBeGreaterThan(-1);
    expect(at(/release-notes/)).toBeLessThan(at(/npm run build/));
    expect(at(/npm run build/)).toBeLessThan(at(/\.ci\/check-package/));
    expect(at(/\.ci\/check-package/)).toBeLessThan(at(/npm publish --provenance/));
    expect(job.steps[at(/npm publish --provenance/)]?.if).toBe("env.NPM_TOKEN != ''");
    expect(at(/npm publish/)).toBeLessThan(at(/gh release create "\$TAG" .*--notes-file/));
    expect(at(/gh release create/)).toBeLessThan(at(/major="\$\{TAG%%\.\*\}"/));
  });
});
