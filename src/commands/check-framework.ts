import integrationProfile from '../../rules/integrations/integration-profile.js';
import { FRAMEWORK_CATALOGS } from '../frameworks/framework-catalogs.js';
import type { FrameworkId } from '../frameworks/framework-ids.js';
import { controlsOf } from '../frameworks/rule-controls.js';
import type { ChecklistFrameworkView } from '../profiles/format-checklist.js';

/**
 * The controls of `framework` a profile's checklist is evidence for: those the integration-profile
 * rule (the audit's judge of the same checklists) maps to, titled from the framework's catalogue,
 * or the rule's reason for mapping none.
 */
export function checklistFrameworkView(framework: FrameworkId): ChecklistFrameworkView {
  const catalog = FRAMEWORK_CATALOGS[framework];
  const controls = controlsOf(integrationProfile.meta, framework).map((id) => ({ id, title: catalog.controls.find((control) => control.id === id)?.title ?? id }));
  const unmapped = integrationProfile.meta.docs.unmappedFrameworks?.[framework];
  return { id: framework, title: catalog.title, controls, ...(controls.length === 0 && unmapped !== undefined ? { unmapped } : {}) };
}
