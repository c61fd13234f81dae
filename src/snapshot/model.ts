/**
 * The snapshot model: what pingone-audit collected from one PingOne organization.
 *
 * Resources keep the PingOne Management API's own field names and shapes (see
 * `reference/pingone-management-openapi.yml`), minus `_links`. Related collections that the
 * auditor fetched for a resource live under HAL's `_embedded`, so a resource and what was
 * collected about it stay in one file. `_embedded.X` absent means "not collected"; an empty
 * array means "collected, none".
 */

/** PingOne's region codes, each with its own API and auth hosts (see `src/fetch/regions.ts`). */
export type RegionCode = 'NA' | 'EU' | 'CA' | 'AU' | 'SG' | 'AP';

/**
 * A value PingOne may add after this version was written. Enum-like fields accept any string so
 * that a snapshot keeps what the API returned; code that judges such a field must handle values it
 * does not know (report the resource as not evaluated), never assume the list is closed.
 */
export type UnknownValue = string & Record<never, never>;

/**
 * Role-assignment scopes: the Management OpenAPI lists ORGANIZATION, ENVIRONMENT, POPULATION and
 * APPLICATION; Ping's Group Role Assignments page adds GROUP
 * (https://developer.pingidentity.com/pingone-api/platform/group-role-assignments/index.html).
 */
export type KnownScopeType = 'ORGANIZATION' | 'ENVIRONMENT' | 'POPULATION' | 'GROUP' | 'APPLICATION';
/** The scope type of a role assignment, as the API may answer it. */
export type ScopeType = KnownScopeType | UnknownValue;

/** An OIDC application's grant type (OpenAPI `EnumApplicationOIDCGrantType`), or one added since. */
export type GrantType = 'AUTHORIZATION_CODE' | 'IMPLICIT' | 'REFRESH_TOKEN' | 'CLIENT_CREDENTIALS' | 'DEVICE_CODE' | 'TOKEN_EXCHANGE' | 'CIBA' | UnknownValue;

/** An OIDC application's response type (OpenAPI `EnumApplicationOIDCResponseType`), or one added since. */
export type ResponseType = 'CODE' | 'TOKEN' | 'ID_TOKEN' | UnknownValue;

/** How an OIDC application authenticates at the token endpoint (OpenAPI `EnumApplicationOIDCTokenAuthMethod`); `NONE` is a public client. */
export type TokenEndpointAuthMethod = 'NONE' | 'CLIENT_SECRET_BASIC' | 'CLIENT_SECRET_POST' | 'PRIVATE_KEY_JWT' | 'CLIENT_SECRET_JWT' | UnknownValue;

/** A reference to another resource by id, as the API nests it (`{ "id": "…" }`). */
export interface IdRef {
  id: string;
}

/**
 * An admin role held by a user, group, gateway or application over one scope (OpenAPI `RoleAssignment`,
 * `GET /environments/{envId}/{users|groups|gateways|applications}/{id}/roleAssignments`). The holder is
 * the one of `user`, `group`, `gateway` or `application` that is set.
 */
export interface RoleAssignment {
  id: string;
  role: IdRef;
  scope: { id: string; type: ScopeType };
  environment?: IdRef;
  readOnly?: boolean;
  user?: IdRef;
  group?: IdRef;
  gateway?: IdRef;
  application?: IdRef;
}

/** The scopes of one resource an application may request (OpenAPI `ApplicationResourceGrant`, `GET …/applications/{appId}/grants`). */
export interface ApplicationResourceGrant {
  id: string;
  application?: IdRef;
  resource: IdRef;
  scopes: IdRef[];
}

/**
 * A sign-on policy bound to an application (OpenAPI `SignOnPolicyAssignment`,
 * `GET …/applications/{appId}/signOnPolicyAssignments`); `priority` orders several (lower runs first).
 */
export interface SignOnPolicyAssignment {
  id: string;
  application?: IdRef;
  environment?: IdRef;
  signOnPolicy: IdRef;
  priority: number;
}

