import rule from '../../rules/policies/password-policy-weak.js';
import type { PasswordPolicy, Population } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { buildSnapshot } from '../helpers/snapshot-builder.js';

const strong = (overrides: Partial<PasswordPolicy> = {}): PasswordPolicy => ({
  id: 'pwp-standard',
  name: 'Standard',
  default: true,
  excludesCommonlyUsed: true,
  length: { min: 8, max: 255 },
  lockout: { failureCount: 5, durationSeconds: 900 },
  ...overrides,
});
/** The policy without lockout and with common passwords allowed. */
const withoutLockout = (overrides: Partial<PasswordPolicy> = {}): PasswordPolicy => {
  const { lockout: _none, ...rest } = strong({ excludesCommonlyUsed: false, ...overrides });
  return rest;
};
const customers: Population = { id: 'pop-customers', name: 'Customers', default: true };
const tenant = (passwordPolicies: PasswordPolicy[], populations: Population[] = [customers]) => buildSnapshot({ environments: [{ passwordPolicies, populations }] });
const STANDARD = { type: 'passwordPolicy' as const, id: 'pwp-standard' };

testRule(rule, {
  valid: [
    { name: 'the default policy: 8 characters, lockout, common passwords refused', snapshot: tenant([strong()]) },
    {
      name: 'a weak policy that no population uses governs no password',
      snapshot: tenant([strong(), withoutLockout({ id: 'pwp-basic', name: 'Basic', default: false })]),
    },
    { name: 'a longer minimum asked for by options, and met', snapshot: tenant([strong({ length: { min: 15 } })]), options: { minLength: 15 } },
  ],
  invalid: [
    {
      name: 'the default policy without lockout or a common-password check',
      snapshot: tenant([withoutLockout()]),
      errors: [
        { messageId: 'noLockout', resource: STANDARD, pointer: '/lockout', severity: 'high', data: { populations: 'population Customers' } },
        { messageId: 'commonPasswordsAllowed', resource: STANDARD, pointer: '/excludesCommonlyUsed' },
      ],
    },
    {
      name: 'a population’s own policy, shorter than the minimum asked for',
      snapshot: tenant([strong(), strong({ id: 'pwp-short', name: 'Short', default: false })], [customers, { id: 'pop-staff', name: 'Staff', passwordPolicy: { id: 'pwp-short' } }]),
      options: { minLength: 12 },
      errors: [
        { messageId: 'tooShort', resource: STANDARD, pointer: '/length/min', data: { actual: '8', min: '12', populations: 'population Customers' } },
        { messageId: 'tooShort', resource: { type: 'passwordPolicy', id: 'pwp-short' }, pointer: '/length/min', data: { populations: 'population Staff' } },
      ],
    },
  ],
});
