// org.yaml's top-level `policies:` → the declared policies (a `file:` document is read later, by the
// config loader, src/config/load-org-file.ts), and the policy options of `options:`. The nodes'
// `policies:` lists are part of the tree (the organization kind's normalize).

import { DEFAULTS } from '../../config/defaults.js';
import { at } from '../../config/position-lookup.js';
import type { DesiredPolicy, JsonValue } from '../../model/desired.js';
import type { DesiredPart, NormalizeContext } from '../kind.js';
import { normalizeTags } from '../tags/normalize.js';

export function normalizePolicies({ written, positionOf }: NormalizeContext): DesiredPart {
  const policies = Object.entries(written.policies ?? {}).map(([name, policy]): DesiredPolicy => {
    const fileAt = policy?.file !== undefined ? positionOf(['policies', name, 'file']) : undefined;
    return {
      name,
      type: policy?.type ?? DEFAULTS.policyType,
      description: policy?.description ?? DEFAULTS.policyDescription,
      ...(policy?.document !== undefined ? { document: policy.document as JsonValue } : {}),
      ...(policy?.file !== undefined ? { file: policy.file } : {}),
      ...(fileAt ? { fileAt } : {}),
      ...at(positionOf(['policies', name])),
      ...normalizeTags(policy?.tags, ['policies', name, 'tags'], positionOf),
    };
  });
  return {
    ...(written.policies !== undefined ? { policies } : {}),
    // Only when written: absent means the default (the kind reads them with `??`).
    options: {
      ...(written.options?.prunePolicies !== undefined ? { prunePolicies: written.options.prunePolicies } : {}),
      ...(written.options?.unlistedPolicyAttachments !== undefined ? { unlistedPolicyAttachments: written.options.unlistedPolicyAttachments } : {}),
    },
  };
}
