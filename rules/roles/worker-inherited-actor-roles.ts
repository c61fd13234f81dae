import { defineRule } from '../../src/engine/define-rule.js';
import { applicationRef, applicationsOf, whetherWorker } from '../../src/pingone/applications.js';
import { reportsIf } from '../../src/pingone/unknown-answers.js';
import { REFERENCES } from '../shared/references.js';
import { listNames } from '../shared/wording.js';
import { plural } from '../../src/wording.js';
import { creatorsCopiedBy, possibleCreatorsBySignature } from './worker-inherited-actor-roles/possible-creators.js';

export default defineRule({
  id: 'worker-inherited-actor-roles',
  meta: {
    title: 'Worker app roles look inherited from its creator',
    description: 'Require worker applications to hold roles chosen for them, not a copy of the roles of the admin or app that created them.',
    severity: 'medium',
    category: 'roles',
    tags: ['admin-roles', 'least-privilege', 'worker', 'assign-actor-roles'],
    requires: ['applications', 'applicationRoleAssignments', 'users', 'userRoleAssignments', 'groups', 'groupRoleAssignments', 'groupMembers', 'roles'],
    frameworks: { 'nist-800-53-r5': ['AC-6', 'AC-6(7)'], 'iso-27001-2022': ['A.5.18', 'A.8.2'], 'soc2-2017': ['CC6.3'], 'cis-v8.1': ['6.8'], 'pci-dss-4.0.1': ['7.2.5'] },
    options: {
      schema: {
        type: 'object',
        properties: { minimumAssignments: { type: 'integer', minimum: 1, description: 'Fewest role assignments a copy must have to count; one shared assignment is too common to mean anything.' } },
        additionalProperties: false,
      },
      defaults: { minimumAssignments: 2 },
    },
    docs: {
      frameworkRationale: 'Roles copied from a creator were never chosen for the worker, so its privileges were not reviewed.',
      rationale:
        'A worker app created through the API receives every role assignment of the actor that created it unless the request sends `"assignActorRoles": false` (the console starts workers with none, and the Terraform provider always sends false). The creator is usually a powerful admin or a bootstrap worker, so the new app silently gets organization-wide or cross-environment roles its job never needed, and Ping recommends turning the inheritance off. The API does not return `assignActorRoles` on reads, so the snapshot cannot show the flag; the rule reports it when a snapshot does carry it as true, and otherwise uses the one trace inheritance leaves: the app’s assignments (role, scope type and scope id) are exactly those of another admin user (direct, or direct plus group roles) or worker app created before it, with at least two assignments. That is a heuristic: two actors may have been given the same roles on purpose, and a creator whose roles changed since leaves no trace, hence medium precision.',
      remediation: [
        'Decide the least role the worker needs (for example Identity Data Admin scoped to one environment).',
        'Console: Applications > Applications > the worker app > Roles: remove the copied roles and grant only that one.',
        'API: `DELETE /environments/{envId}/applications/{appId}/roleAssignments/{roleAssignmentId}` for each copied assignment, then `POST` the needed one.',
        'When creating workers through the API, send `"assignActorRoles": false` in `POST /environments/{envId}/applications` and assign roles explicitly.',
      ],
      references: [
        REFERENCES.pingWorkerApplications,
        {
          title: 'PingOne: configuring roles for a worker application (API-created workers inherit the creator’s roles)',
          url: 'https://docs.pingidentity.com/pingone/applications/p1_configurerolesforworkerapplication.html',
        },
        REFERENCES.rfc9700PrivilegeRestriction,
      ],
      severityRationale:
        'Medium: the copied roles are usually broader than the app needs and often cross-environment, which widens what a leaked secret opens; the rule is a heuristic, so it stops short of high. Organization Admin or organization-wide Environment Admin among them are reported at high by their own rules.',
    },
    messages: {
      flaggedAtCreation: 'Worker app {{app}} was created with assignActorRoles true and holds {{count}} copied from its creator: keep only the roles its job needs.',
      identicalToActor: 'Worker app {{app}} holds exactly the same {{count}} as {{actors}}, which is what an API-created worker inherits from its creator: keep only the roles its job needs.',
    },
    precision: 'medium',
  },
  check(snapshot, { index, options, report, leaveUnjudged }) {
    const creators = possibleCreatorsBySignature(index);
    return applicationsOf(snapshot).flatMap((located) => {
      const { app } = located;
      const assignments = app._embedded?.roleAssignments ?? [];
      if (assignments.length < options.minimumAssignments) return [];
      const data = { app: app.name, count: plural(assignments.length, 'role assignment') };
      const resource = applicationRef(located);
      return reportsIf(whetherWorker(app), resource, leaveUnjudged, () => {
        if (app.assignActorRoles === true) return [report('flaggedAtCreation', data, { resource, pointer: '/assignActorRoles' })];
        const copied = creatorsCopiedBy(app, assignments, creators);
        if (copied.length === 0) return [];
        const actors = listNames(copied.map((creator) => creator.label));
        return [report('identicalToActor', { ...data, actors }, { resource, pointer: '/_embedded/roleAssignments' })];
      });
    });
  },
});
