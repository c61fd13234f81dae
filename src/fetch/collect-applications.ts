import type { Application, ApplicationResourceGrant, RoleAssignment, SignOnPolicyAssignment } from '../snapshot/model.js';
import { apiPath } from './api-path.js';
import { attachChildren, failDependents, readChildren, readCollection, type CollectContext } from './collect-context.js';

/**
 * Applications with their grants and sign-on policy assignments, and the admin role assignments of
 * the WORKER apps (only workers can hold admin roles). The list already carries every field, so no
 * per-application GET is made.
 */
export async function collectApplications(context: CollectContext, environmentId: string): Promise<Application[]> {
  const applications = await readCollection<Application>(context, 'applications', environmentId, () => apiPath`/environments/${environmentId}/applications`, 'applications');
  if (applications === undefined) {
    failDependents(context, ['applicationGrants', 'applicationSignOnPolicyAssignments', 'applicationRoleAssignments'], environmentId, 'applications');
    return [];
  }
  const workers = applications.filter((application) => application.type === 'WORKER');
  const [grants, policyAssignments, roleAssignments] = await Promise.all([
    readChildren<Application, ApplicationResourceGrant>(context, 'applicationGrants', environmentId, applications, (app) => apiPath`/environments/${environmentId}/applications/${app.id}/grants`, 'grants'),
    readChildren<Application, SignOnPolicyAssignment>(
      context,
      'applicationSignOnPolicyAssignments',
      environmentId,
      applications,
      (app) => apiPath`/environments/${environmentId}/applications/${app.id}/signOnPolicyAssignments`,
      'signOnPolicyAssignments',
    ),
    readChildren<Application, RoleAssignment>(context, 'applicationRoleAssignments', environmentId, workers, (app) => apiPath`/environments/${environmentId}/applications/${app.id}/roleAssignments`, 'roleAssignments'),
  ]);
  context.progress({ phase: 'applications', environmentId, done: applications.length, total: applications.length });
  const withGrants = attachChildren(applications, 'grants', grants);
  return attachChildren(attachChildren(withGrants, 'signOnPolicyAssignments', policyAssignments), 'roleAssignments', roleAssignments);
}
