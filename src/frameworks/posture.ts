import type { AuditResult, Finding } from '../engine/types.js';
import { FRAMEWORK_CATALOGS, type FrameworkCatalog } from './framework-catalogs.js';
import type { FrameworkId } from './framework-ids.js';
import { controlsOf } from './rule-controls.js';

/**
 * How one rule stands across the run's environments: `fail` = an open finding of low severity or
 * above; `advisory` = open findings, all info (advice, never a failure); `accepted` = every finding
 * suppressed; `not-evaluated` = some environment's data was missing or the rule threw.
 */
export type RuleStanding = 'pass' | 'fail' | 'advisory' | 'accepted' | 'not-evaluated';

/**
 * A control's status: `fail` when a rule behind it fails; `not-evaluated` when none of its rules
 * could judge; `partial` when some could not; `not-covered` when no rule of the run maps to it.
 */
export type ControlStatus = 'pass' | 'fail' | 'partial' | 'not-evaluated' | 'not-covered';

/** A framework's status, from its covered controls: any fail fails it; any gap makes it partial; none covered is not evaluated, never a pass. */
export type FrameworkStatus = 'pass' | 'fail' | 'partial' | 'not-evaluated';

/** One control of a framework: its status and the rules that map to it, with their standing and open findings. */
export interface ControlPosture {
  id: string;
  title: string;
  status: ControlStatus;
  rules: Array<{ ruleId: string; standing: RuleStanding; openFindings: number }>;
}

/** The run seen through one framework: its status, every control, and how many controls have each status. */
export interface FrameworkPosture {
  framework: Pick<FrameworkCatalog, 'id' | 'title' | 'source' | 'scope'>;
  status: FrameworkStatus;
  /** The kept control list in its order, then any control a rule maps that the list lacks. */
  controls: ControlPosture[];
  counts: Record<ControlStatus, number>;
}

/** The run seen through one framework: per control, the rules behind it and what they found. */
export function frameworkPosture(result: AuditResult, framework: FrameworkId): FrameworkPosture {
  const { controls: kept, ...described } = FRAMEWORK_CATALOGS[framework];
  const rulesByControl = new Map<string, string[]>();
  for (const rule of result.rules) {
    for (const control of controlsOf(rule.meta, framework)) rulesByControl.set(control, [...(rulesByControl.get(control) ?? []), rule.id]);
  }
  const listed = new Set(kept.map((control) => control.id));
  const extra = [...rulesByControl.keys()].filter((id) => !listed.has(id)).map((id) => ({ id, title: id }));
  const controls = [...kept, ...extra].map(({ id, title }): ControlPosture => {
    const rules = (rulesByControl.get(id) ?? []).map((ruleId) => ({
      ruleId,
      standing: ruleStanding(result, ruleId),
      openFindings: openTally(result, ruleId).open,
    }));
    return { id, title, status: controlStatus(rules.map((rule) => rule.standing)), rules };
  });
  const counts: Record<ControlStatus, number> = { pass: 0, fail: 0, partial: 0, 'not-evaluated': 0, 'not-covered': 0 };
  for (const control of controls) counts[control.status] += 1;
  return { framework: described, status: frameworkStatus(counts), controls, counts };
}

/** See {@link RuleStanding}. */
function ruleStanding(result: AuditResult, ruleId: string): RuleStanding {
  const { open, failing } = openTally(result, ruleId);
  if (failing) return 'fail';
  const gap =
    result.notEvaluated.some((item) => item.ruleId === ruleId) ||
    result.ruleErrors.some((item) => item.ruleId === ruleId) ||
    result.ruleResults.some((item) => item.ruleId === ruleId && (item.outcome === 'not-evaluated' || item.outcome === 'error'));
  if (gap) return 'not-evaluated';
  if (open > 0) return 'advisory';
  return suppressedRules(result).has(ruleId) ? 'accepted' : 'pass';
}

interface OpenTally {
  open: number;
  /** Some open finding is of low severity or above. */
  failing: boolean;
}

// Counted once per findings list, not once per control and rule: a million findings times every control of five
// frameworks was most of a large HTML or Markdown report's time. Keyed by the lists, which results share and never change.
const tallies = new WeakMap<readonly Finding[], ReadonlyMap<string, OpenTally>>();
const suppressedIds = new WeakMap<readonly Finding[], ReadonlySet<string>>();

function openTally(result: AuditResult, ruleId: string): OpenTally {
  let byRule = tallies.get(result.findings);
  if (byRule === undefined) {
    const counted = new Map<string, OpenTally>();
    for (const finding of result.findings) {
      const tally = counted.get(finding.ruleId) ?? { open: 0, failing: false };
      tally.open += 1;
      tally.failing ||= finding.severity !== 'info';
      counted.set(finding.ruleId, tally);
    }
    tallies.set(result.findings, (byRule = counted));
  }
  return byRule.get(ruleId) ?? { open: 0, failing: false };
}

function suppressedRules(result: AuditResult): ReadonlySet<string> {
  let ids = suppressedIds.get(result.suppressed);
  if (ids === undefined) suppressedIds.set(result.suppressed, (ids = new Set(result.suppressed.map((finding) => finding.ruleId))));
  return ids;
}

/** A control or standard from the standings of the rules behind it (none: not covered). */
function controlStatus(standings: readonly RuleStanding[]): ControlStatus {
  if (standings.length === 0) return 'not-covered';
  if (standings.includes('fail')) return 'fail';
  const gaps = standings.filter((standing) => standing === 'not-evaluated').length;
  if (gaps === standings.length) return 'not-evaluated';
  return gaps > 0 ? 'partial' : 'pass';
}

function frameworkStatus(counts: Record<ControlStatus, number>): FrameworkStatus {
  if (counts.fail > 0) return 'fail';
  const covered = counts.pass + counts.partial + counts['not-evaluated'];
  // No rule of the run covers any of its controls: nothing was looked at, so nothing passed.
  if (counts['not-evaluated'] === covered) return 'not-evaluated';
  return counts.partial > 0 || counts['not-evaluated'] > 0 ? 'partial' : 'pass';
}
