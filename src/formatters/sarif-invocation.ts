import type { Invocation, Notification, ReportingDescriptorReference } from 'sarif';
import type { AuditResult, AuditWarning, NotEvaluated, SkippedResource } from '../engine/types.js';
import { describeCollectionFailure, isFailedRead } from '../snapshot/collection-failure.js';
import type { CollectionEntry } from '../snapshot/model.js';
import { describeNotEvaluated } from './not-evaluated-text.js';

/** Rule id → index in the run's `tool.driver.rules`. */
export type RuleIndex = ReadonlyMap<string, number>;

/**
 * The run's one invocation. Every run comes from the same audit, so collection failures and rule
 * errors appear in each; not-evaluated rules, and resources a rule left unjudged, only in the run
 * of their environment.
 */
export function toInvocation(result: AuditResult, environmentId: string | null, ruleIndex: RuleIndex, extraNotifications: Notification[] = []): Invocation {
  const failedEntries = result.collection.entries.filter(isFailedRead);
  const notEvaluated = result.notEvaluated.filter((item) => item.environmentId === environmentId);
  const unjudged = (result.skipped ?? []).filter((item) => (item.resource.environmentId ?? null) === environmentId);
  return {
    executionSuccessful: result.summary.collectionComplete && result.ruleErrors.length === 0,
    endTimeUtc: result.generatedAt,
    toolExecutionNotifications: [
      ...failedEntries.map(collectionNotification),
      ...result.ruleErrors.map(
        (error): Notification => ({
          level: 'error',
          message: { text: `Rule ${error.ruleId} failed and reported nothing: ${error.message}` },
          descriptor: { id: 'rule-error' },
          associatedRule: ruleReference(error.ruleId, ruleIndex),
        }),
      ),
      ...unjudged.map((item) => unjudgedNotification(item, ruleIndex)),
      ...extraNotifications,
    ],
    toolConfigurationNotifications: [...notEvaluated.map((item) => notEvaluatedNotification(item, ruleIndex)), ...(result.warnings ?? []).map(warningNotification)],
  };
}

function collectionNotification(entry: CollectionEntry): Notification {
  const where = entry.environmentId === undefined ? 'organization' : `environment ${entry.environmentId}`;
  return {
    level: 'error',
    message: { text: `Could not collect ${entry.kind} in ${where}: ${describeCollectionFailure(entry)}` },
    descriptor: { id: 'collection-failed' },
    properties: {
      kind: entry.kind,
      ...(entry.environmentId === undefined ? {} : { environmentId: entry.environmentId }),
      ...(entry.path === undefined ? {} : { path: entry.path }),
      ...(entry.httpStatus === undefined ? {} : { httpStatus: entry.httpStatus }),
    },
  };
}

function notEvaluatedNotification(item: NotEvaluated, ruleIndex: RuleIndex): Notification {
  const reasons = item.reasons.length === 0 ? '' : ` (${describeNotEvaluated(item)})`;
  const where = item.environmentId === null ? 'organization-wide' : `in environment ${item.environmentId}`;
  return {
    level: item.outOfScope === true ? 'note' : 'warning',
    message: { text: `Rule ${item.ruleId} was not evaluated ${where}: data it needs ${item.outOfScope === true ? 'lies outside what was audited' : 'could not be collected'}${reasons}.` },
    descriptor: { id: 'rule-not-evaluated' },
    associatedRule: ruleReference(item.ruleId, ruleIndex),
  };
}

/** A resource one rule did not judge (a DaVinci-bound app, a value this version does not know): neither a pass nor a finding. */
function unjudgedNotification({ ruleId, resource, reason }: SkippedResource, ruleIndex: RuleIndex): Notification {
  return {
    level: 'note',
    message: { text: `Rule ${ruleId} did not judge ${resource.type} ${resource.name || resource.id} (${resource.id}): it ${reason}.` },
    descriptor: { id: 'resource-not-judged' },
    associatedRule: ruleReference(ruleId, ruleIndex),
    properties: { resourceType: resource.type, resourceId: resource.id },
  };
}

/** An expired, malformed or stale suppression (and the like): a configuration problem of the run. */
function warningNotification(warning: AuditWarning): Notification {
  const where = warning.file === undefined ? '' : `${warning.file}${warning.pointer === undefined ? '' : ` ${warning.pointer}`}: `;
  return {
    level: 'warning',
    message: { text: `${where}${warning.message}` },
    descriptor: { id: warning.code },
  };
}

function ruleReference(ruleId: string, ruleIndex: RuleIndex): ReportingDescriptorReference {
  const index = ruleIndex.get(ruleId);
  return index === undefined ? { id: ruleId } : { id: ruleId, index };
}
