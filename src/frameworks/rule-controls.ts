import type { RuleMeta } from '../engine/types.js';
import { FRAMEWORK_IDS, type FrameworkId } from './framework-ids.js';

/** The controls a rule maps to in one framework; none when the rule is not mapped yet. */
export function controlsOf(meta: RuleMeta, framework: FrameworkId): readonly string[] {
  return meta.frameworks?.[framework] ?? [];
}

/** Every mapping of a rule as `framework/control` tags, e.g. `nist-800-53-r5/AC-6(5)` (SARIF `properties.tags`). */
export function frameworkTags(meta: RuleMeta): string[] {
  return FRAMEWORK_IDS.flatMap((framework) => controlsOf(meta, framework).map((control) => `${framework}/${control}`));
}
