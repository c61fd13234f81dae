import type { Snapshot, SnapshotKind } from '../../src/snapshot/model.js';

/**
 * Where each snapshot kind lives in the model: a field read below a node records the node's kind.
 * `except` lists fields that do not depend on the kind's read (an environment's id is known from
 * the collection itself).
 */
interface Shape {
  kind?: SnapshotKind;
  except?: readonly string[];
  fields?: Readonly<Record<string, Shape>>;
  items?: Shape;
}

const assignments = (kind: SnapshotKind): Shape => ({ kind, items: { kind } });
const listOf = (kind: SnapshotKind, item: Shape = {}): Shape => ({ kind, items: { kind, ...item } });

const ENVIRONMENT: Shape = {
  fields: {
    // An unread environment is still collected under its id, named by it: id and name only label findings.
    environment: { kind: 'environments', except: ['id', 'name'] },
    applications: listOf('applications', {
      fields: {
        _embedded: {
          kind: 'applications',
          fields: {
            grants: assignments('applicationGrants'),
            signOnPolicyAssignments: assignments('applicationSignOnPolicyAssignments'),
            flowPolicyAssignments: assignments('applicationFlowPolicyAssignments'),
            roleAssignments: assignments('applicationRoleAssignments'),
          },
        },
      },
    }),
    users: listOf('users', {
      fields: { memberOfGroupIDs: { kind: 'groupMembers' }, _embedded: { kind: 'users', fields: { roleAssignments: assignments('userRoleAssignments') } } },
    }),
    groups: listOf('groups', { fields: { _embedded: { kind: 'groups', fields: { roleAssignments: assignments('groupRoleAssignments') } } } }),
    populations: listOf('populations'),
    signOnPolicies: listOf('signOnPolicies', { fields: { _embedded: { kind: 'signOnPolicies', fields: { actions: listOf('signOnPolicyActions') } } } }),
    roles: listOf('customRoles'),
    gateways: listOf('gateways', { fields: { _embedded: { kind: 'gateways', fields: { roleAssignments: assignments('gatewayRoleAssignments') } } } }),
    passwordPolicies: listOf('passwordPolicies'),
    deviceAuthenticationPolicies: listOf('deviceAuthenticationPolicies'),
    fido2Policies: listOf('fido2Policies'),
    identityProviders: listOf('identityProviders'),
    resources: listOf('resources', { fields: { _embedded: { kind: 'resources', fields: { scopes: listOf('resourceScopes') } } } }),
    keys: listOf('keys'),
    certificates: listOf('certificates'),
    subscriptions: listOf('subscriptions'),
    customDomains: listOf('customDomains'),
  },
};

const SNAPSHOT: Shape = { fields: { roles: listOf('roles'), environments: { items: ENVIRONMENT } } };

export interface RecordedSnapshot {
  /** A read-only view of the snapshot that records the kinds read through it; writing to it throws. */
  snapshot: Snapshot;
  /** Kinds read so far. */
  kinds: Set<SnapshotKind>;
  /** Runs `work` without recording (building the index, which reads everything); calls nest. */
  unrecorded<T>(work: () => T): T;
}

/** Wraps a snapshot so that a test can see which kinds a rule read, by the fields it touched. */
export function recordKindsRead(snapshot: Snapshot): RecordedSnapshot {
  const kinds = new Set<SnapshotKind>();
  let paused = false;
  const views = new WeakMap<object, object>();

  const view = <T>(value: T, shape: Shape): T => {
    if (typeof value !== 'object' || value === null) return value;
    const known = views.get(value);
    if (known !== undefined) return known as T;
    const real = value as Record<PropertyKey, unknown>;
    const refuse = (property: PropertyKey): never => {
      throw new TypeError(`A rule wrote to the snapshot (${String(property)}); rules only read it.`);
    };
    const proxy = new Proxy(Array.isArray(value) ? [] : {}, {
      get(_, property) {
        const child = typeof property === 'string' ? childShape(shape, property) : undefined;
        if (!paused && shape.kind !== undefined && typeof property === 'string' && !(shape.except ?? []).includes(property) && property !== 'length') {
          kinds.add(shape.kind);
        }
        // A kind with exceptions is read only when one of its other fields is.
        if (!paused && child?.kind !== undefined && child.except === undefined) kinds.add(child.kind);
        return view(real[property], child ?? {});
      },
      has: (_, property) => property in real,
      ownKeys: () => Reflect.ownKeys(real),
      getOwnPropertyDescriptor(target, property) {
        const descriptor = Reflect.getOwnPropertyDescriptor(real, property);
        if (descriptor === undefined) return undefined;
        const pinned = Reflect.getOwnPropertyDescriptor(target, property);
        return pinned?.configurable === false ? { ...pinned, value: descriptor.value } : { ...descriptor, configurable: true, writable: true };
      },
      getPrototypeOf: () => Reflect.getPrototypeOf(real),
      set: (_, property) => refuse(property),
      defineProperty: (_, property) => refuse(property),
      deleteProperty: (_, property) => refuse(property),
    });
    views.set(value, proxy);
    return proxy as T;
  };

  return {
    snapshot: view(snapshot, SNAPSHOT),
    kinds,
    unrecorded(work) {
      const was = paused;
      paused = true;
      try {
        return work();
      } finally {
        paused = was;
      }
    },
  };
}

function childShape(shape: Shape, property: string): Shape | undefined {
  if (shape.fields?.[property] !== undefined) return shape.fields[property];
  return /^\d+$/.test(property) ? shape.items : undefined;
}
