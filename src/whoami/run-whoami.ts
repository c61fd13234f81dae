import { apiPath, getAll, type ApiClient } from '../fetch/index.js';
import type { Environment, Role } from '../snapshot/model.js';
import { predictEndpoints, type NamedEnvironment } from './predict-endpoints.js';
import { createReader, readApplicationRoles, readUserRoles } from './read-roles.js';
import type { HeldRole, WhoamiReport } from './whoami-report.js';

export interface WhoamiOptions {
  /** Environments to predict for; default: the token's and those the roles are scoped to (all listed ones for an organization-wide role). */
  environmentIds?: readonly string[];
}

/**
 * Finds out who the credentials are (from the token's claims), reads the role assignments that
 * apply to them (the app's, or the user's direct and group ones), names roles, scopes and
 * environments where it can, and predicts each collector endpoint. Only GETs; a read that fails
 * becomes a `problems` line, never an error, except a refused token; a list that ends short of its own
 * `count` becomes a `warnings` line, in the collector's words.
 */
export async function runWhoami(client: ApiClient, options: WhoamiOptions = {}): Promise<WhoamiReport> {
  const claims = await client.tokenClaims();
  const reader = createReader(client, claims.authorizationModel);
  const tokenEnvironment = claims.environmentId;
  let roles: HeldRole[] | undefined;
  const report: Omit<WhoamiReport, 'roles' | 'rolesRead' | 'endpoints' | 'problems' | 'warnings'> = { authorizationModel: claims.authorizationModel };
  if (claims.clientId !== undefined) report.clientId = claims.clientId;
  if (tokenEnvironment !== undefined) report.environmentId = tokenEnvironment;
  if (claims.organizationId !== undefined) report.organizationId = claims.organizationId;
  if (client.region !== undefined) report.region = client.region;
  if (claims.expiresAt !== undefined) report.expiresAt = claims.expiresAt;

  if (tokenEnvironment === undefined) {
    reader.problems.push('the token names no environment, so whose role assignments apply cannot be read');
  } else if (claims.authorizationModel === 'user' && claims.subject !== undefined) {
    const user = await readUserRoles(reader, tokenEnvironment, claims.subject);
    report.user = user.username === undefined ? { id: claims.subject } : { id: claims.subject, username: user.username };
    roles = user.roles;
  } else if (claims.clientId !== undefined) {
    const clientId = claims.clientId;
    roles = await readApplicationRoles(reader, tokenEnvironment, clientId);
    const app = (await reader.attempt('the application', () => client.get(apiPath`/environments/${tokenEnvironment}/applications/${clientId}`))) as { name?: string } | undefined;
    if (typeof app?.name === 'string') report.applicationName = app.name;
  }

  const [builtIn, listed] = await Promise.all([
    reader.attempt('the built-in roles', () => getAll<Role>(client, '/roles', 'roles', reader.listOptions), { kind: 'roles' }),
    reader.attempt('the environments list', () => getAll<Environment>(client, '/environments', 'environments', reader.listOptions)),
  ]);
  // Any admin role reads `/roles`: a 403 there means the caller holds none, which answers the question its own assignments could not.
  if (roles === undefined && reader.failures.get('the built-in roles') === 403) {
    roles = [];
    reader.problems.push('/roles answered 403 although any admin role may read it: the caller seems to hold no admin role at all');
  }
  const roleNames = new Map((builtIn ?? []).map((role) => [role.id, role.name]));
  const environmentNames = new Map((listed ?? []).map((environment) => [environment.id, environment.name]));
  for (const role of roles ?? []) {
    const name = roleNames.get(role.roleId);
    if (name !== undefined) role.roleName = name;
    const scopeName = role.scope.type === 'ENVIRONMENT' ? environmentNames.get(role.scope.id) : undefined;
    if (scopeName !== undefined) role.scope.name = scopeName;
  }
  if (tokenEnvironment !== undefined && environmentNames.has(tokenEnvironment)) report.environmentName = environmentNames.get(tokenEnvironment)!;

  const environments = targetEnvironments(options, roles ?? [], tokenEnvironment, listed ?? []).map((id): NamedEnvironment => {
    const name = environmentNames.get(id);
    return name === undefined ? { id } : { id, name };
  });
  return {
    ...report,
    roles: roles ?? [],
    rolesRead: roles !== undefined,
    problems: reader.problems,
    warnings: reader.warnings,
    endpoints: predictEndpoints(roles, environments, claims.authorizationModel, claims.organizationId),
  };
}

function targetEnvironments(options: WhoamiOptions, roles: HeldRole[], tokenEnvironment: string | undefined, listed: Environment[]): string[] {
  if (options.environmentIds !== undefined && options.environmentIds.length > 0) return [...new Set(options.environmentIds)];
  const ids = new Set<string>(tokenEnvironment === undefined ? [] : [tokenEnvironment]);
  for (const role of roles) if (role.scope.type === 'ENVIRONMENT') ids.add(role.scope.id);
  if (roles.some((role) => role.scope.type === 'ORGANIZATION')) for (const environment of listed) ids.add(environment.id);
  return [...ids];
}
