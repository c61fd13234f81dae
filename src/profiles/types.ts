import type { Severity } from '../engine/types.js';

/** Application properties a profile may read (dotted for nested ones), as `schemas/profile.schema.json` lists them. */
export type ProfileField =
  | 'type'
  | 'enabled'
  | 'protocol'
  | 'grantTypes'
  | 'responseTypes'
  | 'pkceEnforcement'
  | 'tokenEndpointAuthMethod'
  | 'redirectUris'
  | 'allowWildcardInRedirectUris'
  | 'refreshTokenType'
  | 'refreshTokenDuration'
  | 'refreshTokenRollingDuration'
  | 'refreshTokenRollingGracePeriodDuration'
  | 'additionalRefreshTokenReplayProtectionEnabled'
  | 'parRequirement'
  | 'requireSignedRequestObject'
  | 'assignActorRoles'
  | 'accessControl.role.type'
  | 'accessControl.group';

export type Scalar = string | number | boolean;

/** One setting of the application; exactly one of the comparison keys is set. */
export interface FieldExpectation {
  field: ProfileField;
  equals?: Scalar;
  oneOf?: Scalar[];
  /** The list holds every one of these and nothing beyond them and `mayInclude`. */
  includesOnly?: string[];
  mayInclude?: string[];
  /** The list holds every one of these; others are allowed. */
  includes?: string[];
  excludes?: string[];
  present?: boolean;
  /** Seconds, inclusive. */
  duration?: { min?: number; max?: number };
  /** What PingOne applies when the property is absent. */
  default?: Scalar;
}

/** The app registers exactly this redirect URI. */
export interface RedirectUriExpectation {
  redirectUri: string;
}

/** A user who may sign in holds a role that covers the app's environment. */
export interface SignInAdminRoleExpectation {
  named: 'signing-in-admin-role';
  /** Built-in roles that cover every Management API call the integration makes. */
  full: string[];
  /** Roles the guide accepts with less coverage, and what each lacks. */
  partial?: Array<{ role: string; lacks: string }>;
}

/** The application itself holds an administering role. */
export interface AppRoleExpectation {
  named: 'app-role';
  /** Built-in roles that count; absent: any role that administers the environment. */
  roles?: string[];
  /** `own-environment`: the role must reach the app's own environment; `any`: anywhere. */
  scope: 'own-environment' | 'any';
}

export type Expectation = FieldExpectation | RedirectUriExpectation | SignInAdminRoleExpectation | AppRoleExpectation;

/** The kinds of check; each has its own messageId in the integration-profile rule. */
export type CheckKind = 'equals' | 'oneOf' | 'includesOnly' | 'includes' | 'excludes' | 'present' | 'duration' | 'redirectUri' | 'signInAdminRole' | 'appRole';

export interface GuideSource {
  url: string;
  section: string;
  quote?: string;
}

/** A security rule that reports the very setting a check asks for. */
export interface ProfileConflict {
  rule: string;
  /** Values of the field for which the rule fires; absent: whenever the check passes. */
  values?: Scalar[];
  prefer: 'profile' | 'rule';
  why: string;
}

export interface ProfileCheck {
  id: string;
  title: string;
  expect: Expectation;
  severity: Severity;
  fix: string;
  source: GuideSource;
  /** A rule that already reports exactly this failure: the scan leaves it to that rule. */
  reportedBy?: string;
  conflictsWith?: ProfileConflict;
}

export interface ProfileBinding {
  redirectHosts?: string[];
  namePatterns?: string[];
  whenNamed?: FieldExpectation[];
}

/** An integration-readiness profile (`rules/profiles/<id>.json`, schema `schemas/profile.schema.json`). */
export interface Profile {
  id: string;
  title: string;
  description: string;
  guides: Array<{ title: string; url: string }>;
  authorizedBy: 'signed-in user' | 'application';
  bind: ProfileBinding;
  checks: ProfileCheck[];
}

/** Where a profile lives, relative to the package root; also how errors in it are located. */
export function profileFile(profileId: string): string {
  return `rules/profiles/${profileId}.json`;
}
