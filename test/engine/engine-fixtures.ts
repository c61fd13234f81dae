import { UserFacingError } from '../../src/errors.js';
import type { Rule, RuleMeta } from '../../src/engine/types.js';

/** A small rule for engine tests: valid metadata, a check that returns nothing unless given one. */
export function fakeRule(id: string, meta: Partial<RuleMeta> = {}, check: Rule['check'] = () => []): Rule {
  return {
    id,
    meta: {
      title: `Fake ${id}`,
      description: 'Require nothing in particular, for engine tests.',
      severity: 'medium',
      category: 'applications',
      tags: ['test'],
      requires: ['applications'],
      docs: {
        rationale: 'Exercises the engine.',
        remediation: ['Nothing to do.'],
        references: [{ title: 'None', url: 'https://example.com/none' }],
      },
      messages: { found: 'Application {{name}} is flagged.' },
      ...meta,
    },
    check,
  };
}

/** A rule with options: `maxDays` (integer ≥ 1, default 90) and `mode` ("strict" | "loose", default "strict"). */
export function ruleWithOptions(id: string): Rule {
  return fakeRule(id, {
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: { maxDays: { type: 'integer', minimum: 1 }, mode: { enum: ['strict', 'loose'] } },
      },
      defaults: { maxDays: 90, mode: 'strict' },
    },
  });
}

/** The UserFacingError an action throws (any other error, or none, fails the test). */
export function catchUserFacingError(action: () => unknown): UserFacingError {
  try {
    action();
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('expected a UserFacingError');
}
