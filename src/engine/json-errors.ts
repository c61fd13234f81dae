import type { ErrorObject, ValidateFunction } from 'ajv';
import { UserFacingError } from '../errors.js';
import { closestMatch } from './closest-match.js';
import { missingMembersProblem } from './missing-members.js';
import { parseJson } from '../json/parse-json.js';
import { pointerSegment, scanJson } from '../snapshot/json-scanner.js';
import { linesOfPointers } from '../snapshot/pointer-line.js';

/** One step into a JSON document: an object key or an array index. */
export type JsonPathSegment = string | number;

/** `$.rules["app-disabled"].options.maxDays`: the form users see in error messages. */
export function jsonPath(segments: readonly JsonPathSegment[]): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    return /^[A-Za-z_$][\w$]*$/.test(segment) ? `${path}.${segment}` : `${path}[${JSON.stringify(segment)}]`;
  }, '$');
}

/** The JSON pointer (RFC 6901) of a path: `["rules", "a/b", 0]` is `/rules/a~1b/0`. */
export function jsonPointer(segments: readonly JsonPathSegment[]): string {
  return segments.map((segment) => `/${pointerSegment(segment)}`).join('');
}

/** A JSON file as messages name it, with its text when it was read from disk (what gives a message its line). */
export interface JsonFile {
  file: string;
  text?: string | undefined;
}

/**
 * A problem in a JSON file the user (or a pack author) can fix, located by file and JSON path: `file: path: problem`,
 * or `file:line: path: problem` given the file's `text` (the 1-based line of the path, or of its nearest ancestor there).
 */
export function invalidJsonAt(file: string, segments: readonly JsonPathSegment[], problem: string, hint?: string, text?: string): UserFacingError {
  const [line] = text === undefined ? [] : linesOfPointers(text, [jsonPointer(segments)]);
  return new UserFacingError('json-invalid', `${file}${line === undefined ? '' : `:${line}`}: ${jsonPath(segments)}: ${problem}`, hint === undefined ? {} : { hint });
}

/**
 * Parses a file the user or a pack author wrote. A `"__proto__"` member is refused rather than dropped
 * in silence: no config, pack, profile, suppressions or baseline file has one, so it is a mistake or an attack.
 * @throws UserFacingError (`json-invalid`) naming the file, for bad syntax (with its line and column) or a `"__proto__"` member.
 */
export function parseJsonText(text: string, file: string): unknown {
  let droppedPrototypeKey = false;
  let value: unknown;
  try {
    value = parseJson(text, () => {
      droppedPrototypeKey = true;
    });
  } catch (error) {
    throw new UserFacingError('json-invalid', notJsonProblem(text, file, error), {
      hint: 'Fix the syntax (a trailing comma or a missing quote is the usual cause); comments are not allowed.',
      cause: error,
    });
  }
  if (droppedPrototypeKey) {
    throw new UserFacingError('json-invalid', `${file} has a "__proto__" member, which no file of this kind takes`, {
      hint: 'Remove the "__proto__" member.',
    });
  }
  return value;
}

/**
 * Refuses a reviewed file (suppressions, dispositions) in which an object names a member twice: `JSON.parse`
 * keeps the last, so the value that applies may not be the one a reviewer read (a second `expires` further on).
 * `value` is the file parsed, `text` its text.
 * @throws UserFacingError (`json-invalid`) at the first such member, with the lines of both.
 */
export function refuseRepeatedMembers(text: string, file: string, value: unknown): void {
  const [first] = scanJson(text).repeated ?? [];
  if (first === undefined) return;
  const path = jsonPath(pointerSegments(first.pointer, value));
  throw new UserFacingError('json-invalid', `${file}:${first.line}: ${path}: given twice (lines ${first.firstLine} and ${first.line}); JSON keeps only the last, which may not be the one reviewed`, {
    hint: 'Keep one of the two, the value meant, and have the file reviewed again.',
  });
}

/**
 * Why `text`, the content of `file`, is not JSON, given the error `JSON.parse` (or `parseJson`) threw on it:
 * `file:line:column: not valid JSON: <what was expected, what was found>`. JSON.parse says where only as an offset,
 * and on some inputs not at all, so the file is scanned again for the place; text the scanner accepts (nesting past
 * `parseJson`'s depth limit) keeps the parser's own words.
 */
export function notJsonProblem(text: string, file: string, error: unknown): string {
  const syntax = scanJson(text).error;
  return syntax === undefined ? `${file} is not valid JSON: ${(error as Error).message}` : `${file}:${syntax.line}:${syntax.column}: not valid JSON: ${syntax.message}`;
}

/**
 * Throws the most specific schema violation as a located UserFacingError (`json-invalid`): `base` prefixes the paths
 * (where `value` sits in its file), and `text`, the file's text, gives the message the violation's line.
 */
export function assertMatchesSchema(validate: ValidateFunction, value: unknown, file: string, where: { base?: readonly JsonPathSegment[]; text?: string | undefined } = {}): void {
  if (validate(value)) return;
  const { base = [], text } = where;
  const error = mostSpecific(validate.errors ?? []);
  if (error === undefined) throw invalidJsonAt(file, base, 'does not match its schema', undefined, text);
  const { segments, problem, hint } = problemOf(error, validate.errors ?? [], value, base);
  throw invalidJsonAt(file, segments, problem, hint, text);
}

