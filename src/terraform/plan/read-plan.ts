import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../../errors.js';
import { readProblem } from '../../read-user-file.js';
import { pointerSegment, scanJson } from '../../snapshot/json-scanner.js';
import { placeholderId, type SourceSpan, type TfConfiguration, type TfNode, type TfResource } from '../model.js';

/**
 * The `terraform show -json <planfile>` format versions this reader follows: "1.x", the JSON output
 * format of Terraform 1.x (developer.hashicorp.com/terraform/internals/json-format): within a major
 * version, Terraform only adds fields.
 */
const PLAN_FORMAT_MAJOR = '1';

/** Where the plan JSON is, and the configuration read beside it. */
export interface ReadPlanOptions {
  /** The plan JSON, as the user named it. */
  file: string;
  cwd: string;
  /** The configuration read statically from the folder alongside: its blocks' spans replace plan-file lines, matched by address. */
  configuration?: TfConfiguration;
}

/** A plan read as a configuration, with the ids of the resources that already exist. */
export interface PlanConfiguration {
  configuration: TfConfiguration;
  /** Address → id of resources that already exist (known in the plan), so references by id link them. */
  ids: Map<string, string>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
interface PlannedResource {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  values: JsonObject;
  /** Pointer of the resource in the plan file. */
  pointer: string;
}

const SEE_ALSO = 'https://developer.hashicorp.com/terraform/internals/json-format';

/**
 * Reads the planned values of a plan in Terraform's JSON output format into the same shape the
 * static reader gives: every resource instance of `planned_values` (root and child modules, then
 * the data sources of `prior_state`), values Terraform knows only after apply (`after_unknown`) as
 * unknown nodes naming the attribute, except a reference to another resource's `id`, which becomes
 * that resource's placeholder so the mapper can link them (`configuration` expressions name it).
 * @throws UserFacingError `file-unreadable` when the file cannot be read, `terraform-plan-invalid`
 * when it is not JSON, not a plan (no `format_version`, `planned_values`), or of a format version
 * other than 1.x.
 */
export function readPlan(options: ReadPlanOptions): PlanConfiguration {
  const text = readPlanText(options);
  const scan = scanJson(text);
  const display = path.relative(options.cwd, path.resolve(options.cwd, options.file)).split(path.sep).join('/');
  if (scan.error !== undefined) throw invalid(`${options.file} is not valid JSON: ${scan.error.message} at line ${scan.error.line}, column ${scan.error.column}.`);
  const plan = JSON.parse(text) as Json;
  if (!isObject(plan) || typeof plan.format_version !== 'string' || !isObject(plan.planned_values)) {
    throw invalid(`${options.file} is not a Terraform plan in JSON: it lacks format_version or planned_values.`);
  }
  const version = plan.format_version;
  if (version.split('.')[0] !== PLAN_FORMAT_MAJOR) throw invalid(`${options.file} has plan format_version ${JSON.stringify(version)}; this version reads ${PLAN_FORMAT_MAJOR}.x.`);
  const planned = [
    ...moduleResources(plan.planned_values.root_module, '/planned_values/root_module'),
    ...(isObject(plan.prior_state) && isObject(plan.prior_state.values)
      ? moduleResources(plan.prior_state.values.root_module, '/prior_state/values/root_module').filter((resource) => resource.mode === 'data')
      : []),
  ];
  const unknownByAddress = afterUnknown(plan.resource_changes);
  const references = configurationReferences(plan.configuration);
  const staticBlocks = new Map((options.configuration?.resources ?? []).map((resource) => [resource.address, resource]));
  const lineOf = (pointer: string) => scan.lines.get(pointer) ?? 1;
  const ids = new Map<string, string>();
  const seen = new Set<string>();
  const resources: TfResource[] = [];
  for (const resource of planned) {
    if (seen.has(resource.address)) continue;
    seen.add(resource.address);
    const known = resource.values.id;
    if (typeof known === 'string') ids.set(resource.address, known);
    const block = staticBlocks.get(resource.address);
    const spanAt = (attributePath: readonly string[], planPointer: string): SourceSpan => staticSpan(block, attributePath) ?? { file: display, line: lineOf(planPointer), column: 1 };
    const context = { address: resource.address, unknown: unknownByAddress.get(resource.address), references: references.get(configurationAddress(resource.address)), spanAt };
    const body = toObject(resource.values, [], `${resource.pointer}/values`, context);
    resources.push({
      mode: resource.mode,
      type: resource.type,
      name: resource.name,
      address: resource.address,
      body,
      span: block?.span ?? { file: display, line: lineOf(resource.pointer), column: 1 },
    });
  }
  return { configuration: { resources, warnings: [] }, ids };
}

function readPlanText({ file, cwd }: ReadPlanOptions): string {
  try {
    return readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UserFacingError('file-unreadable', `The plan file ${file} ${readProblem(error)}.`, {
      hint: 'Write it with: terraform plan -out plan.tfplan && terraform show -json plan.tfplan > plan.json',
      cause: error,
    });
  }
}

function invalid(message: string): UserFacingError {
  return new UserFacingError('terraform-plan-invalid', message, { hint: 'Give the output of terraform show -json <planfile> (Terraform 1.x).', seeAlso: SEE_ALSO });
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function moduleResources(module: Json | undefined, pointer: string): PlannedResource[] {
  if (!isObject(module)) return [];
  const own = Array.isArray(module.resources) ? module.resources : [];
  const resources = own.flatMap((resource, index) =>
    isObject(resource) && typeof resource.address === 'string' && typeof resource.type === 'string' && isObject(resource.values)
      ? [
          {
            address: resource.address,
            mode: resource.mode === 'data' ? ('data' as const) : ('managed' as const),
            type: resource.type,
            name: typeof resource.name === 'string' ? resource.name : resource.address,
            values: resource.values,
            pointer: `${pointer}/resources/${index}`,
          },
        ]
      : [],
  );
  const children = Array.isArray(module.child_modules) ? module.child_modules : [];
  return [...resources, ...children.flatMap((child, index) => moduleResources(child, `${pointer}/child_modules/${index}`))];
}

/** Address → `change.after_unknown` of its resource change. */
function afterUnknown(changes: Json | undefined): Map<string, Json> {
  const found = new Map<string, Json>();
  for (const change of Array.isArray(changes) ? changes : []) {
    if (isObject(change) && typeof change.address === 'string' && isObject(change.change)) found.set(change.address, change.change.after_unknown ?? null);
  }
  return found;
}

/** A resource address without instance keys, as `configuration` names it (`module.a["x"].pingone_application.b[0]` → `module.a.pingone_application.b`). */
function configurationAddress(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

/** The key under which {@link configurationReferences} keeps the references of a resource's `for_each` (no provider attribute is so named). */
const FOR_EACH = 'for_each';

/** Configuration address → attribute (and {@link FOR_EACH}) → the references of its expression (`pingone_application.x.id`). */
function configurationReferences(configuration: Json | undefined): Map<string, Map<string, string[]>> {
  const found = new Map<string, Map<string, string[]>>();
  const visit = (module: Json | undefined, prefix: string) => {
    if (!isObject(module)) return;
    for (const resource of Array.isArray(module.resources) ? module.resources : []) {
      if (!isObject(resource) || typeof resource.address !== 'string' || !isObject(resource.expressions)) continue;
      const byAttribute = new Map<string, string[]>();
      for (const [attribute, expression] of Object.entries(resource.expressions)) {
        const refs = isObject(expression) && Array.isArray(expression.references) ? expression.references.filter((ref): ref is string => typeof ref === 'string') : [];
        if (refs.length > 0) byAttribute.set(attribute, refs);
      }
      const forEach = resource.for_each_expression;
      if (isObject(forEach) && Array.isArray(forEach.references))
        byAttribute.set(
          FOR_EACH,
          forEach.references.filter((ref): ref is string => typeof ref === 'string'),
        );
      found.set(`${prefix}${resource.address}`, byAttribute);
    }
    if (isObject(module.module_calls)) {
      for (const [name, call] of Object.entries(module.module_calls)) if (isObject(call)) visit(call.module, `${prefix}module.${name}.`);
    }
  };
  visit(isObject(configuration) ? configuration.root_module : undefined, '');
  return found;
}

interface NodeContext {
  address: string;
  unknown: Json | undefined;
  references: Map<string, string[]> | undefined;
  spanAt(attributePath: readonly string[], planPointer: string): SourceSpan;
}

function toObject(values: JsonObject, at: readonly string[], pointer: string, context: NodeContext): TfNode & { kind: 'object' } {
  const entries: Record<string, TfNode> = {};
  for (const [name, value] of Object.entries(values)) entries[name] = toNode(value, [...at, name], `${pointer}/${pointerSegment(name)}`, context);
  // Attributes known only after apply are absent from planned values; after_unknown names them.
  const unknown = unknownAt(context.unknown, at);
  if (isObject(unknown)) {
    for (const [name, flag] of Object.entries(unknown)) {
      if (flag === true && (entries[name] === undefined || (entries[name]!.kind === 'scalar' && entries[name]!.value === null))) entries[name] = unknownNode([...at, name], pointer, context);
    }
  }
  return { kind: 'object', entries, span: context.spanAt(at, pointer) };
}

function toNode(value: Json, at: readonly string[], pointer: string, context: NodeContext): TfNode {
  if (unknownAt(context.unknown, at) === true) return unknownNode(at, pointer, context);
  if (Array.isArray(value)) return { kind: 'list', items: value.map((item, index) => toNode(item, [...at, String(index)], `${pointer}/${index}`, context)), span: context.spanAt(at, pointer) };
  if (isObject(value)) return toObject(value, at, pointer, context);
  return { kind: 'scalar', value, span: context.spanAt(at, pointer) };
}

function unknownAt(unknown: Json | undefined, at: readonly string[]): Json | undefined {
  let current = unknown;
  for (const step of at) {
    if (Array.isArray(current)) current = current[Number(step)];
    else if (isObject(current)) current = current[step];
    else return undefined;
  }
  return current;
}

/**
 * A value known after apply. A top-level attribute whose expression refers to one resource's `id`
 * stands for that resource's placeholder id (the link Terraform itself resolves at apply).
 */
function unknownNode(at: readonly string[], pointer: string, context: NodeContext): TfNode {
  const span = context.spanAt(at, pointer);
  // `configuration` keeps references per top-level attribute, most specific first.
  const refs = context.references?.get(at[0]!) ?? [];
  const target = at.length === 1 ? referencedInstance(refs, context) : undefined;
  if (target !== undefined) {
    const modulePrefix = context.address.match(/^((?:module\.[^.[]+(?:\[[^\]]*\])?\.)*)/)?.[1] ?? '';
    return { kind: 'scalar', value: placeholderId(`${modulePrefix}${target}`), span };
  }
  return { kind: 'unknown', expression: refs[0] ?? `${context.address}.${at.join('.')}`, reason: 'known after apply', span };
}

/**
 * The resource instance whose `id` an attribute's expression is, or undefined. Terraform lists a reference
 * with each shorter form after it (`a.b["k"].id`, `a.b["k"]`, `a.b`: jsonconfig's marshalExpression), so
 * every other reference must be one of those. `each.value.id` under `for_each = a.b` is the id of the
 * instance of `a.b` with this instance's key.
 */
function referencedInstance(refs: readonly string[], context: NodeContext): string | undefined {
  const idRef = refs.find((ref) => ref.endsWith('.id'));
  if (idRef === undefined || !refs.every((ref) => ref === idRef || idRef.startsWith(`${ref}.`) || idRef.startsWith(`${ref}[`))) return undefined;
  const subject = idRef.slice(0, -3);
  if (subject !== 'each.value') return subject;
  const [collection, ...others] = context.references?.get(FOR_EACH) ?? [];
  const key = /(\[[^\]]*\])$/.exec(context.address)?.[1];
  const isResource = collection !== undefined && !/^(?:var|local|each|count|module|path|terraform)\./.test(collection);
  return others.length === 0 && isResource && key !== undefined ? `${collection}${key}` : undefined;
}

function staticSpan(block: TfResource | undefined, at: readonly string[]): SourceSpan | undefined {
  let node: TfNode | undefined = block?.body;
  for (const step of at) {
    if (node?.kind === 'object') node = node.entries[step];
    else if (node?.kind === 'list') node = node.items[Number(step)];
    else return node?.span ?? block?.span;
  }
  return node?.span ?? block?.span;
}
