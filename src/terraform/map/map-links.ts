import type { EnvironmentSnapshot, ResourceType, RoleAssignment, SnapshotKind } from '../../snapshot/model.js';
import { MFA_NO_DEVICE_MODE_DEFAULT, ROLE_ASSIGNMENT_ACTORS, ROLE_SCOPE_ATTRIBUTES, SIGN_ON_ACTION_TYPES } from '../provider/resources.js';
import type { MappingState } from './mapping-state.js';
import type { ResourceReader } from './resource-reader.js';

type Parent = { id: string; _embedded?: Record<string, unknown[] | undefined> };

interface Link {
  /** Attribute naming the parent, its snapshot type and the array of the environment holding it. */
  parent: { attribute: string; type: ResourceType; array: keyof Omit<EnvironmentSnapshot, 'environment'> };
  /** `_embedded` array of the parent the child goes to, and the kind an unknown in it blinds. */
  embedded: string;
  kind: SnapshotKind;
  build(reader: ResourceReader, id: string, state: MappingState, environmentId: string): Record<string, unknown> & { id: string };
}

const APPLICATION = { attribute: 'application_id', type: 'application', array: 'applications' } as const;

/** A sign-on or flow policy assignment: the policy by id and a priority (1 when left out: the first). */
function policyAssignment(embedded: string, kind: SnapshotKind, field: 'signOnPolicy' | 'flowPolicy', attribute: string): Link {
  return {
    parent: APPLICATION,
    embedded,
    kind,
    build: (reader, id, state, environmentId) => ({
      id,
      environment: { id: environmentId },
      [field]: { id: state.ref(reader.string([attribute], `/${field}/id`) ?? '') },
      priority: reader.number(['priority'], '/priority') ?? 1,
    }),
  };
}

const LINKS: Readonly<Record<string, Link>> = {
  pingone_resource_scope: {
    parent: { attribute: 'resource_id', type: 'resource', array: 'resources' },
    embedded: 'scopes',
    kind: 'resourceScopes',
    build: (reader, id, state) => ({ id, name: reader.string(['name'], '/name') ?? reader.resource.address, resource: { id: state.ref(reader.string(['resource_id']) ?? '') } }),
  },
  pingone_sign_on_policy_action: {
    parent: { attribute: 'sign_on_policy_id', type: 'signOnPolicy', array: 'signOnPolicies' },
    embedded: 'actions',
    kind: 'signOnPolicyActions',
    build: buildSignOnAction,
  },
  pingone_application_resource_grant: { parent: APPLICATION, embedded: 'grants', kind: 'applicationGrants', build: buildGrant },
  pingone_application_sign_on_policy_assignment: policyAssignment('signOnPolicyAssignments', 'applicationSignOnPolicyAssignments', 'signOnPolicy', 'sign_on_policy_id'),
  pingone_application_flow_policy_assignment: policyAssignment('flowPolicyAssignments', 'applicationFlowPolicyAssignments', 'flowPolicy', 'flow_policy_id'),
};

const ACTOR_PARENTS = {
  application: { parent: APPLICATION, kind: 'applicationRoleAssignments' },
  group: { parent: { attribute: 'group_id', type: 'group', array: 'groups' }, kind: 'groupRoleAssignments' },
  user: { parent: { attribute: 'user_id', type: 'user', array: 'users' }, kind: 'userRoleAssignments' },
  gateway: { parent: { attribute: 'gateway_id', type: 'gateway', array: 'gateways' }, kind: 'gatewayRoleAssignments' },
} as const;

const idAt = (value: unknown, field: string): string => String((value as Record<string, { id?: unknown } | undefined>)[field]?.id);

/** What makes two children of one parent the same thing, whatever their ids. */
const IDENTITY: Readonly<Record<string, (child: Record<string, unknown>) => string>> = {
  scopes: (child) => String(child.name),
  actions: (child) => String(child.priority),
  grants: (child) => idAt(child, 'resource'),
  signOnPolicyAssignments: (child) => idAt(child, 'signOnPolicy'),
  flowPolicyAssignments: (child) => idAt(child, 'flowPolicy'),
  roleAssignments: (child) => `${idAt(child, 'role')} ${String((child.scope as { type?: unknown } | undefined)?.type)} ${idAt(child, 'scope')}`,
};

/** Whether the provider resource type attaches to another resource (a grant to its application, an action to its policy). */
export const isLink = (type: string): boolean => type in LINKS || type in ROLE_ASSIGNMENT_ACTORS;

/**
 * Attaches a child resource under its parent's `_embedded`, where the collector puts what it read
 * about that parent. A parent neither declared nor in the live snapshot is a warning: the child
 * cannot be judged, and the environment's rules that read that kind are not evaluated.
 */
