/**
 * The evaluated Terraform configuration: what the HCL reader and evaluator hand to the mapper
 * (`src/terraform/map/`). Values keep where they came from, so a finding can point at a `.tf` line.
 */

/** A place in a .tf file; file is relative to the working directory with forward slashes; line/column 1-based. */
export interface SourceSpan {
  file: string;
  line: number;
  column: number;
}

/** An evaluated value with where it came from. Nested blocks (`oidc_options { … }`) and object attributes (`oidc_options = { … }`) both become 'object'; repeated blocks become a 'list' of 'object'. */
export type TfNode =
  | { kind: 'scalar'; value: string | number | boolean | null; span: SourceSpan }
  | { kind: 'object'; entries: Record<string, TfNode>; span: SourceSpan }
  | { kind: 'list'; items: TfNode[]; span: SourceSpan }
  /** reason e.g. 'remote state', 'computed attribute pingone_application.x.id', 'registry module', 'unresolvable function call' */
  | { kind: 'unknown'; expression: string; reason: string; span: SourceSpan };

/** One resource or data source instance after count/for_each expansion. */
export interface TfResource {
  mode: 'managed' | 'data';
  /** e.g. 'pingone_application' */
  type: string;
  /** e.g. 'storefront' */
  name: string;
  /** e.g. 'pingone_application.storefront["eu"]', 'module.apps.pingone_application.x[0]' */
  address: string;
  body: TfNode & { kind: 'object' };
  /** The block's first line. */
  span: SourceSpan;
}

/** A whole configuration: resources in source order plus what could not be read (files, modules) as warnings. */
export interface TfConfiguration {
  resources: TfResource[];
  warnings: string[];
  /** What holds resources that could not be read at all (a registry or git module), also among `warnings`: an audit without them is incomplete. */
  notAudited?: string[];
}

/**
 * The stable placeholder that stands for an id Terraform only knows after apply (`pingone_application.x.id`,
 * `data.pingone_role.admin.id`): `tf:<address>`, unique per resource instance, so the mapper can link resources.
 */
export function placeholderId(address: string): string {
  return `tf:${address}`;
}

/** The address a {@link placeholderId} stands for, or undefined when the value is not a placeholder. */
export function placeholderAddress(value: string): string | undefined {
  return value.startsWith('tf:') ? value.slice(3) : undefined;
}
