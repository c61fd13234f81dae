import { randomBytes } from 'node:crypto';
import { insufficientPermissions, notFound } from './api-errors.js';
import { holdsAnyRole, visibleEnvironmentIds } from './permissions.js';
import { filtered, present } from './resource-views.js';
import type { Resource, Route, RouteContext, RouteResult } from './route-types.js';

function presentEnvironment(context: RouteContext, environmentId: string): Resource | undefined {
  const entry = context.index.environment(environmentId);
  if (entry === undefined) return undefined;
  const organizationId = context.index.dataset.organization.id;
  return present({ ...entry.environment, organization: { id: organizationId } }, context, `/environments/${environmentId}`, undefined, {
    organization: { href: context.href(`/organizations/${organizationId}`) },
  });
}

/** Organization-wide reads need some admin role; PingOne answers 403 to an actor with none. */
function withAnyRole(context: RouteContext, answer: () => RouteResult): RouteResult {
  return holdsAnyRole(context.index, context.actor) ? answer() : { error: insufficientPermissions() };
}

/** The routes outside the environment collections: environments, organizations, built-in roles, and the application secret trap. */
export const organizationRoutes: Route[] = [
  {
    pattern: '/environments',
    resolve: (context) =>
      withAnyRole(context, () => {
        const visible = visibleEnvironmentIds(context.index, context.actor);
        const environments = context.index.dataset.environments
          .filter(({ environment }) => visible.has(environment.id))
          .map(({ environment }) => ({ ...environment, organization: { id: context.index.dataset.organization.id } }));
        const selected = filtered(environments, context, ['id', 'name', 'organization.id', 'license.id', 'status', 'type']);
        if ('error' in selected) return selected;
        const items = selected.items.flatMap<Resource>((environment) => presentEnvironment(context, environment.id) ?? []);
        return { list: 'environments', items, paged: 'environments' };
      }),
  },
  {
    // The dispatcher has already answered 403 for an unknown environment, as PingOne does.
    pattern: '/environments/{envId}',
    resolve(context) {
      const envId = context.params.envId ?? '';
      if (!visibleEnvironmentIds(context.index, context.actor).has(envId)) return { error: insufficientPermissions() };
      const body = presentEnvironment(context, envId);
      return body === undefined ? { error: notFound() } : { item: body };
    },
  },
  {
    pattern: '/organizations',
    resolve: (context) =>
      withAnyRole(context, () => {
        const { organization } = context.index.dataset;
        return { list: 'organizations', items: [present(organization, context, `/organizations/${organization.id}`)], paged: 'organizations' };
      }),
  },
  {
    pattern: '/organizations/{orgId}',
    resolve: (context) =>
      withAnyRole(context, () => {
        const { organization } = context.index.dataset;
        if (context.params.orgId !== organization.id) return { error: notFound() };
        return { item: present(organization, context, `/organizations/${organization.id}`) };
      }),
  },
  {
    pattern: '/roles',
    resolve: (context) => withAnyRole(context, () => ({ list: 'roles', items: context.index.dataset.roles.map((role) => present(role, context, `/roles/${role.id}`)) })),
  },
  {
    pattern: '/roles/{roleId}',
    resolve: (context) =>
      withAnyRole(context, () => {
        const role = context.index.dataset.roles.find((candidate) => candidate.id === context.params.roleId);
        return role === undefined ? { error: notFound() } : { item: present(role, context, `/roles/${role.id}`) };
      }),
  },
  {
    // Exists so that a collector that calls it is caught (the request log flags it). The secret is
    // made up per call: the dataset's credentials never leave the simulator.
    pattern: '/environments/{envId}/applications/{appId}/secret',
    area: 'applicationSecrets',
    secret: true,
    resolve(context) {
      const envId = context.params.envId ?? '';
      const found = context.index.application(context.params.appId ?? '');
      if (found === undefined || found.environment.environment.id !== envId) return { error: notFound() };
      if (context.actor.id === found.application.id) {
        return { error: insufficientPermissions('A worker application cannot read its own client secret.') };
      }
      const path = `/environments/${envId}/applications/${found.application.id}/secret`;
      return { item: present({ secret: randomBytes(48).toString('base64url') }, context, path, envId) };
    },
  },
];
