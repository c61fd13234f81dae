import type { ScopeType } from '../snapshot/model.js';

/** What roles a worker app bound to one integration profile needs of its own. */
export interface IntegrationRoleNeeds {
  /** Whose roles PingOne checks for the integration's calls. */
  authorizedBy: 'signed-in user' | 'application';
  /**
   * Built-in roles the app may hold; empty when the app needs none. Undefined when the needs
   * depend on what the integration is configured to manage, so they are not judged.
   */
  appRoles?: readonly string[];
  /** Scopes those roles may have; organization scope reaches every environment, present and future. */
  scopes?: readonly ScopeType[];
  /** The needs in words, for messages: "Identity Data Admin scoped to the synced environment". */
  summary: string;
  /** The role to suggest when the one PingOne checks is missing: the one the integration's guide or examples assign. */
  suggestedRole: string;
}

const SIGNED_IN_USER: IntegrationRoleNeeds = {
  authorizedBy: 'signed-in user',
  appRoles: [],
  summary: 'no roles on the app (PingOne checks the signed-in admin’s roles)',
  suggestedRole: 'Environment Admin',
};

const ENVIRONMENT_ADMINISTRATION: IntegrationRoleNeeds = {
  authorizedBy: 'application',
  appRoles: ['Environment Admin', 'Identity Data Admin', 'Client Application Developer', 'Configuration Read Only', 'Identity Data Read Only'],
  scopes: ['ENVIRONMENT', 'POPULATION'],
  summary: 'environment-scoped administration roles for the environments it manages',
  suggestedRole: 'Environment Admin',
};

/**
 * Role needs by integration profile id (the ids of `rules/profiles/*.json`), from `domain.md` §3:
 * the integrators' guides name the roles for StackOne (on the user) and PingDataSync (Identity
 * Data Admin); the CLIs' client-credentials modes manage environments they are pointed at. Terraform
 * may create environments (Organization Admin), so its needs are not judged here; the role suggested
 * for it is Environment Admin, which the provider's own examples assign its worker.
 */
export const INTEGRATION_ROLE_NEEDS: Readonly<Record<string, IntegrationRoleNeeds>> = {
  stackone: SIGNED_IN_USER,
  'pingctl-auth-code': SIGNED_IN_USER,
  'pingctl-implicit': SIGNED_IN_USER,
  'pingcli-auth-code': SIGNED_IN_USER,
  // Ping's MCP server guide: "Do not assign any administrative roles" to its worker app.
  'pingone-mcp-server': SIGNED_IN_USER,
  'pingone-mcp-server-device': SIGNED_IN_USER,
  pingdatasync: {
    authorizedBy: 'application',
    appRoles: ['Identity Data Admin', 'Identity Data Read Only'],
    scopes: ['ENVIRONMENT', 'POPULATION'],
    summary: 'Identity Data Admin (or Identity Data Read Only for a sync source) scoped to the synced environment',
    suggestedRole: 'Identity Data Admin',
  },
  // PingOne's provisioning tutorial gives the worker a SCIM connection writes through Identity Data Admin.
  'scim-outbound': {
    authorizedBy: 'application',
    appRoles: ['Identity Data Admin'],
    scopes: ['ENVIRONMENT', 'POPULATION'],
    summary: 'Identity Data Admin scoped to the environment (or population) it provisions into',
    suggestedRole: 'Identity Data Admin',
  },
  'pingctl-client-credentials': ENVIRONMENT_ADMINISTRATION,
  'pingcli-client-credentials': ENVIRONMENT_ADMINISTRATION,
  // The provider's role-assignment examples and its admin role considerations give its worker Environment Admin.
  terraform: { authorizedBy: 'application', summary: 'whatever its configuration manages, up to creating environments', suggestedRole: 'Environment Admin' },
};