/**
 * A DaVinci flow policy bound to an application
 * (`GET /environments/{envId}/applications/{appId}/flowPolicyAssignments`): the app signs users in
 * through that flow instead of its sign-on policies.
 */
export interface FlowPolicyAssignment {
  id: string;
  application?: IdRef;
  environment?: IdRef;
  flowPolicy: IdRef;
  priority: number;
  [field: string]: unknown;
}

/**
 * An application (`GET /environments/{envId}/applications`, OpenAPI `Application` and its protocol
 * variants such as `ApplicationOIDC`): the OIDC fields, then the SAML ones, each set only for its
 * protocol. Durations are in seconds. `_embedded` holds what was read per application.
 */
export interface Application {
  id: string;
  environment?: IdRef;
  name: string;
  description?: string;
  enabled: boolean;
  type: string;
  protocol: 'OPENID_CONNECT' | 'SAML' | 'WS_FED' | 'EXTERNAL_LINK' | string;
  accessControl?: {
    role?: { type: 'ADMIN_USERS_ONLY' | UnknownValue };
    group?: { type: 'ANY_GROUP' | 'ALL_GROUPS' | UnknownValue; groups: IdRef[] };
  };
  hiddenFromAppPortal?: boolean;
  createdAt?: string;
  updatedAt?: string;
  // OIDC
  tokenEndpointAuthMethod?: TokenEndpointAuthMethod;
  grantTypes?: GrantType[];
  responseTypes?: ResponseType[];
  pkceEnforcement?: 'OPTIONAL' | 'REQUIRED' | 'S256_REQUIRED' | UnknownValue;
  redirectUris?: string[];
  postLogoutRedirectUris?: string[];
  allowWildcardInRedirectUris?: boolean;
  refreshTokenDuration?: number;
  refreshTokenRollingDuration?: number;
  refreshTokenRollingGracePeriodDuration?: number;
  refreshTokenType?: 'JSON_WEB_TOKEN' | 'OPAQUE_TOKEN' | UnknownValue;
  additionalRefreshTokenReplayProtectionEnabled?: boolean;
  parRequirement?: 'REQUIRED' | 'OPTIONAL' | UnknownValue;
  parTimeout?: number;
  requireSignedRequestObject?: boolean;
  supportUnsignedRequestObject?: boolean;
  jwks?: string;
  jwksUrl?: string;
  corsSettings?: { behavior: 'ALLOW_NO_ORIGINS' | 'ALLOW_SPECIFIC_ORIGINS' | UnknownValue; origins?: string[] };
  initiateLoginUri?: string;
  targetLinkUri?: string;
  homePageUrl?: string;
  deviceTimeout?: number;
  devicePollingInterval?: number;
  devicePathId?: string;
  deviceCustomVerificationUri?: string;
  tags?: string[];
  assignActorRoles?: boolean;
  // SAML
  spEntityId?: string;
  acsUrls?: string[];
  assertionDuration?: number;
  assertionSigned?: boolean;
  responseSigned?: boolean;
  spVerification?: { authnRequestSigned?: boolean; certificates?: IdRef[] };
  enableAlwaysAcceptAcsUrlInSignedAuthnRequest?: boolean;
  enableRequestedAuthnContext?: boolean;
  idpSigning?: { key?: IdRef; algorithm?: string };
  spEncryption?: { algorithm?: string; certificate?: IdRef };
  [field: string]: unknown;
  _embedded?: {
    grants?: ApplicationResourceGrant[];
    signOnPolicyAssignments?: SignOnPolicyAssignment[];
    flowPolicyAssignments?: FlowPolicyAssignment[];
    roleAssignments?: RoleAssignment[];
  };
}

/**
 * An admin user (`GET /environments/{envId}/users`, OpenAPI `User`): the collector keeps only users holding
 * a role directly or through a group, and `memberOfGroupIDs` lists only the role-holding groups it read.
 * `_embedded.roleAssignments` absent means the user's direct assignments were not read.
 */