export function mapLink(state: MappingState, reader: ResourceReader, environmentId: string): void {
  const { type } = reader.resource;
  const actor = ROLE_ASSIGNMENT_ACTORS[type];
  const link: Link = actor === undefined ? LINKS[type]! : { ...ACTOR_PARENTS[actor.actor], embedded: 'roleAssignments', build: buildRoleAssignment(actor.actor) };
  const parentId = reader.string([link.parent.attribute]);
  const env = state.environment(environmentId);
  const parents = env[link.parent.array] as unknown as Parent[];
  const parent = parentId === undefined ? undefined : parents[state.indexOf(parents, state.ref(parentId))];
  if (parent === undefined) {
    const what = parentId === undefined ? `an unknown ${link.parent.attribute}` : `${link.parent.type} ${JSON.stringify(parentId)}, which is neither in this configuration nor in the live snapshot`;
    state.warnings.push(`${reader.resource.address} refers to ${what}: it is not audited, and the rules that read it are not evaluated in environment ${environmentId}.`);
    state.notEvaluated.push({
      address: reader.resource.address,
      attribute: link.parent.attribute,
      expression: parentId ?? reader.unresolved[0]?.expression ?? link.parent.attribute,
      reason: parentId === undefined ? (reader.unresolved[0]?.reason ?? 'not set') : 'not declared',
      span: reader.resource.span,
      kind: link.kind,
      resource: { type: link.parent.type, id: parentId ?? `unknown ${reader.resource.address}` },
      environmentId,
      ...(parentId === undefined ? { parentUnknown: true as const } : {}),
    });
    return;
  }
  const child = link.build(reader, state.idOf(reader.resource), state, environmentId);
  if (link.parent === APPLICATION) child.application = { id: parent.id };
  parent._embedded ??= {};
  const siblings = (parent._embedded[link.embedded] ??= []) as Array<Record<string, unknown>>;
  // Over a live snapshot the same assignment may already be there (applied before): declared once, counted once.
  const key = IDENTITY[link.embedded]!;
  const same = siblings.findIndex((sibling) => key(sibling) === key(child));
  const index = same === -1 ? siblings.push(child) - 1 : same;
  siblings[index] = child;
  state.place(reader, { type: link.parent.type, id: parent.id, environmentId, prefix: `/_embedded/${link.embedded}/${index}`, kind: link.kind });
}

function buildSignOnAction(reader: ResourceReader, id: string, state: MappingState) {
  const block = Object.keys(SIGN_ON_ACTION_TYPES).find((name) => reader.has([name]));
  const action: Record<string, unknown> & { id: string } = {
    id,
    type: block === undefined ? 'UNKNOWN' : SIGN_ON_ACTION_TYPES[block]!,
    priority: reader.number(['priority'], '/priority') ?? 1,
    signOnPolicy: { id: state.ref(reader.string(['sign_on_policy_id']) ?? '') },
  };
  if (block !== undefined) reader.at('/type', [block]);
  if (block === 'mfa') {
    action.noDevicesMode = reader.string(['mfa', 'no_device_mode'], '/noDevicesMode') ?? MFA_NO_DEVICE_MODE_DEFAULT;
    const policy = reader.string(['mfa', 'device_sign_on_policy_id'], '/deviceAuthenticationPolicy/id');
    if (policy !== undefined) action.deviceAuthenticationPolicy = { id: state.ref(policy) };
  }
  return action;
}

function buildGrant(reader: ResourceReader, id: string, state: MappingState) {
  // v1.0.0 (#863): resource_type + custom_resource_id and scope ids; earlier: resource_id or resource_name, scope_names.
  const resource =
    reader.string(['custom_resource_id'], '/resource/id') ??
    reader.string(['resource_id'], '/resource/id') ??
    reader.string(['resource_type'], '/resource/id') ??
    reader.string(['resource_name'], '/resource/id');
  const scopes = reader.strings(['scopes'], '/scopes') ?? reader.strings(['scope_names'], '/scopes') ?? [];
  return { id, resource: { id: state.ref(resource ?? '') }, scopes: scopes.map((scope) => ({ id: state.ref(scope) })) };
}

function buildRoleAssignment(actor: keyof typeof ACTOR_PARENTS) {
  return (reader: ResourceReader, id: string, state: MappingState, environmentId: string): RoleAssignment & Record<string, unknown> => {
    const scopeAttribute = Object.keys(ROLE_SCOPE_ATTRIBUTES).find((name) => reader.has([name]));
    const scopeId = scopeAttribute === undefined ? undefined : reader.string([scopeAttribute], '/scope/id');
    if (scopeAttribute !== undefined) reader.at('/scope', [scopeAttribute]);
    const assignment: RoleAssignment & Record<string, unknown> = {
      id,
      role: { id: state.ref(reader.string(['role_id'], '/role/id') ?? '') },
      scope: { id: state.ref(scopeId ?? ''), type: scopeAttribute === undefined ? 'UNKNOWN' : ROLE_SCOPE_ATTRIBUTES[scopeAttribute]! },
      environment: { id: environmentId },
    };
    if (actor !== 'application') assignment[actor] = { id: state.ref(reader.string([ACTOR_PARENTS[actor].parent.attribute]) ?? '') };
    return assignment;
  };
}
