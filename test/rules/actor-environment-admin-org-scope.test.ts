import rule from '../../rules/roles/actor-environment-admin-org-scope.js';
import type { Gateway } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { ADMIN_ENV_ID, ORG_ID, assignment, buildSnapshot, user, workerApp } from '../helpers/snapshot-builder.js';

const orgScope = { type: 'ORGANIZATION' as const, id: ORG_ID };
const workerWith = (...roles: ReturnType<typeof assignment>[]) => workerApp({ _embedded: { roleAssignments: roles } });
const gateway = (roles: ReturnType<typeof assignment>[]): Gateway => ({ id: 'gw-pf', name: 'PingFederate', type: 'PING_FEDERATE', _embedded: { roleAssignments: roles } });

testRule(rule, {
  valid: [
    { name: 'Environment Admin scoped to one environment', snapshot: buildSnapshot({ environments: [{ applications: [workerWith(assignment('Environment Admin'))] }] }) },
    { name: 'Organization Admin is another rule’s business', snapshot: buildSnapshot({ environments: [{ applications: [workerWith(assignment('Organization Admin', orgScope))] }] }) },
    { name: 'an admin user at organization scope', snapshot: buildSnapshot({ environments: [{ users: [user({ _embedded: { roleAssignments: [assignment('Environment Admin', orgScope)] } })] }] }) },
  ],
  invalid: [
    {
      name: 'a bootstrap worker in the administrators environment (Ping’s getting-started shape)',
      snapshot: buildSnapshot({
        environments: [{ id: ADMIN_ENV_ID, name: 'Administrators', applications: [workerWith(assignment('Organization Admin', orgScope), assignment('Environment Admin', orgScope))] }],
      }),
      errors: [{ messageId: 'organizationScope', resource: { type: 'application', id: 'app-worker' }, pointer: '/_embedded/roleAssignments/1', data: { environment: 'Administrators' } }],
    },
    {
      name: 'a gateway at organization scope',
      snapshot: buildSnapshot({ environments: [{ gateways: [gateway([assignment('Environment Admin'), assignment('Environment Admin', orgScope)])] }] }),
      errors: [{ messageId: 'organizationScope', resource: { type: 'gateway', id: 'gw-pf' }, pointer: '/_embedded/roleAssignments/1', data: { actor: 'gateway PingFederate' } }],
    },
  ],
});
