import rule from '../../rules/roles/actor-organization-admin.js';
import type { Gateway } from '../../src/snapshot/model.js';
import { testRule } from '../helpers/rule-tester.js';
import { ORG_ID, assignment, buildSnapshot, user, workerApp } from '../helpers/snapshot-builder.js';

const orgScope = { type: 'ORGANIZATION' as const, id: ORG_ID };
const gateway = (roles: ReturnType<typeof assignment>[]): Gateway => ({ id: 'gw-pf', name: 'PingFederate', type: 'PING_FEDERATE', _embedded: { roleAssignments: roles } });

testRule(
  rule,
  {
    valid: [
      { name: 'a worker with an environment-scoped role', snapshot: buildSnapshot({ environments: [{ applications: [workerApp()] }] }) },
      {
        name: 'a user holding Organization Admin is not a machine actor',
        snapshot: buildSnapshot({ environments: [{ users: [user({ _embedded: { roleAssignments: [assignment('Organization Admin', orgScope)] } })] }] }),
      },
      {
        name: 'a custom role named like it is not the built-in role',
        snapshot: buildSnapshot({
          environments: [
            {
              applications: [workerApp({ _embedded: { roleAssignments: [{ id: 'ra-c', role: { id: 'role-fake' }, scope: orgScope }] } })],
              roles: [{ id: 'role-fake', name: 'Organization Admin', type: 'CUSTOM' }],
            },
          ],
        }),
      },
    ],
    invalid: [
      {
        name: 'a worker app with Organization Admin: points at the assignment',
        snapshot: buildSnapshot({ environments: [{ applications: [workerApp({ _embedded: { roleAssignments: [assignment('Identity Data Admin'), assignment('Organization Admin', orgScope)] } })] }] }),
        errors: [
          {
            messageId: 'organizationAdmin',
            resource: { type: 'application', id: 'app-worker' },
            pointer: '/_embedded/roleAssignments/1',
            data: { actor: 'worker app Worker', environment: 'Production' },
          },
        ],
      },
      {
        name: 'a gateway with Organization Admin',
        snapshot: buildSnapshot({ environments: [{ gateways: [gateway([assignment('Organization Admin', orgScope)])] }] }),
        errors: [{ messageId: 'organizationAdmin', resource: { type: 'gateway', id: 'gw-pf' }, pointer: '/_embedded/roleAssignments/0', data: { actor: 'gateway PingFederate' } }],
      },
    ],
  },
  {
    customRoles: 'a custom role is read only to tell it from the built-in role of the same name; unread, it is unknown and never reported',
  },
);
