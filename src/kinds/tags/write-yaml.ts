// A `tags:` value as org.yaml writes it: one flow mapping on the resource's line, `{ owner: platform, cost-center: "4711" }`.

import { scalar } from '../../config/yaml-scalar.js';
import type { DesiredTags } from '../../model/desired.js';

export function flowTags(tags: DesiredTags): string {
  if (tags.entries.length === 0) return '{}';
  return `{ ${tags.entries.map((t) => `${scalar(t.key, 'flow')}: ${scalar(t.value, 'flow')}`).join(', ')} }`;
}