export interface User {
  id: string;
  username: string;
  email?: string;
  enabled?: boolean;
  population?: IdRef;
  environment?: IdRef;
  mfaEnabled?: boolean;
  account?: { canAuthenticate?: boolean; status?: string };
  lifecycle?: { status?: string };
  lastSignOn?: { at?: string; remoteIp?: string };
  memberOfGroupIDs?: string[];
  [field: string]: unknown;
  _embedded?: { roleAssignments?: RoleAssignment[] };
}

/** A group (`GET /environments/{envId}/groups`, OpenAPI `Group`), with the admin roles it grants its members under `_embedded`. */
export interface Group {
  id: string;
  name: string;
  description?: string;
  environment?: IdRef;
  population?: IdRef;
  [field: string]: unknown;
  _embedded?: { roleAssignments?: RoleAssignment[] };
}

/** A population of users (`GET /environments/{envId}/populations`, OpenAPI `Population`). */
export interface Population {
  id: string;
  name: string;
  default?: boolean;
  environment?: IdRef;
  /** The password policy its users' passwords follow; absent: the environment's default policy. */
  passwordPolicy?: IdRef;
  [field: string]: unknown;
}

/**
 * An admin role (OpenAPI `Role`): a built-in one from `GET /roles`, or a custom one from
 * `GET /environments/{envId}/roles` (`type` CUSTOM). `applicableTo` lists the scope types it may be assigned over.
 */
export interface Role {
  id: string;
  name: string;
  description?: string;
  type?: 'PLATFORM' | 'CUSTOM' | UnknownValue;
  applicableTo?: ScopeType[];
  permissions?: Array<{ id: string; classifier?: string; description?: string }>;
  environment?: IdRef;
  canBeAssignedBy?: IdRef[];
  [field: string]: unknown;
}

/**
 * One step of a sign-on policy (`GET …/signOnPolicies/{policyId}/actions`, OpenAPI `SignOnPolicyAction`):
 * `type` says what the step does (LOGIN, MULTI_FACTOR_AUTHENTICATION, …), `priority` orders the steps.
 */
export interface SignOnPolicyAction {
  id: string;
  type: string;
  priority: number;
  signOnPolicy?: IdRef;
  condition?: unknown;
  noDevicesMode?: 'BYPASS' | 'BLOCK' | UnknownValue;
  /** MULTI_FACTOR_AUTHENTICATION: the MFA (device authentication) policy; absent means the environment's default one. */
  deviceAuthenticationPolicy?: IdRef;
  [field: string]: unknown;
}

/** A sign-on policy (`GET /environments/{envId}/signOnPolicies`, OpenAPI `SignOnPolicy`), with its actions under `_embedded`. */
export interface SignOnPolicy {
  id: string;
  name: string;
  description?: string;
  default?: boolean;
  environment?: IdRef;
  [field: string]: unknown;
  _embedded?: { actions?: SignOnPolicyAction[] };
}

/** A gateway (`GET /environments/{envId}/gateways`, OpenAPI `Gateway`), with the admin roles it holds under `_embedded`. */
export interface Gateway {
  id: string;
  name: string;
  type: string;
  enabled?: boolean;
  environment?: IdRef;
  [field: string]: unknown;
  _embedded?: { roleAssignments?: RoleAssignment[] };
}

/**
 * A password policy (`GET /environments/{envId}/passwordPolicies`, OpenAPI `PasswordPolicy`): what a
 * password must be, and what happens after failed sign-ons. Durations in seconds.
 */
export interface PasswordPolicy {
  id: string;
  name: string;
  description?: string;
  default?: boolean;
  environment?: IdRef;
  excludesCommonlyUsed?: boolean;
  excludesProfileData?: boolean;
  length?: { min?: number; max?: number };
  lockout?: { failureCount?: number; durationSeconds?: number };
  [field: string]: unknown;
}

/** One authentication method of an MFA policy (`sms`, `voice`, `email`, `mobile`, `totp`, `fido2`, `whatsApp`). */
export interface DeviceAuthenticationMethod {
  enabled?: boolean;
  /** `fido2` only: the FIDO policy it applies; absent means the environment's default FIDO policy. */
  fido2PolicyId?: string;
  [field: string]: unknown;
}

