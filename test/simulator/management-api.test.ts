import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, RunningSimulator } from '../../src/simulator/index.js';
import { startSimulator } from '../../src/simulator/index.js';
import { apiGet, applicationNamed, demoDataset, environmentNamed, workerToken } from './simulator-client.js';

let dataset: Dataset;
let simulator: RunningSimulator;
let token: string;
let production: string;

beforeAll(async () => {
  dataset = demoDataset();
  simulator = await startSimulator({ dataset, pageSize: { users: 7 } });
  token = await workerToken(simulator, dataset, 'pingone-audit');
  production = environmentNamed(dataset, 'Production').environment.id;
});
afterAll(() => simulator.close());

describe('management API', () => {
  it('answers every method but GET with 405', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await fetch(`${simulator.apiUrl}/environments`, { method, headers: { authorization: `Bearer ${token}` } });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
    }
  });

  it('requires a bearer token', async () => {
    const response = await fetch(`${simulator.apiUrl}/environments`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'ACCESS_FAILED', details: [{ code: 'INVALID_TOKEN' }] });
  });

  it('answers 403 for an unknown environment and 404 for other unknown ids', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const environment = await apiGet(simulator, token, `/environments/${missing}/applications`);
    expect(environment.status).toBe(403);
    expect(environment.body).toMatchObject({ code: 'ACCESS_FAILED' });
    const application = await apiGet(simulator, token, `/environments/${production}/applications/${missing}`);
    expect(application.status).toBe(404);
    expect(application.body).toMatchObject({ code: 'NOT_FOUND' });
    expect((await apiGet(simulator, token, '/nothing/here')).status).toBe(404);
  });

  it('serves HAL lists with absolute links, _embedded, size and count', async () => {
    const { status, body, headers } = await apiGet(simulator, token, `/environments/${production}/applications`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('application/hal+json');
    const apps = environmentNamed(dataset, 'Production').applications;
    expect(body._links.self.href).toBe(`${simulator.apiUrl}/environments/${production}/applications`);
    expect(body._embedded.applications).toHaveLength(apps.length);
    expect(body.size).toBe(apps.length);
    expect(body.count).toBe(apps.length);
    const first = body._embedded.applications[0];
    expect(first._links.self.href).toBe(`${simulator.apiUrl}/environments/${production}/applications/${first.id}`);
    expect(first.environment).toEqual({ id: production });
  });

  it('pages users with cursors, honours limit up to the cap, and ends without next', async () => {
    const users = environmentNamed(dataset, 'Production').users;
    const seen: string[] = [];
    let next: string | undefined = `/environments/${production}/users?limit=50`;
    let pages = 0;
    while (next !== undefined) {
      const page = await apiGet(simulator, token, next);
      expect(page.status).toBe(200);
      expect(page.body.size).toBeLessThanOrEqual(7);
      expect(page.body.count).toBe(users.length);
      seen.push(...page.body._embedded.users.map((user: { id: string }) => user.id));
      next = page.body._links.next?.href;
      if (next !== undefined) expect(next).toMatch(new RegExp(`^${simulator.apiUrl}/.*[?&]cursor=`));
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(users.length / 7));
    expect(seen).toEqual(users.map((user) => user.id));

    const small = await apiGet(simulator, token, `/environments/${production}/users?limit=3`);
    expect(small.body.size).toBe(3);
    expect(new URL(small.body._links.next.href).searchParams.get('limit')).toBe('3');
    const second = await apiGet(simulator, token, small.body._links.next.href);
    expect(second.body._links.prev).toBeDefined();
  });

  it('refuses a bad limit or a cursor from another collection with 400', async () => {
    expect((await apiGet(simulator, token, `/environments/${production}/users?limit=0`)).status).toBe(400);
    const groups = await apiGet(simulator, token, `/environments/${production}/users?limit=1`);
    const cursor = new URL(groups.body._links.next.href).searchParams.get('cursor');
    const wrong = await apiGet(simulator, token, `/environments/${production}/groups?cursor=${cursor}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'INVALID_DATA', details: [{ target: 'cursor' }] });
  });

  it('filters users by group membership and leaves memberships out unless included', async () => {
    const env = environmentNamed(dataset, 'Production');
    const group = env.groups.find((candidate) => candidate.name === 'Support Agents')!;
    const filter = encodeURIComponent(`memberOfGroups[id eq "${group.id}"]`);
    const { body } = await apiGet(simulator, token, `/environments/${production}/users?filter=${filter}`);
    const expected = env.users.filter((user) => user.memberOfGroupIDs?.includes(group.id)).map((user) => user.id);
    expect(expected.length).toBeGreaterThan(1);
    expect(body._embedded.users.map((user: { id: string }) => user.id)).toEqual(expected);
    expect(body._embedded.users[0].memberOfGroupIDs).toBeUndefined();

    const single = await apiGet(simulator, token, `/environments/${production}/users/${expected[0]}?include=memberOfGroupIDs`);
    expect(single.body.memberOfGroupIDs).toEqual([group.id]);
    const bad = await apiGet(simulator, token, `/environments/${production}/users?filter=${encodeURIComponent('password eq "x"')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].code).toBe('INVALID_FILTER');
  });

  it('filters environments by id', async () => {
    const { body } = await apiGet(simulator, token, `/environments?filter=${encodeURIComponent(`id eq "${production}"`)}`);
    expect(body._embedded.environments.map((env: { id: string }) => env.id)).toEqual([production]);
  });

  it('serves role assignments with expand=role and without the assignee field', async () => {
    const env = environmentNamed(dataset, 'Production');
    const ivy = env.users.find((user) => user.username === 'ivy.moreau')!;
    const { body } = await apiGet(simulator, token, `/environments/${production}/users/${ivy.id}/roleAssignments?expand=role`);
    const [assignment] = body._embedded.roleAssignments;
    expect(assignment.user).toBeUndefined();
    expect(assignment.scope).toEqual({ id: production, type: 'ENVIRONMENT' });
    expect(assignment._embedded.role.name).toBe('Identity Data Admin');
    expect(assignment.readOnly).toBe(true);
  });

  it('serves memberships, sign-on policy actions, grants and gateway role assignments', async () => {
    const env = environmentNamed(dataset, 'Production');
    const priya = env.users.find((user) => user.username === 'priya.raman')!;
    const memberships = await apiGet(simulator, token, `/environments/${production}/users/${priya.id}/memberOfGroups`);
    expect(memberships.body._embedded.groupMemberships).toMatchObject([{ name: 'Integration Admins', type: 'DIRECT' }]);
    const multi = env.signOnPolicies.find((policy) => policy.name === 'Multi_Factor')!;
    const actions = await apiGet(simulator, token, `/environments/${production}/signOnPolicies/${multi.id}/actions`);
    expect(actions.body._embedded.actions.map((action: { type: string }) => action.type)).toEqual(['LOGIN', 'MULTI_FACTOR_AUTHENTICATION']);
    const portal = applicationNamed(dataset, 'Customer Portal');
    const grants = await apiGet(simulator, token, `/environments/${production}/applications/${portal.id}/grants`);
    expect(grants.body._embedded.grants).toHaveLength(1);
    const gateway = env.gateways[0]!;
    const gatewayRoles = await apiGet(simulator, token, `/environments/${production}/gateways/${gateway.id}/roleAssignments`);
    expect(gatewayRoles.body._embedded.roleAssignments[0].gateway).toEqual({ id: gateway.id });
    const customRoles = await apiGet(simulator, token, `/environments/${production}/roles?filter=${encodeURIComponent('type eq "CUSTOM"')}`);
    expect(customRoles.body._embedded.roles.map((role: { name: string }) => role.name)).toEqual(['Audit Reader']);
  });

  it('answers a secret read with 403 for a read-only auditor and flags it in the log', async () => {
    const app = applicationNamed(dataset, 'PingDataSync');
    const { status, body } = await apiGet(simulator, token, `/environments/${production}/applications/${app.id}/secret`);
    expect(status).toBe(403);
    expect(body).toMatchObject({ code: 'ACCESS_FAILED', details: [{ code: 'INSUFFICIENT_PERMISSIONS' }] });
    const entry = simulator.requestLog.find((logged) => logged.path.endsWith('/secret'));
    expect(entry).toMatchObject({ secretRead: true, status: 403 });
    expect(simulator.requestLog.filter((logged) => logged.secretRead === true)).toHaveLength(1);
  });
});
