import { resourceFile } from '../../snapshot/layout.js';
import type { EnvironmentSnapshot, ResourceType, Snapshot, SnapshotKind } from '../../snapshot/model.js';
import { placeholderAddress, placeholderId, type TfResource } from '../model.js';
import { ProvenanceTable } from './provenance.js';
import type { ResourceReader, UnresolvedValue } from './resource-reader.js';

/** An unknown value a rule needed, and which snapshot data it leaves unjudged. */
export interface NotEvaluatedValue extends UnresolvedValue {
  /** The snapshot kind whose rules cannot judge `resource`. */
  kind: SnapshotKind;
  resource: { type: ResourceType; id: string };
  environmentId: string;
  /** The value is the id of the parent it attaches to: it may belong to any resource of the environment, so the whole kind is unknown there. */
  parentUnknown?: true;
}

/** Where a mapped object lands: its snapshot file, the pointer of the object in it, and what an unknown in it blinds. */
export interface Placement {
  type: ResourceType;
  id: string;
  environmentId: string;
  /** Pointer of the object in the file ("" for the resource itself, `/_embedded/grants/2` for a grant). */
  prefix: string;
  kind: SnapshotKind;
}

/** The snapshot being built, with its provenance and what could not be evaluated. */
export class MappingState {
  readonly environments = new Map<string, EnvironmentSnapshot>();
  /** Environments whose type no declared `pingone_environment` (nor a live snapshot) gives. */
  readonly environmentsWithoutType = new Set<string>();
  readonly provenance = new ProvenanceTable();
  readonly notEvaluated: NotEvaluatedValue[] = [];
  readonly warnings: string[] = [];
  /** `kind` + NUL + environment id of every kind the configuration declares a resource of. */
  readonly declared = new Set<string>();

  /** Environments of the live snapshot the configuration is laid over. */
  readonly liveEnvironmentIds = new Set<string>();

  /**
   * @param ids resource address → the id it has in the live snapshot or the plan; others get `tf:<address>`.
   * @param live the live snapshot to lay the configuration over: its environments are the starting point.
   */
  constructor(
    private readonly ids: ReadonlyMap<string, string> = new Map(),
    live?: Snapshot,
  ) {
    for (const env of live?.environments ?? []) {
      this.environments.set(env.environment.id, structuredClone(env));
      this.liveEnvironmentIds.add(env.environment.id);
    }
  }

  idOf(resource: TfResource): string {
    return this.ids.get(resource.address) ?? placeholderId(resource.address);
  }

  /** A reference as h18a's evaluator writes it (`tf:<address>`), translated to the live id when the overlay knows one. */
  ref(value: string): string {
    const address = placeholderAddress(value);
    return address === undefined ? value : (this.ids.get(address) ?? value);
  }

  environment(id: string): EnvironmentSnapshot {
    let env = this.environments.get(id);
    if (env === undefined) {
      env = emptyEnvironment(id);
      this.environments.set(id, env);
      this.environmentsWithoutType.add(id);
    }
    return env;
  }

  /** Each resource array's ids → positions, so that placing 100,000 resources does not search the array each time. */
  private readonly positions = new WeakMap<ReadonlyArray<{ id: string }>, Map<string, number>>();

  /** Position of the first item with `id` in `array` (an environment's resource array), or -1. */
  indexOf(array: ReadonlyArray<{ id: string }>, id: string): number {
    let positions = this.positions.get(array);
    if (positions === undefined) {
      positions = new Map();
      for (const [at, item] of array.entries()) if (!positions.has(item.id)) positions.set(item.id, at);
      this.positions.set(array, positions);
    }
    return positions.get(id) ?? -1;
  }

  /** Appends `item` to `array`, keeping {@link indexOf} current: arrays grow only through here. */
  append<T extends { id: string }>(array: T[], item: T): void {
    if (this.indexOf(array, item.id) === -1) this.positions.get(array)!.set(item.id, array.length);
    array.push(item);
  }

  /** Records where the object read by `reader` came from, and its unknowns as not evaluated for `placement`. */
  place(reader: ResourceReader, placement: Placement): void {
    const file = resourceFile(placement.type, placement.environmentId, placement.id);
    const { address, span } = reader.resource;
    this.declared.add(declaredKey(placement.kind, placement.environmentId));
    this.provenance.record(file, placement.prefix, { span, address });
    for (const [pointer, where] of reader.spans) this.provenance.record(file, `${placement.prefix}${pointer}`, { span: where, address });
    for (const value of reader.unresolved) {
      this.notEvaluated.push({ ...value, kind: placement.kind, resource: { type: placement.type, id: placement.id }, environmentId: placement.environmentId });
    }
  }
}

/** Key of {@link MappingState.declared}. */
export const declaredKey = (kind: SnapshotKind, environmentId: string): string => `${kind}\u0000${environmentId}`;

function emptyEnvironment(id: string): EnvironmentSnapshot {
  return {
    environment: { id, name: id },
    applications: [],
    users: [],
    groups: [],
    populations: [],
    signOnPolicies: [],
    roles: [],
    gateways: [],
    passwordPolicies: [],
    deviceAuthenticationPolicies: [],
    fido2Policies: [],
    identityProviders: [],
    resources: [],
    keys: [],
    certificates: [],
    subscriptions: [],
    customDomains: [],
  };
}