/**
 * An MFA policy, "device authentication policy" in the API
 * (`GET /environments/{envId}/deviceAuthenticationPolicies`, Ping's MFA API "Device Authentication
 * Policies" page): which authentication methods an MFA step offers.
 */
export interface DeviceAuthenticationPolicy {
  id: string;
  name: string;
  default?: boolean;
  environment?: IdRef;
  sms?: DeviceAuthenticationMethod;
  voice?: DeviceAuthenticationMethod;
  email?: DeviceAuthenticationMethod;
  whatsApp?: DeviceAuthenticationMethod;
  mobile?: DeviceAuthenticationMethod;
  totp?: DeviceAuthenticationMethod;
  fido2?: DeviceAuthenticationMethod;
  [field: string]: unknown;
}

/** A FIDO policy (`GET /environments/{envId}/fido2Policies`, Ping's MFA API "FIDO Policies" page). */
export interface Fido2Policy {
  id: string;
  name: string;
  default?: boolean;
  environment?: IdRef;
  attestationRequirements?: string;
  userVerification?: { option?: string; enforceDuringAuthentication?: boolean };
  [field: string]: unknown;
}

/**
 * An external identity provider (`GET /environments/{envId}/identityProviders`, OpenAPI
 * `IdentityProvider`): a social or enterprise (OIDC, SAML) source of sign-ons.
 */
export interface IdentityProvider {
  id: string;
  name: string;
  type: string;
  enabled?: boolean;
  environment?: IdRef;
  [field: string]: unknown;
}

/** A scope of a resource (`GET /environments/{envId}/resources/{resourceId}/scopes`, OpenAPI `ResourceScope`). */
export interface ResourceScope {
  id: string;
  name: string;
  resource?: IdRef;
  [field: string]: unknown;
}

/**
 * A resource, the audience of access tokens (`GET /environments/{envId}/resources`, OpenAPI
 * `Resource`), with its scopes under `_embedded`.
 */
export interface Resource {
  id: string;
  name: string;
  type?: 'OPENID_CONNECT' | 'PINGONE_API' | 'CUSTOM' | UnknownValue;
  audience?: string;
  /** Seconds an access token for this resource stays valid (API default 3600). */
  accessTokenValiditySeconds?: number;
  environment?: IdRef;
  [field: string]: unknown;
  _embedded?: { scopes?: ResourceScope[] };
}

/**
 * A signing or encryption key (`GET /environments/{envId}/keys`) or a certificate
 * (`GET /environments/{envId}/certificates`): both answer with the OpenAPI's `Certificate` schema.
 * Only metadata: the collector never asks for the PEM/PKCS#12 forms (they need another Accept
 * header) and a private key is never stored (see `secret-fields.ts`). Dates are ISO 8601 date-times.
 */
export interface Certificate {
  id: string;
  name: string;
  environment?: IdRef;
  /** EnumCertificateKeyAlgorithm (RSA, EC, UNKNOWN). */
  algorithm?: 'RSA' | 'EC' | 'UNKNOWN' | UnknownValue;
  /** Bits: the RSA modulus, or the EC curve size. */
  keyLength?: number;
  /** EnumCertificateKeySignagureAlgorithm, in Java's names (`SHA256withRSA`). */
  signatureAlgorithm?: string;
  usageType?: 'ENCRYPTION' | 'SIGNING' | 'SSL/TLS' | 'ISSUANCE' | 'OUTBOUND_MTLS' | UnknownValue;
  status?: 'VALID' | 'EXPIRING' | 'EXPIRED' | 'NOT_YET_VALID' | 'REVOKED' | UnknownValue;
  default?: boolean;
  startsAt?: string;
  expiresAt?: string;
  subjectDN?: string;
  issuerDN?: string;
  [field: string]: unknown;
}

/**
 * A webhook (`GET /environments/{envId}/subscriptions`, the OpenAPI's `Subscription`). Request
 * headers the webhook sends (`httpEndpoint.headers`, often an Authorization header) are never
 * stored: the collector drops them.
 */
