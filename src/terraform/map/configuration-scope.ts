import type { CollectionEntry, SnapshotKind } from '../../snapshot/model.js';
import { DECLARED_BY, KIND_FAMILIES, SUBJECT_KINDS, TENANT_ONLY_KINDS } from '../provider/declared-kinds.js';
import { declaredKey, type MappingState } from './mapping-state.js';

const NEEDS_TENANT = 'needs the tenant: a Terraform configuration does not hold it; pass --snapshot DIR to judge it against a live snapshot';

/**
 * What lies outside a configuration's scope in an environment it plans: kinds that live only in
 * the tenant, the environment itself when no `pingone_environment` declares it (its type is then unknown), and kinds it declares nothing of (nor of their family, see {@link KIND_FAMILIES}). Their collection entries are marked `outOfScope`:
 * the rules that need them are listed as out of scope (never a pass), and the run is not
 * incomplete for it, unlike an unknown value inside what the configuration declares.
 */
export class ConfigurationScope {
  /**
   * @param state the mapped configuration: which kinds it placed in which environment.
   * @param types every resource and data source type the configuration holds, mapped or not.
   */
  constructor(
    private readonly state: MappingState,
    private readonly types: ReadonlySet<string>,
  ) {}

  /** The out-of-scope entry of `kind` in `environmentId`, or undefined when the configuration speaks for it. */
  outside(kind: SnapshotKind, environmentId: string | undefined): CollectionEntry | undefined {
    if (environmentId === undefined) return undefined;
    if (TENANT_ONLY_KINDS.includes(kind)) return { kind, environmentId, status: 'failed', outOfScope: 'rule', error: NEEDS_TENANT };
    // An environment referenced by id (a variable, a data source) is managed elsewhere, like any kind not declared here.
    if (kind === 'environments' && this.state.environmentsWithoutType.has(environmentId)) {
      return {
        kind,
        environmentId,
        status: 'failed',
        outOfScope: 'rule',
        error: `environment ${environmentId} is not declared in this configuration, so its type (production or sandbox) is not known here; pass --snapshot DIR to judge it against a live snapshot`,
      };
    }
    const declaredBy = DECLARED_BY[kind];
    const family = KIND_FAMILIES.find((kinds) => kinds.includes(kind)) ?? [kind];
    if (declaredBy === undefined || family.some((member) => this.state.declared.has(declaredKey(member, environmentId)))) return undefined;
    const held = declaredBy.filter((type) => this.types.has(type));
    const placedElsewhere = [...this.state.declared].some((key) => key.startsWith(`${kind}\u0000`));
    const error =
      held.length > 0 && !placedElsewhere
        ? `${held.join(', ')} is not read from Terraform by this version, so what it declares is not audited`
        : `no ${declaredBy.join(' or ')} in this configuration for this environment: it may be managed elsewhere; pass --snapshot DIR to judge it against a live snapshot`;
    return { kind, environmentId, status: 'failed', outOfScope: SUBJECT_KINDS.has(kind) ? 'subjects' : 'rule', error };
  }
}
