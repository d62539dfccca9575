// The tags kind: the tags org.yaml declares on the root, OUs, accounts, budgets and policies (a policy's
// tags are read by the policies kind, which lists the policies and so has their IDs). A resource with
// `tags:` has exactly those tags, but for `aws:` keys and orgctl's `managed-by`; a resource without the
// key keeps its tags. New OUs, accounts, budgets and policies are created with their tags (the
// organization, budgets and policies kinds' create steps carry them).

import { sortedRecord } from '../../planner/sorted-record.js';
import type { ResourceKind } from '../kind.js';
import { readDeclaredTags } from './read.js';
import { tagChanges } from './describe.js';
import { tagResource, untagResource } from './execute.js';
import { planTagSteps } from './plan.js';
import type { TagStep } from './steps.js';
import { refKeyOfTagTarget } from './target.js';

export const tagsKind: ResourceKind<TagStep['kind'], 'resourceTags'> = {
  name: 'tags',
  groups: ['Tags'],
  plan: planTagSteps,
  read: readDeclaredTags,
  // Import writes tags into the organization's and the budgets' entries (their import reads them with
  // --include-tags): this kind has no fields of its own in org.yaml.
  importDesired: () => ({ desired: {}, leftOut: {}, counts: {} }),
  orgYamlSection: () => [],
  liveFields: ['resourceTags'],
  // Only when read (org.yaml declares tags), so plans of files without them hash as before.
  fingerprint: (live) =>
    live.resourceTags
      ? {
          resourceTags: sortedRecord(
            live.resourceTags.map((entry) => [refKeyOfTagTarget(entry.target), entry.tags === null ? null : sortedRecord(Object.entries(entry.tags))]),
          ),
        }
      : {},
  steps: {
    tagResource: {
      group: 'Tags',
      action: 'update',
      describe: (step) => ({ details: tagChanges(step.before.tags, step.after.tags) }),
      execute: tagResource,
    },
    untagResource: {
      group: 'Tags',
      action: 'update',
      describe: (step) => ({ details: tagChanges(step.before.tags, null) }),
      execute: untagResource,
    },
  },
};
