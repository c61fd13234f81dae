import type { RegionCode, ScopeType, SnapshotKind } from '../snapshot/model.js';

/** An admin role assignment that applies to the caller. */
export interface HeldRole {
  roleId: string;
  /** Undefined when the role is not a built-in one (a custom role) or `/roles` could not be read. */
  roleName?: string;
  scope: { type: ScopeType; id: string; name?: string };
  /** How the caller holds it: directly, or (users) through a group. */
  via: { kind: 'direct' } | { kind: 'group'; groupId: string; groupName?: string };
}

export type Prediction = 'readable' | 'will 403' | 'unknown';

/** What one collector endpoint will answer in one environment, and why. */
export interface EndpointPrediction {
  kind: SnapshotKind;
  endpoint: string;
  /** Absent for organization-wide endpoints (`/roles`). */
  environmentId?: string;
  environmentName?: string;
  prediction: Prediction;
  /** The roles that grant the read, or the missing role (the scan's 403 wording), or why it cannot be told. */
  reason: string;
}

/** `pingone-audit whoami`: who the credentials are, whose roles apply, and what the collector can read. */
export interface WhoamiReport {
  /** `application`: client credentials, the worker app's roles; `user`: a user sign-in, the user's roles. */
  authorizationModel: 'application' | 'user';
  clientId?: string;
  applicationName?: string;
  /** The environment that issued the token (the app's, and for a user grant also the user's). */
  environmentId?: string;
  environmentName?: string;
  organizationId?: string;
  region?: RegionCode;
  expiresAt?: string;
  /** The signed-in user, for a user grant. */
  user?: { id: string; username?: string };
  roles: HeldRole[];
  /** False when the role assignments could not be read: predictions are then `unknown`. */
  rolesRead: boolean;
  /** Reads that failed while finding out (each with PingOne's answer). */
  problems: string[];
  /**
   * Lists read to their end that held another number of items than their own `count` (the collector's
   * `list-count-mismatch` note): kept as read, but the roles or environments above may lack some.
   */
  warnings: string[];
  endpoints: EndpointPrediction[];
}
