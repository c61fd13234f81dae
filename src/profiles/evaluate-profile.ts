import type { LocatedApplication } from '../pingone/applications.js';
import { findDataGaps } from '../engine/data-gaps.js';
import { describeCollectionFailure } from '../snapshot/collection-failure.js';
import type { SnapshotIndex } from '../snapshot/lookup.js';
import type { Snapshot, SnapshotKind } from '../snapshot/model.js';
import { compareField, compareRedirectUri, fieldCheckKind } from './evaluate-field.js';
import { evaluateAppRole, evaluateSignInAdminRole } from './evaluate-roles.js';
import type { CheckKind, Expectation, Profile, ProfileCheck, ProfileConflict } from './types.js';

/** A checklist item's outcome; `not-evaluated` when the data it needs was not collected. */
export type CheckStatus = 'pass' | 'fail' | 'not-evaluated';

/** One line of a checklist: a profile check applied to one application. */
export interface ChecklistItem {
  check: ProfileCheck;
  kind: CheckKind;
  status: CheckStatus;
  /** The expected setting, in words. */
  expected: string;
  /** What the application has, in words ("unknown" when not evaluated). */
  actual: string;
  /** RFC 6901 pointer into the application's file; "" for the whole application. */
  pointer: string;
  /** On a failure, what stops working because of it (the check's `whenMissing` for each value the app lacks). */
  breaks?: string;
  /** Something to know even when the check passes: a partial role, a doubt about the data. */
  note?: string;
  /** Why the check was not evaluated: the reads that failed, or the data that is missing. */
  reason?: string;
  /** A security rule that disagrees with this check: on a failure, or when the app has the setting the rule reports. */
  conflict?: ProfileConflict;
}

/** A profile's checks applied to one application, item by item in the profile's order. */
export interface Checklist {
  profile: Profile;
  application: LocatedApplication;
  items: ChecklistItem[];
}

/** Snapshot kinds each check kind reads; a failed read of one makes the check "not evaluated". */
const ROLE_KINDS: Partial<Record<CheckKind, SnapshotKind[]>> = {
  signInAdminRole: ['users', 'userRoleAssignments', 'groups', 'groupRoleAssignments', 'groupMembers', 'roles'],
  appRole: ['applicationRoleAssignments', 'roles'],
};

/** Every check of the profile against one application, in the profile's order. */
export function evaluateProfile(profile: Profile, application: LocatedApplication, snapshot: Snapshot, index: SnapshotIndex): Checklist {
  return { profile, application, items: profile.checks.map((check) => evaluateCheck(check, application, snapshot, index)) };
}

/**
 * One profile check applied to one application: pass or fail with what was expected and found, and a
 * JSON pointer; not evaluated when data it needs was not collected (a failed kind in the app's environment,
 * role assignments or group members left unread).
 */
export function evaluateCheck(check: ProfileCheck, application: LocatedApplication, snapshot: Snapshot, index: SnapshotIndex): ChecklistItem {
  const kind = checkKind(check.expect);
  const environmentId = application.env.environment.id;
  const gaps = findDataGaps(ROLE_KINDS[kind] ?? ['applications'], snapshot.manifest.collection.entries, [environmentId]).reasons.get(environmentId);
  if (gaps !== undefined) {
    return { check, kind, status: 'not-evaluated', expected: check.title, actual: 'unknown', pointer: '', reason: `could not be read: ${gaps.map(describeCollectionFailure).join('; ')}` };
  }
  const { expect } = check;
  if ('named' in expect) {
    const outcome = expect.named === 'app-role' ? evaluateAppRole(application, expect, index) : evaluateSignInAdminRole(application, expect, index);
    return { check, kind, ...outcome };
  }
  const comparison = 'redirectUri' in expect ? compareRedirectUri(application.app, expect) : compareField(application.app, expect);
  const { pass, expected, actual, pointer, values } = comparison;
  const conflict = check.conflictsWith;
  // The audit prefers the rule here and the app follows it: failing the item would contradict the audit.
  if (!pass && conflict?.prefer === 'rule' && followsRule(conflict, values)) {
    const note = `${actual} follows security rule ${conflict.rule} rather than the guide (${expected}), as the audit prefers: ${conflict.why}`;
    return { check, kind, status: 'pass', expected, actual, pointer, note };
  }
  // A failed check always mentions the rule; a passed one only when the app has the setting the rule reports.
  const conflictApplies = conflict !== undefined && (!pass || conflict.values === undefined || values.some((value) => conflict.values!.includes(value)));
  const breaks = pass ? undefined : whatBreaks(check, values);
  return { check, kind, status: pass ? 'pass' : 'fail', expected, actual, pointer, ...(conflictApplies ? { conflict } : {}), ...(breaks === undefined ? {} : { breaks }) };
}

/** "without REFRESH_TOKEN, the connection dies …" for each asked-for value the app lacks that the check explains. */
function whatBreaks(check: ProfileCheck, values: readonly unknown[]): string | undefined {
  const { expect, whenMissing } = check;
  if (whenMissing === undefined || !('field' in expect)) return undefined;
  const asked: readonly unknown[] = expect.includesOnly ?? expect.includes ?? [];
  const consequences = asked
    .filter((value) => !values.includes(value) && typeof value === 'string' && whenMissing[value] !== undefined)
    .map((value) => `without ${String(value)}, ${whenMissing[value as string]}`);
  return consequences.length === 0 ? undefined : consequences.join('; ');
}

function followsRule(conflict: ProfileConflict, values: readonly unknown[]): boolean {
  const followedWith = conflict.followedWith;
  return followedWith !== undefined && values.length > 0 && values.every((value) => followedWith.some((candidate) => candidate === value));
}

function checkKind(expect: Expectation): CheckKind {
  if ('named' in expect) return expect.named === 'app-role' ? 'appRole' : 'signInAdminRole';
  if ('redirectUri' in expect) return 'redirectUri';
  return fieldCheckKind(expect);
}

/** The checklist's verdict: any failure first, then any check not evaluated, else every check passed. */
export function checklistStatus(checklist: Checklist): CheckStatus {
  const statuses = checklist.items.map((item) => item.status);
  return statuses.includes('fail') ? 'fail' : statuses.includes('not-evaluated') ? 'not-evaluated' : 'pass';
}