export interface Subscription {
  id: string;
  name: string;
  environment?: IdRef;
  enabled: boolean;
  /** False: PingOne sends events without checking the destination's TLS certificate. */
  verifyTlsCertificates: boolean;
  httpEndpoint?: { url: string };
  format?: 'ACTIVITY' | 'SPLUNK' | 'NEWRELIC' | UnknownValue;
  protocol?: 'HTTPS' | 'TCP_IP' | UnknownValue;
  [field: string]: unknown;
}

/** A custom domain (`GET /environments/{envId}/customDomains`, the OpenAPI's `CustomDomain`). */
export interface CustomDomain {
  id: string;
  domainName: string;
  environment?: IdRef;
  status?: 'ACTIVE' | 'VERIFICATION_REQUIRED' | 'SSL_CERTIFICATE_REQUIRED' | UnknownValue;
  canonicalName?: string;
  /** The TLS certificate PingOne serves for the domain; absent until one is uploaded. */
  certificate?: { expiresAt?: string };
  [field: string]: unknown;
}

/** An environment (`GET /environments/{envId}`, OpenAPI `Environment`). */
export interface Environment {
  id: string;
  name: string;
  type?: 'PRODUCTION' | 'SANDBOX' | string;
  region?: string;
  organization?: IdRef;
  status?: string;
  [field: string]: unknown;
}

/** One environment and everything collected in it. */
export interface EnvironmentSnapshot {
  environment: Environment;
  applications: Application[];
  users: User[];
  groups: Group[];
  populations: Population[];
  signOnPolicies: SignOnPolicy[];
  /** Custom roles defined in this environment. */
  roles: Role[];
  gateways: Gateway[];
  passwordPolicies: PasswordPolicy[];
  deviceAuthenticationPolicies: DeviceAuthenticationPolicy[];
  fido2Policies: Fido2Policy[];
  identityProviders: IdentityProvider[];
  resources: Resource[];
  /** Signing and encryption keys (metadata only). */
  keys: Certificate[];
  certificates: Certificate[];
  /** Webhooks. */
  subscriptions: Subscription[];
  customDomains: CustomDomain[];
}

/**
 * What the collector fetched, endpoint kind by endpoint kind, and where each is read: once for the
 * organization, once per environment, or not yet (`not-collected`: modelled, but no collector reads
 * it, so no rule may require it). Rules declare the kinds they read in `meta.requires`; a failed
 * kind makes those rules "not evaluated". A manifest must hold an entry for every collected kind of
 * every environment it lists; a kind without one counts as not collected. This table is the one
 * list of kinds: a kind added here is expected in every snapshot written from then on.
 */
export const SNAPSHOT_KIND_SCOPES = {
  // Read one by one (`GET /environments/{id}`), or listed for the organization (`--all-environments`).
  environments: 'environment',
  applications: 'environment',
  applicationGrants: 'environment',
  applicationSignOnPolicyAssignments: 'environment',
  applicationFlowPolicyAssignments: 'environment',
  applicationRoleAssignments: 'environment',
  users: 'environment',
  userRoleAssignments: 'environment',
  groups: 'environment',
  groupRoleAssignments: 'environment',
  groupMembers: 'environment',
  populations: 'environment',
  signOnPolicies: 'environment',
  signOnPolicyActions: 'environment',
  roles: 'organization',
  customRoles: 'environment',
  gateways: 'environment',
  gatewayRoleAssignments: 'environment',
  passwordPolicies: 'environment',
  deviceAuthenticationPolicies: 'environment',
  fido2Policies: 'environment',
  identityProviders: 'environment',
  resources: 'environment',
  resourceScopes: 'environment',
  keys: 'environment',
  certificates: 'environment',
  subscriptions: 'environment',
  customDomains: 'environment',
} as const satisfies Record<string, 'organization' | 'environment' | 'not-collected'>;

