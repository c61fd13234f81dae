import type { Application, ApplicationResourceGrant, FlowPolicyAssignment, RoleAssignment, SignOnPolicyAssignment } from '../snapshot/model.js';
import { apiPath } from './api-path.js';
import { attachChildren, failDependents, readChildren, readCollection, type CollectContext } from './collect-context.js';

/**
 * Applications with their grants, sign-on policy assignments and DaVinci flow policy assignments,
 * and the admin role assignments of the WORKER apps (only workers can hold admin roles). The list
 * already carries every field, so no per-application GET is made. A failed read of one app's
 * sub-collection names that app, so only its data is unknown.
 */
export async function collectApplications(context: CollectContext, environmentId: string): Promise<Application[]> {
  const applications = await readCollection<Application>(context, 'applications', environmentId, () => apiPath`/environments/${environmentId}/applications`, 'applications');
  if (applications === undefined) {
    const dependents = ['applicationGrants', 'applicationSignOnPolicyAssignments', 'applicationFlowPolicyAssignments', 'applicationRoleAssignments'] as const;
    failDependents(context, dependents, environmentId, 'applications');
    return [];
  }
  const workers = applications.filter((application) => application.type === 'WORKER');
  const perApplication = { parentType: 'application' } as const;
  const base = (app: Application) => apiPath`/environments/${environmentId}/applications/${app.id}`;
  const [grants, policyAssignments, flowAssignments, roleAssignments] = await Promise.all([
    readChildren<Application, ApplicationResourceGrant>(context, 'applicationGrants', environmentId, applications, (app) => `${base(app)}/grants`, 'grants', perApplication),
    readChildren<Application, SignOnPolicyAssignment>(
      context,
      'applicationSignOnPolicyAssignments',
      environmentId,
      applications,
      (app) => `${base(app)}/signOnPolicyAssignments`,
      'signOnPolicyAssignments',
      perApplication,
    ),
    readChildren<Application, FlowPolicyAssignment>(
      context,
      'applicationFlowPolicyAssignments',
      environmentId,
      applications,
      (app) => `${base(app)}/flowPolicyAssignments`,
      'flowPolicyAssignments',
      perApplication,
    ),
    readChildren<Application, RoleAssignment>(context, 'applicationRoleAssignments', environmentId, workers, (app) => `${base(app)}/roleAssignments`, 'roleAssignments', perApplication),
  ]);
  context.progress({ phase: 'applications', environmentId, done: applications.length, total: applications.length });
  const withPolicies = attachChildren(attachChildren(applications, 'grants', grants), 'signOnPolicyAssignments', policyAssignments);
  return attachChildren(attachChildren(withPolicies, 'flowPolicyAssignments', flowAssignments), 'roleAssignments', roleAssignments);
}
