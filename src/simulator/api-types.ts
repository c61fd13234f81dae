/**
 * The PingOne Management API resources the simulator serves, typed from the OpenAPI reference
 * (`reference/pingone-management-openapi.yml`, components named below) and never from the snapshot
 * model: the simulator is a second, independent reading of the API, so a wrong field name in the
 * model cannot be served back wrong. Only the fields the simulator itself reads are spelled out;
 * the rest is kept as the dataset holds it. Every answer the simulator gives is validated against
 * the JSON Schemas derived from the same reference (`schemas/pingone-api/`, by `derive.mjs`) in
 * `test/simulator/schema-conformance.test.ts`, which is what keeps these shapes honest.
 */

/** `{ "id": … }`, the API's reference to another resource (ObjectEnvironment, ObjectApplication …). */
export interface ApiRef {
  id: string;
}

/** Fields every resource may carry that the simulator does not read. */
interface Open {
  [field: string]: unknown;
}

/** EnumRoleAssignmentScopeType, plus GROUP from Ping's Group Role Assignments page; any other string may come. */
export type ApiScopeType = 'ORGANIZATION' | 'ENVIRONMENT' | 'POPULATION' | 'GROUP' | 'APPLICATION' | (string & Record<never, never>);

/** components.schemas.RoleAssignment: exactly one of user, group, application, gateway names the assignee. */
export interface ApiRoleAssignment extends Open {
  id: string;
  role: ApiRef;
  scope: { id: string; type: ApiScopeType };
  environment?: ApiRef;
  readOnly?: boolean;
  user?: ApiRef;
  group?: ApiRef;
  application?: ApiRef;
  gateway?: ApiRef;
}

/** components.schemas.Role (built-in) and CustomAdminRole. */
export interface ApiRole extends Open {
  id: string;
  name: string;
  type?: string;
  applicableTo?: ApiScopeType[];
}

/** components.schemas.ApplicationOIDC, ApplicationSAML, … and the PingOne-managed application schemas. */
export interface ApiApplication extends Open {
  id: string;
  name: string;
  enabled: boolean;
  type: string;
  protocol: string;
  environment?: ApiRef;
  grantTypes?: string[];
  responseTypes?: string[];
  tokenEndpointAuthMethod?: string;
  redirectUris?: string[];
  pkceEnforcement?: string;
  jwks?: string;
  jwksUrl?: string;
  accessControl?: { role?: { type: string }; group?: { type: string; groups: ApiRef[] } };
  /** Seconds (ApplicationOIDC.deviceTimeout, devicePollingInterval). */
  deviceTimeout?: number;
  devicePollingInterval?: number;
  /** Seconds (ApplicationOIDC.refreshTokenDuration, refreshTokenRollingDuration). */
  refreshTokenDuration?: number;
  refreshTokenRollingDuration?: number;
}

/** components.schemas.User; `memberOfGroupIDs` is served only with `include=memberOfGroupIDs`. */
export interface ApiUser extends Open {
  id: string;
  username: string;
  email?: string;
  enabled?: boolean;
  lastSignOn?: { at?: string; remoteIp?: string };
  environment?: ApiRef;
  population?: ApiRef;
  memberOfGroupIDs?: string[];
  memberOfGroupNames?: string[];
}

/** components.schemas.Group. */
export interface ApiGroup extends Open {
  id: string;
  name: string;
}

/** components.schemas.Population. */
export interface ApiPopulation extends Open {
  id: string;
  name: string;
}

/** components.schemas.Environment. */
export interface ApiEnvironment extends Open {
  id: string;
  name: string;
}

/** components.schemas.ApplicationResourceGrant. */
export interface ApiApplicationResourceGrant extends Open {
  id: string;
  application?: ApiRef;
  resource: ApiRef;
  scopes: ApiRef[];
}

/** components.schemas.SignOnPolicyAssignment. */
export interface ApiSignOnPolicyAssignment extends Open {
  id: string;
  application?: ApiRef;
  signOnPolicy: ApiRef;
  priority: number;
}

/** components.schemas.FlowPolicyAssignment: a DaVinci flow policy bound to an application. */
export interface ApiFlowPolicyAssignment extends Open {
  id: string;
  application?: ApiRef;
  flowPolicy: ApiRef;
  priority: number;
}

/** components.schemas.SignOnPolicy. */
export interface ApiSignOnPolicy extends Open {
  id: string;
  name: string;
}

/** components.schemas.SignOnPolicyAction (and its per-type schemas). */
export interface ApiSignOnPolicyAction extends Open {
  id: string;
  type: string;
  priority: number;
  signOnPolicy?: ApiRef;
}

/** components.schemas.Certificate: what `/keys` and `/certificates` list, metadata only. */
export interface ApiCertificate extends Open {
  id: string;
  name: string;
  algorithm: string;
  keyLength: number;
  signatureAlgorithm: string;
  usageType: string;
  expiresAt?: string;
}

/** components.schemas.Subscription (a webhook). */
export interface ApiSubscription extends Open {
  id: string;
  name: string;
  enabled: boolean;
  verifyTlsCertificates: boolean;
  httpEndpoint?: { url: string; headers?: Record<string, string> };
}

/** components.schemas.CustomDomain. */
export interface ApiCustomDomain extends Open {
  id: string;
  domainName: string;
  certificate?: { expiresAt?: string };
}

/** components.schemas.Gateway. */
export interface ApiGateway extends Open {
  id: string;
  name: string;
  type: string;
}

/** components.schemas.PasswordPolicy. */
export interface ApiPasswordPolicy extends Open {
  id: string;
  name: string;
  default?: boolean;
}

/**
 * A device authentication (MFA) policy. Not in the Management reference: Ping's MFA API page
 * "Device Authentication Policies" gives its shape (one object per method, each with `enabled`).
 */
export interface ApiDeviceAuthenticationPolicy extends Open {
  id: string;
  name: string;
  default?: boolean;
}

/** A FIDO policy (Ping's MFA API page "FIDO Policies"; not in the Management reference). */
export interface ApiFido2Policy extends Open {
  id: string;
  name: string;
  default?: boolean;
}

/** components.schemas.IdentityProvider (IdentityProviderOIDC, IdentityProviderSAML, the social ones). */
export interface ApiIdentityProvider extends Open {
  id: string;
  name: string;
  type: string;
  enabled: boolean;
}