/** One kind of collected data, as rules require it and the manifest records it (see {@link SNAPSHOT_KIND_SCOPES}). */
export type SnapshotKind = keyof typeof SNAPSHOT_KIND_SCOPES;

/** How reading one kind went, for the organization or one environment. */
export interface CollectionEntry {
  kind: SnapshotKind;
  /** Absent for organization-wide endpoints such as `/roles`. */
  environmentId?: string;
  status: 'complete' | 'failed';
  /**
   * Set when only some resources' reads of this kind failed (one application's sign-on policy
   * assignments, say): the ids of those parent resources, sorted. Their data is unknown; the other
   * resources' data of this kind is complete. Absent when the kind failed as a whole.
   */
  failedResources?: Array<{ type: ResourceType; id: string }>;
  /** Path of the endpoint that failed, relative to the API base (`/environments/…/users`). */
  path?: string;
  httpStatus?: number;
  /** PingOne's error code and message, or the network error, never a token or secret. */
  error?: string;
  requests?: number;
  /**
   * Set on a `failed` entry for data outside what was audited rather than data that failed to read
   * (`pingone-audit terraform`: users live only in the tenant; a kind the configuration declares
   * nothing of). The rules that need it are listed as out of scope, never as a pass, and the run is
   * not incomplete for it. `rule`: those rules are not evaluated there; `subjects`: the kind only
   * adds resources the rules judge on their own, so their findings on what is there stand.
   */
  outOfScope?: 'rule' | 'subjects';
}

/** What the collection did: one entry per kind and place, and whether all of it was read. */
export interface CollectionRecord {
  /** False when an entry failed; an out-of-scope entry (`CollectionEntry.outOfScope`) does not count against it. */
  complete: boolean;
  entries: CollectionEntry[];
  /** Requests made, by endpoint template (`GET /environments/{id}/applications`). */
  requestsByEndpoint?: Record<string, number>;
  /** Notes on deliberate limits, such as a cap on users scanned for direct role assignments. */
  notes?: string[];
}

/**
 * The snapshot format this version writes and reads. 2: `manifest.json` lists every file with its
 * SHA-256. Format 1 folders (no checksums) are refused with a request to collect again.
 */
export const SNAPSHOT_SCHEMA_VERSION = 2;

/**
 * `manifest.json`: when, where and by whom the snapshot was collected, which environments it holds and how
 * each read went. `createdAt` is an ISO 8601 date-time. `collectedBy` names a client id, never a secret.
 */
export interface SnapshotManifest {
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  tool: { name: 'pingone-audit'; version: string };
  createdAt: string;
  durationMs?: number;
  region?: RegionCode | string;
  apiUrl?: string;
  organization?: { id: string; name?: string };
  collectedBy?: {
    clientId?: string;
    grantType?: string;
    /** Whose admin roles authorized the collection: the worker app's, or a signed-in user's. */
    authorizationModel?: 'application' | 'user' | 'unknown';
    environmentId?: string;
  };
  environmentIds: string[];
  collection: CollectionRecord;
}

/** A whole snapshot in memory: its manifest, the built-in roles, and each environment's resources. */
export interface Snapshot {
  manifest: SnapshotManifest;
  /** Built-in (platform) roles from `GET /roles`. */
  roles: Role[];
  environments: EnvironmentSnapshot[];
}

/** The kinds of resource a finding can point at; each is one file in a snapshot folder. */
export type ResourceType =
  | 'environment'
  | 'application'
  | 'user'
  | 'group'
  | 'population'
  | 'signOnPolicy'
  | 'role'
  | 'gateway'
  | 'passwordPolicy'
  | 'deviceAuthenticationPolicy'
  | 'fido2Policy'
  | 'identityProvider'
  | 'resource'
  | 'key'
  | 'certificate'
  | 'subscription'
  | 'customDomain';

/** One resource of the snapshot, as a finding or a report names it. */
export interface ResourceRef {
  type: ResourceType;
  id: string;
  name: string;
  /** Absent only for organization-wide resources (built-in roles). */
  environmentId?: string;
}

