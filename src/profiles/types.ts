import type { FromSchema } from 'json-schema-to-ts';
import type { profileSchema } from '../json/file-schemas.js';

/*
 * The profile file's types are inferred from `schemas/profile.schema.json` (mirrored as a value in
 * `src/json/file-schemas.ts`), the one place each field is written. A definition is inferred in the
 * whole schema's frame so that its `#/definitions/…` references resolve. The field expectation's
 * "exactly one comparison" (`oneOf` of `required`s, `dependencies`) is left to Ajv: `FromSchema`
 * spells it as thousands of union members, too deep for the compiler, for no check the code needs.
 */
type Definitions = (typeof profileSchema)['definitions'];
type TypedDefinitions = Omit<Definitions, 'fieldExpectation'> & {
  fieldExpectation: Omit<Definitions['fieldExpectation'], 'oneOf' | 'dependencies'>;
};
type Definition<Name extends keyof Definitions & string> = FromSchema<{ definitions: TypedDefinitions; $ref: `#/definitions/${Name}` }>;
type ProfileSchema = Omit<typeof profileSchema, 'definitions'> & { definitions: TypedDefinitions };

/** Application properties a profile may read (dotted for nested ones). */
export type ProfileField = Definition<'field'>;

/** A value a field expectation compares with: a string, number or boolean. */
export type Scalar = Definition<'scalar'>;

/** One setting of the application; exactly one of the comparison keys is set. */
export type FieldExpectation = Definition<'fieldExpectation'>;

/** The app registers exactly this redirect URI. */
export type RedirectUriExpectation = Definition<'redirectUriExpectation'>;

/** A user who may sign in holds a role that covers the app's environment. */
export type SignInAdminRoleExpectation = Definition<'signInAdminRoleExpectation'>;

/** The application itself holds an administering role. */
export type AppRoleExpectation = Definition<'appRoleExpectation'>;

/** What a check expects of the application: one of the kinds above. */
export type Expectation = FieldExpectation | RedirectUriExpectation | SignInAdminRoleExpectation | AppRoleExpectation;

/** The kinds of check; each has its own messageId in the integration-profile rule. */
export type CheckKind = 'equals' | 'oneOf' | 'includesOnly' | 'includes' | 'excludes' | 'present' | 'duration' | 'redirectUri' | 'signInAdminRole' | 'appRole';

/** A security rule that reports the very setting a check asks for. */
export type ProfileConflict = Definition<'conflict'>;

/** One check of a profile: its id and title, what it expects, its severity, how to fix a failure, and its source. */
export type ProfileCheck = Definition<'check'>;

/** An integration-readiness profile (`rules/profiles/<id>.json`, schema `schemas/profile.schema.json`). */
export type Profile = FromSchema<ProfileSchema>;

/** Where a profile lives, relative to the package root; also how errors in it are located. */
export function profileFile(profileId: string): string {
  return `rules/profiles/${profileId}.json`;
}
