import type { ApiApplication, ApiRole, ApiRoleAssignment, ApiUser } from './api-types.js';
import type { Dataset, DatasetCredential, DatasetEnvironment } from './dataset.js';

/** Who calls the API: the worker app itself (client_credentials) or the user who signed in to it. */
export type Actor = { kind: 'application'; id: string; environmentId: string } | { kind: 'user'; id: string; environmentId: string; clientId: string };

/** Lookups over a dataset, built once per simulator. */
export interface DatasetIndex {
  readonly dataset: Dataset;
  environment(id: string): DatasetEnvironment | undefined;
  /** ApiApplication ids are globally unique in PingOne, so no environment is needed. */
  application(id: string): { environment: DatasetEnvironment; application: ApiApplication } | undefined;
  user(id: string): { environment: DatasetEnvironment; user: ApiUser } | undefined;
  /** A built-in role or a custom role of any environment. */
  role(id: string): ApiRole | undefined;
  /** Environment id of a population, for POPULATION-scoped role assignments. */
  populationEnvironment(populationId: string): string | undefined;
  credential(clientId: string): DatasetCredential | undefined;
  /** The role assignments an actor holds: direct, and for a user also through its groups. */
  assignmentsOf(actor: Actor): ApiRoleAssignment[];
}

/** Builds the dataset's lookups once, when the simulator starts. */
export function indexDataset(dataset: Dataset): DatasetIndex {
  const environments = new Map(dataset.environments.map((entry) => [entry.environment.id, entry]));
  const applications = new Map<string, { environment: DatasetEnvironment; application: ApiApplication }>();
  const users = new Map<string, { environment: DatasetEnvironment; user: ApiUser }>();
  const roles = new Map<string, ApiRole>(dataset.roles.map((role) => [role.id, role]));
  const populations = new Map<string, string>();
  const assignmentsByAssignee = new Map<string, ApiRoleAssignment[]>();

  for (const environment of dataset.environments) {
    const envId = environment.environment.id;
    for (const application of environment.applications) applications.set(application.id, { environment, application });
    for (const user of environment.users) users.set(user.id, { environment, user });
    for (const role of environment.customRoles) roles.set(role.id, role);
    for (const population of environment.populations) populations.set(population.id, envId);
    for (const assignment of environment.roleAssignments) {
      const assignee = assigneeId(assignment);
      assignmentsByAssignee.set(assignee, [...(assignmentsByAssignee.get(assignee) ?? []), assignment]);
    }
  }
  const credentials = new Map(dataset.credentials.map((credential) => [credential.clientId, credential]));

  return {
    dataset,
    environment: (id) => environments.get(id),
    application: (id) => applications.get(id),
    user: (id) => users.get(id),
    role: (id) => roles.get(id),
    populationEnvironment: (id) => populations.get(id),
    credential: (clientId) => credentials.get(clientId),
    assignmentsOf(actor) {
      const direct = assignmentsByAssignee.get(actor.id) ?? [];
      if (actor.kind === 'application') return direct;
      const groupIds = users.get(actor.id)?.user.memberOfGroupIDs ?? [];
      return [...direct, ...groupIds.flatMap((groupId) => assignmentsByAssignee.get(groupId) ?? [])];
    },
  };
}

/** The id of whoever holds the assignment; a dataset error if it names none. */
function assigneeId(assignment: ApiRoleAssignment): string {
  const assignee = assignment.user ?? assignment.group ?? assignment.application ?? assignment.gateway;
  if (assignee === undefined) throw new Error(`role assignment ${assignment.id} names no assignee (user, group, application or gateway)`);
  return assignee.id;
}
