import { describeDuration } from '../pingone/durations.js';
import type { Application } from '../snapshot/model.js';
import type { CheckKind, FieldExpectation, ProfileField, RedirectUriExpectation, Scalar } from './types.js';

/** What one comparison found: pass or not, both sides in words, and the pointer to the property at fault. */
export interface Comparison {
  pass: boolean;
  expected: string;
  actual: string;
  pointer: string;
  /** The values the app has, for conflict matching. */
  values: Scalar[];
}

/** The value of a (dotted) field, or undefined when the application does not set it. */
function fieldValue(app: Application, field: ProfileField): unknown {
  return field.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), app);
}

function fieldPointer(field: ProfileField): string {
  return `/${field.replaceAll('.', '/')}`;
}

/** Which comparison a field expectation asks for. */
export function fieldCheckKind(expect: FieldExpectation): CheckKind {
  if (expect.equals !== undefined) return 'equals';
  if (expect.oneOf !== undefined) return 'oneOf';
  if (expect.includesOnly !== undefined) return 'includesOnly';
  if (expect.includes !== undefined) return 'includes';
  if (expect.excludes !== undefined) return 'excludes';
  if (expect.present !== undefined) return 'present';
  return 'duration';
}

/** Compares one application property with what the profile expects; absent properties take `default`. */
export function compareField(app: Application, expect: FieldExpectation): Comparison {
  const raw = fieldValue(app, expect.field);
  const value = raw ?? expect.default;
  const pointer = fieldPointer(expect.field);
  const values = listOf(value);
  const actual = describeValue(value, expect);
  const result = (pass: boolean, expected: string, at = pointer): Comparison => ({ pass, expected, actual, pointer: at, values });
  switch (fieldCheckKind(expect)) {
    case 'equals':
      return result(value === expect.equals, describeValue(expect.equals, expect));
    case 'oneOf':
      return result(expect.oneOf!.includes(value as Scalar), expect.oneOf!.map((option) => describeValue(option, expect)).join(' or '));
    case 'includesOnly': {
      const allowed = [...expect.includesOnly!, ...(expect.mayInclude ?? [])];
      const extra = values.findIndex((item) => !allowed.includes(String(item)));
      const missing = expect.includesOnly!.some((item) => !values.includes(item));
      const alsoAllowed = expect.mayInclude?.length ? ` (${expect.mayInclude.join(' + ')} allowed)` : '';
      return result(extra < 0 && !missing, `${expect.includesOnly!.join(' + ')} only${alsoAllowed}`, extra < 0 ? pointer : `${pointer}/${extra}`);
    }
    case 'includes':
      return result(
        expect.includes!.every((item) => values.includes(item)),
        `${expect.includes!.join(' + ')} among others`,
      );
    case 'excludes': {
      const found = values.findIndex((item) => expect.excludes!.includes(String(item)));
      return result(found < 0, `none of ${expect.excludes!.join(', ')}`, found < 0 ? pointer : `${pointer}/${found}`);
    }
    case 'present':
      return result((raw !== undefined) === expect.present, expect.present ? 'set' : 'not set');
    default:
      return result(typeof value === 'number' && withinRange(value, expect.duration!), describeRange(expect.duration!));
  }
}

/** The app registers exactly this URI; a near miss (trailing slash, case) is pointed at. */
export function compareRedirectUri(app: Application, expect: RedirectUriExpectation): Comparison {
  const uris = app.redirectUris ?? [];
  const expected = `exactly ${expect.redirectUri}`;
  if (uris.includes(expect.redirectUri)) return { pass: true, expected, actual: expect.redirectUri, pointer: `/redirectUris/${uris.indexOf(expect.redirectUri)}`, values: uris };
  const nearMiss = uris.findIndex((uri) => looselyEqual(uri, expect.redirectUri));
  const actual = uris.length === 0 ? 'no redirect URI' : uris.join(', ');
  return { pass: false, expected, actual, pointer: nearMiss < 0 ? '/redirectUris' : `/redirectUris/${nearMiss}`, values: uris };
}

/** Equal but for case and trailing slashes: the mistakes that make an exact match fail. */
function looselyEqual(a: string, b: string): boolean {
  const loose = (uri: string) => uri.toLowerCase().replace(/\/+$/, '');
  return loose(a) === loose(b);
}

function listOf(value: unknown): Scalar[] {
  if (Array.isArray(value)) return value as Scalar[];
  return value === undefined || value === null || typeof value === 'object' ? [] : [value as Scalar];
}

function withinRange(value: number, { min, max }: { min?: number; max?: number }): boolean {
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

function describeRange({ min, max }: { min?: number; max?: number }): string {
  if (min !== undefined && min === max) return describeDuration(min);
  if (min !== undefined && max !== undefined) return `between ${describeDuration(min)} and ${describeDuration(max)}`;
  return min !== undefined ? `at least ${describeDuration(min)}` : `at most ${describeDuration(max!)}`;
}

function describeValue(value: unknown, expect: FieldExpectation): string {
  if (value === undefined || value === null) return 'not set';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(' + ');
  if (expect.duration !== undefined && typeof value === 'number') return describeDuration(value);
  if (typeof value === 'object') return describeObject(value as Record<string, unknown>);
  return String(value);
}

/** Objects a profile reads: the group restriction (`accessControl.group`). */
function describeObject(value: Record<string, unknown>): string {
  const groups = Array.isArray(value.groups) ? value.groups.length : 0;
  return `restricted to ${groups} group(s) (${String(value.type ?? 'ANY_GROUP')})`;
}
