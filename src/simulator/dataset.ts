import type {
  ApiApplication,
  ApiApplicationResourceGrant,
  ApiCertificate,
  ApiCustomDomain,
  ApiDeviceAuthenticationPolicy,
  ApiEnvironment,
  ApiFido2Policy,
  ApiFlowPolicyAssignment,
  ApiGateway,
  ApiGroup,
  ApiIdentityProvider,
  ApiPasswordPolicy,
  ApiRef,
  ApiPopulation,
  ApiRole,
  ApiRoleAssignment,
  ApiSignOnPolicy,
  ApiSignOnPolicyAction,
  ApiSignOnPolicyAssignment,
  ApiSubscription,
  ApiUser,
} from './api-types.js';

/**
 * What the simulator serves: one PingOne organization, resource by resource, in the Management
 * API's own shapes (without `_links`, which the simulator adds). Relations are stored the way the
 * API exposes them: sub-collection items name their parent (`application.id`, `signOnPolicy.id`),
 * role assignments name their assignee (`user`, `group`, `application` or `gateway`), and a user's
 * group memberships are its `memberOfGroupIDs`. `environment.id` may be omitted on items: the
 * simulator adds it.
 */
export interface Dataset {
  description?: string;
  /**
   * The date (ISO 8601) the users' `lastSignOn.at` were written as of: the simulator moves each
   * forward by the time since, so that their ages stay as written (see `loadDataset`).
   */
  asOf?: string;
  organization: DatasetOrganization;
  /** Built-in (platform) roles served at `/roles`. */
  roles: ApiRole[];
  environments: DatasetEnvironment[];
  /** Secrets of the worker apps that may ask for a client_credentials token. Never print them. */
  credentials: DatasetCredential[];
}

/** The organization the dataset's environments belong to, as `GET /organizations` answers it. */
export interface DatasetOrganization {
  id: string;
  name: string;
  type?: 'PAID' | 'TRIAL' | 'INTERNAL';
  [field: string]: unknown;
}

/** A worker app's client secret, and the environment whose token endpoint accepts it. */
export interface DatasetCredential {
  clientId: string;
  clientSecret: string;
  environmentId: string;
}

/** One environment and everything the simulator serves under it, each list as the API names it. */
export interface DatasetEnvironment {
  environment: ApiEnvironment;
  populations: ApiPopulation[];
  users: ApiUser[];
  groups: ApiGroup[];
  applications: ApiApplication[];
  /** Items carry `application.id`. */
  applicationAttributes: ApplicationAttributeMapping[];
  /** Items carry `application.id`. */
  grants: ApiApplicationResourceGrant[];
  /** Items carry `application.id`. */
  signOnPolicyAssignments: ApiSignOnPolicyAssignment[];
  /** DaVinci flow policies bound to applications; items carry `application.id`. */
  flowPolicyAssignments: ApiFlowPolicyAssignment[];
  signOnPolicies: ApiSignOnPolicy[];
  /** Items carry `signOnPolicy.id`. */
  signOnPolicyActions: ApiSignOnPolicyAction[];
  /** Every assignment held by an actor of this environment; each names exactly one assignee. */
  roleAssignments: ApiRoleAssignment[];
  /** Custom admin roles defined in this environment. */
  customRoles: ApiRole[];
  gateways: ApiGateway[];
  /** Signing and encryption keys (`/keys`). */
  keys: ApiCertificate[];
  certificates: ApiCertificate[];
  /** Webhooks. */
  subscriptions: ApiSubscription[];
  customDomains: ApiCustomDomain[];
  resources: DatasetResource[];
  /** Items carry `resource.id`. */
  resourceScopes: DatasetResourceScope[];
  passwordPolicies: ApiPasswordPolicy[];
  deviceAuthenticationPolicies: ApiDeviceAuthenticationPolicy[];
  fido2Policies: ApiFido2Policy[];
  identityProviders: ApiIdentityProvider[];
}

/** An attribute mapping of an application (`GET …/applications/{appId}/attributes`). */
export interface ApplicationAttributeMapping {
  id: string;
  application: ApiRef;
  name: string;
  value: string;
  required: boolean;
  mappingType: 'CORE' | 'SCOPE' | 'CUSTOM';
  [field: string]: unknown;
}

/** A resource (`GET …/resources`), the audience of access tokens. */
export interface DatasetResource {
  id: string;
  name: string;
  type: 'OPENID_CONNECT' | 'PINGONE_API' | 'CUSTOM';
  [field: string]: unknown;
}

/** A scope of a resource (`GET …/resources/{resourceId}/scopes`). */
export interface DatasetResourceScope {
  id: string;
  name: string;
  resource: ApiRef;
  [field: string]: unknown;
}