/**
 * The enum values this version knows, field by field: the Management OpenAPI's enums
 * (`reference/pingone-management-openapi.yml`: EnumApplicationType, EnumApplicationProtocol,
 * EnumApplicationOIDCGrantType, EnumApplicationOIDCResponseType, EnumApplicationOIDCTokenAuthMethod,
 * EnumApplicationOIDCPKCEOption, EnumApplicationOIDCRefreshTokenType, EnumApplicationCorsSettingsBehavior, EnumSignOnPolicyType, EnumRoleAssignmentScopeType), plus GROUP
 * scopes from Ping's Group Role Assignments page. PingOne adds values over time; a snapshot keeps
 * whatever it read, and this table only tells which values rules can judge.
 */
const KNOWN_VALUES = {
  'application type': [
    'WEB_APP',
    'NATIVE_APP',
    'SINGLE_PAGE_APP',
    'WORKER',
    'SERVICE',
    'CUSTOM_APP',
    'PING_ONE_SELF_SERVICE',
    'PING_ONE_ADMIN_CONSOLE',
    'PING_ONE_PORTAL',
    'TEMPLATE_APP',
    'PORTAL_LINK_APP',
  ],
  'application protocol': ['OPENID_CONNECT', 'SAML', 'WS_FED', 'EXTERNAL_LINK'],
  'grant type': ['AUTHORIZATION_CODE', 'IMPLICIT', 'REFRESH_TOKEN', 'CLIENT_CREDENTIALS', 'DEVICE_CODE', 'TOKEN_EXCHANGE', 'CIBA'],
  'response type': ['CODE', 'TOKEN', 'ID_TOKEN'],
  'token endpoint auth method': ['NONE', 'CLIENT_SECRET_BASIC', 'CLIENT_SECRET_POST', 'PRIVATE_KEY_JWT', 'CLIENT_SECRET_JWT'],
  'PKCE enforcement': ['OPTIONAL', 'REQUIRED', 'S256_REQUIRED'],
  'refresh token type': ['JSON_WEB_TOKEN', 'OPAQUE_TOKEN'],
  'CORS behavior': ['ALLOW_NO_ORIGINS', 'ALLOW_SPECIFIC_ORIGINS'],
  'sign-on policy action type': [
    'LOGIN',
    'MULTI_FACTOR_AUTHENTICATION',
    'IDENTIFIER_FIRST',
    'IDENTITY_PROVIDER',
    'PROGRESSIVE_PROFILING',
    'AGREEMENT',
    'PINGID_WINLOGIN_PASSWORDLESS_AUTHENTICATION',
    'PINGID_AUTHENTICATION',
  ],
  'role assignment scope type': ['ORGANIZATION', 'ENVIRONMENT', 'POPULATION', 'GROUP', 'APPLICATION'],
  // EnumResourceType: which product default a resource's token lifetime is held to depends on it.
  'resource type': ['OPENID_CONNECT', 'PINGONE_API', 'CUSTOM'],
  // EnumCertificateKeyAlgorithm; UNKNOWN is listed there, and no rule can judge a key it names.
  'key algorithm': ['RSA', 'EC', 'UNKNOWN'],
  // EnumCertificateKeySignagureAlgorithm, plus the SHA-1 names of older and imported certificates.
  'signature algorithm': ['SHA256withRSA', 'SHA384withRSA', 'SHA512withRSA', 'SHA256withECDSA', 'SHA384withECDSA', 'SHA512withECDSA', 'SHA1withRSA', 'SHA1withECDSA'],
} as const satisfies Record<string, readonly string[]>;

/** A field whose enum values {@link KNOWN_VALUES} lists. */
export type KnownValueField = keyof typeof KNOWN_VALUES;

const knownSets = new Map<string, ReadonlySet<string>>(Object.entries(KNOWN_VALUES).map(([field, values]) => [field, new Set<string>(values)]));

/** Whether this version knows `value` for `field`; an absent value is not unknown. */
export function isKnownValue(field: KnownValueField, value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && knownSets.get(field)!.has(value));
}