/** `error` in words and where it is; a missing member is named with every other one missing beside it (`errors`). */
function problemOf(error: ErrorObject, errors: readonly ErrorObject[], value: unknown, base: readonly JsonPathSegment[] = []): SchemaProblem {
  const choiceMatched = error.keyword === 'oneOf' && (error.params as { passingSchemas?: unknown }).passingSchemas !== null;
  const missing = MISSING_MEMBER.has(error.keyword) && !choiceMatched ? missingMembersProblem(errors, error.instancePath) : undefined;
  const { problem, hint, key } = missing === undefined ? describe(error) : { problem: missing };
  return { segments: [...base, ...pointerSegments(error.instancePath, value), ...(key === undefined ? [] : [key])], problem, ...(hint === undefined ? {} : { hint }) };
}

/** One place a value breaks its schema: where (path segments), what, and what to do. */
export interface SchemaProblem {
  segments: JsonPathSegment[];
  problem: string;
  hint?: string;
}

/**
 * Every place `value` breaks its schema, the most specific violation of each: one per item of the array
 * at the JSON pointer `itemsAt` (such as `/dispositions`), in item order, after one for the rest of the file.
 * Empty when it matches. Needs a validator compiled with `allErrors` (as every pingone-audit schema is).
 */
export function schemaProblems(validate: ValidateFunction, value: unknown, itemsAt: string): SchemaProblem[] {
  if (validate(value)) return [];
  const groups = new Map<number, ErrorObject[]>();
  for (const error of validate.errors ?? []) {
    const item = error.instancePath.startsWith(`${itemsAt}/`) ? Number(error.instancePath.slice(itemsAt.length + 1).split('/')[0]) : -1;
    groups.set(item, [...(groups.get(item) ?? []), error]);
  }
  return [...groups.keys()]
    .sort((a, b) => a - b)
    .flatMap((item) => {
      const errors = groups.get(item) ?? [];
      const error = mostSpecific(errors);
      return error === undefined ? [] : [problemOf(error, errors, value)];
    });
}

const BRANCH_MISMATCH = new Set(['type', 'enum', 'const']);
/** Keywords whose error at an object may be about a member it lacks: required itself, or a choice or condition that asks for one. */
const MISSING_MEMBER = new Set(['required', 'oneOf', 'anyOf', 'if']);
const NO_BRANCH = new Set(['oneOf', 'anyOf']);

/**
 * With oneOf/anyOf, Ajv reports every branch's failure. The deepest error is the one about the
 * user's actual mistake; at equal depth, a wrong key beats "not the other branch's type", which
 * beats "matched no branch" (an entry that is no object: "must be object", not "must match exactly one schema in oneOf").
 */
function mostSpecific(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const score = (error: ErrorObject) => error.instancePath.split('/').length * 3 + (NO_BRANCH.has(error.keyword) ? 0 : BRANCH_MISMATCH.has(error.keyword) ? 1 : 2);
  return errors.reduce<ErrorObject | undefined>((best, error) => (best === undefined || score(error) > score(best) ? error : best), undefined);
}

/** The problem in words, a hint, and for an unknown property its key (to point at it). */
function describe(error: ErrorObject): { problem: string; hint?: string; key?: string } {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const key = String(params.additionalProperty);
    const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const suggestion = closestMatch(key, known);
    return {
      problem: `unknown property "${key}"`,
      hint: suggestion ? `Did you mean "${suggestion}"?` : `Known properties: ${known.join(', ') || 'none'}.`,
      key,
    };
  }
  if (error.keyword === 'enum') {
    const allowed = params.allowedValues as unknown[];
    const suggestion = typeof error.data === 'string' ? closestMatch(error.data, allowed.map(String)) : undefined;
    return {
      problem: `${JSON.stringify(error.data)} is not allowed`,
      hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Use one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}.`,
    };
  }
  if (error.keyword === 'format' && typeof params.format === 'string' && Object.hasOwn(FORMAT_EXAMPLES, params.format)) {
    const shown = typeof error.data === 'string' && error.data.length <= 40 ? `${JSON.stringify(error.data)} ` : '';
    return { problem: `${shown}is not a ${params.format} (${FORMAT_EXAMPLES[params.format]})`, hint: `Write a real ${params.format} in that form, such as ${FORMAT_SAMPLES[params.format]}.` };
  }
  return { problem: error.message ?? 'does not match its schema' };
}

// The forms of RFC 3339 §5.6 that ajv-formats checks, calendar included (no 2027-02-29).
const FORMAT_EXAMPLES: Record<string, string> = { date: 'YYYY-MM-DD', 'date-time': 'YYYY-MM-DDThh:mm:ssZ' };
const FORMAT_SAMPLES: Record<string, string> = { date: '2027-03-31', 'date-time': '2027-03-31T12:00:00Z' };

/** RFC 6901 pointer ("/rules/a~1b/0") to path segments; walking the value tells indexes from keys. */
function pointerSegments(pointer: string, root: unknown): JsonPathSegment[] {
  if (pointer === '') return [];
  let current = root;
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => {
      const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
      const segment = Array.isArray(current) ? Number(key) : key;
      current = (current as Record<string, unknown> | undefined)?.[key];
      return segment;
    });
}
