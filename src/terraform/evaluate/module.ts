import type { SourceSpan, TfNode, TfResource } from '../model.js';
import { placeholderId } from '../model.js';
import type { HclAttribute, HclBlock, HclBody, HclExpression } from '../hcl/syntax.js';
import { type Bindings, evaluate, evaluateConstant, type ResolveRoot } from './expression.js';
import { applyTypeDefaults } from './type-defaults.js';
import { asString, readNumber, respan, scalar, unknown } from './values.js';

/** A module's files as parsed, with the local modules it calls already read (registry and git ones are left as their source). */
export interface ParsedModule {
  /** The module's folder relative to the working directory, forward slashes. */
  dir: string;
  bodies: HclBody[];
  /** `module "x"` blocks by name: the module read from disk, or the `source` that cannot be read statically. */
  children: ReadonlyMap<string, ParsedModule | { unreadable: string }>;
}

const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'provider', 'providers', 'source', 'version']);
const META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection']);
const EMPTY: Bindings = new Map();
/** The largest `count` expanded: 100,000 instances of a resource take some 5 s and 360 MB. */
const MAX_COUNT = 100_000;

interface Instance {
  address: string;
  /** The instance key: `["eu"]`'s "eu", `[0]`'s 0; undefined without count and for_each. */
  key?: string | number;
  bindings: Bindings;
}

/**
 * One module's evaluation: its variables (given by the caller), locals, resources and data sources
 * expanded by `count`/`for_each`, and the local modules it calls, with addresses prefixed
 * `module.<name>.`. References to other resources give their configured values; `id` and any other
 * attribute Terraform computes give the `tf:<address>` placeholder or an unknown.
 */
export class ModuleEvaluation {
  private readonly variables = new Map<string, HclBlock>();
  private readonly locals = new Map<string, HclAttribute>();
  private readonly resources = new Map<string, HclBlock>();
  private readonly modules = new Map<string, HclBlock>();
  private readonly outputs = new Map<string, HclAttribute>();
  private readonly localValues = new Map<string, TfNode>();
  private readonly variableValues = new Map<string, TfNode>();
  private readonly inProgress = new Set<string>();
  private readonly bodies = new Map<string, TfNode & { kind: 'object' }>();
  private readonly expansions = new Map<string, Instance[]>();
  private readonly childEvaluations = new Map<string, ModuleEvaluation>();
  private readonly resolveRoot: ResolveRoot = (expression, bindings) => this.resolve(expression, bindings);

  constructor(
    private readonly parsed: ParsedModule,
    /** `''` for the root module, `module.apps.` inside one. */
    private readonly prefix: string,
    /** The variables' values given from outside: -var, .tfvars files, or the caller's module block. */
    private readonly inputs: ReadonlyMap<string, TfNode>,
    private readonly warnings: string[],
    /** Parts whose resources cannot be read at all (registry and git modules): the audit is incomplete without them. */
    private readonly notAudited: string[],
  ) {
    for (const body of parsed.bodies) {
      for (const block of body.blocks) this.declare(block);
    }
  }

  private declare(block: HclBlock): void {
    const [first, second] = block.labels;
    if (block.type === 'variable' && first) this.variables.set(first, block);
    else if (block.type === 'locals') for (const attribute of block.body.attributes) this.locals.set(attribute.name, attribute);
    else if (block.type === 'resource' && first && second) this.resources.set(`${first}.${second}`, block);
    else if (block.type === 'data' && first && second) this.resources.set(`data.${first}.${second}`, block);
    else if (block.type === 'module' && first) this.modules.set(first, block);
    else if (block.type === 'output' && first) {
      const value = block.body.attributes.find((attribute) => attribute.name === 'value');
      if (value) this.outputs.set(first, value);
    }
  }

  /** Every resource and data source instance of this module and the local modules it calls, in source order. */
  resourceInstances(): TfResource[] {
    const found: TfResource[] = [];
    for (const body of this.parsed.bodies) {
      for (const block of body.blocks) {
        const [type, name] = block.labels;
        if ((block.type === 'resource' || block.type === 'data') && type && name) {
          const mode = block.type === 'resource' ? 'managed' : 'data';
          const base = `${this.prefix}${mode === 'data' ? 'data.' : ''}${type}.${name}`;
          for (const instance of this.instances(block, base)) found.push({ mode, type, name, address: instance.address, body: this.body(block, instance), span: block.span });
        } else if (block.type === 'module' && type) {
          for (const child of this.child(type)) found.push(...child.resourceInstances());
        }
      }
    }
    return found;
  }

  /** An output's value, for `module.<name>.<output>` in the calling module. */
  output(name: string): TfNode | undefined {
    const attribute = this.outputs.get(name);
    return attribute ? this.evaluate(attribute.expression, EMPTY) : undefined;
  }

  private evaluate(expression: HclExpression, bindings: Bindings): TfNode {
    return evaluate(expression, bindings, this.resolveRoot);
  }

  /** A block's instances, expanded once: every reference to one instance (`a[count.index]`) looks them up. */
  private instances(block: HclBlock, base: string): Instance[] {
    let expanded = this.expansions.get(base);
    if (expanded === undefined) this.expansions.set(base, (expanded = this.expand(block, base)));
    return expanded;
  }

  private expand(block: HclBlock, base: string): Instance[] {
    const count = block.body.attributes.find((attribute) => attribute.name === 'count');
    const forEach = block.body.attributes.find((attribute) => attribute.name === 'for_each');
    if (count) {
      const value = this.evaluate(count.expression, EMPTY);
      const reading = value.kind === 'unknown' ? undefined : readNumber(value);
      if (reading !== undefined && !('number' in reading)) return [this.unexpanded(base, count, value, 'count', `count is ${reading.refused}`)];
      const n = reading?.number ?? Number.NaN;
      if (!Number.isInteger(n) || n < 0) return [this.unexpanded(base, count, value, 'count')];
      // A typo's count (1000000000) would hold the run for minutes and then run it out of memory: judge none of them instead.
      if (n > MAX_COUNT) return [this.unexpanded(base, count, value, 'count', `count is ${n}, past the ${MAX_COUNT.toLocaleString('en-US')} instances pingone-audit expands`)];
      return Array.from({ length: n }, (_, index) => ({ address: `${base}[${index}]`, key: index, bindings: new Map([['count', objectOf({ index: scalar(index, count.span) }, count)]]) }));
    }
    if (forEach) {
      const value = this.evaluate(forEach.expression, EMPTY);
      const pairs = eachPairs(value);
      if (pairs === undefined) return [this.unexpanded(base, forEach, value, 'each')];
      return pairs.map(([key, item]) => ({ address: `${base}[${JSON.stringify(key)}]`, key, bindings: new Map([['each', objectOf({ key: scalar(key, forEach.span), value: item }, forEach)]]) }));
    }
    return [{ address: base, bindings: EMPTY }];
  }

  /** count/for_each that cannot be known: one instance whose `each`/`count` values are unknown, so nothing it drives is judged. */
  private unexpanded(base: string, attribute: HclAttribute, value: TfNode, name: 'each' | 'count', why?: string): Instance {
    const reason = why ?? (value.kind === 'unknown' ? value.reason : `${attribute.name} is not a ${name === 'count' ? 'whole number' : 'map or set of strings'}`);
    this.warnings.push(`${base}: ${attribute.name} = ${attribute.expression.text} cannot be evaluated (${reason}); its instances are not known`);
    const missing = unknown(attribute.expression.text, reason, attribute.span);
    return { address: base, bindings: new Map([[name, missing]]) };
  }

  private body(block: HclBlock, instance: Instance): TfNode & { kind: 'object' } {
    const cached = this.bodies.get(instance.address);
    if (cached) return cached;
    if (this.inProgress.has(instance.address)) return { kind: 'object', entries: {}, span: block.span };
    this.inProgress.add(instance.address);
    const evaluated = this.blockBody(block.body, block, instance.bindings, true);
    this.inProgress.delete(instance.address);
    this.bodies.set(instance.address, evaluated);
    return evaluated;
  }

  private blockBody(body: HclBody, block: HclBlock, bindings: Bindings, topLevel: boolean): TfNode & { kind: 'object' } {
    const entries: Record<string, TfNode> = {};
    for (const attribute of body.attributes) {
      if (topLevel && META_ARGUMENTS.has(attribute.name)) continue;
      entries[attribute.name] = this.evaluate(attribute.expression, bindings);
    }
    const nested = new Map<string, TfNode[]>();
    const add = (type: string, node: TfNode) => nested.set(type, [...(nested.get(type) ?? []), node]);
    for (const inner of body.blocks) {
      if (topLevel && META_BLOCKS.has(inner.type)) continue;
      if (inner.type === 'dynamic') for (const [type, node] of this.dynamic(inner, bindings)) add(type, node);
      else add(inner.type, this.blockBody(inner.body, inner, bindings, false));
    }
    for (const [type, nodes] of nested) {
      const [only] = nodes;
      entries[type] = nodes.length === 1 && only ? only : { kind: 'list', items: nodes, span: nodes[0]?.span ?? block.span };
    }
    return { kind: 'object', entries, span: block.span };
  }

  /** `dynamic "x" { for_each = …; iterator = it; content { … } }`: one `x` block per element, `x.key`/`x.value` (or the iterator's name) bound. */
  private dynamic(block: HclBlock, bindings: Bindings): Array<[string, TfNode]> {
    const [type] = block.labels;
    const forEach = block.body.attributes.find((attribute) => attribute.name === 'for_each');
    const content = block.body.blocks.find((inner) => inner.type === 'content');
    if (!type || !forEach || !content) return [];
    const iteratorAttribute = block.body.attributes.find((attribute) => attribute.name === 'iterator');
    const iterator = iteratorAttribute?.expression.type === 'traversal' ? iteratorAttribute.expression.root : type;
    const collection = this.evaluate(forEach.expression, bindings);
    const pairs = collection.kind === 'list' ? collection.items.map((item, index): [string | number, TfNode] => [index, item]) : eachPairs(collection);
    if (pairs === undefined) {
      const reason = collection.kind === 'unknown' ? collection.reason : 'for_each is not a collection';
      return [[type, unknown(collection.kind === 'unknown' ? collection.expression : forEach.expression.text, reason, block.span)]];
    }
    return pairs.map(([key, value]) => {
      const scope = new Map(bindings);
      scope.set(iterator, objectOf({ key: scalar(key, forEach.span), value }, forEach));
      return [type, this.blockBody(content.body, content, scope, false)];
    });
  }

  private child(name: string): ModuleEvaluation[] {
    const parsed = this.parsed.children.get(name);
    const block = this.modules.get(name);
    if (!parsed || !block) return [];
    if ('unreadable' in parsed) {
      this.notAudited.push(
        `${this.prefix}module.${name}: module source ${JSON.stringify(parsed.unreadable)} is not a local folder, so its resources are not audited (registry and git modules are not fetched)`,
      );
      return [];
    }
    return this.instances(block, `${this.prefix}module.${name}`).map((instance) => {
      const cached = this.childEvaluations.get(instance.address);
      if (cached) return cached;
      const inputs = new Map<string, TfNode>();
      for (const attribute of block.body.attributes) {
        if (!META_ARGUMENTS.has(attribute.name)) inputs.set(attribute.name, this.evaluate(attribute.expression, instance.bindings));
      }
      const evaluation = new ModuleEvaluation(parsed, `${instance.address}.`, inputs, this.warnings, this.notAudited);
      this.childEvaluations.set(instance.address, evaluation);
      return evaluation;
    });
  }

  private resolve(expression: HclExpression & { type: 'traversal' }, bindings: Bindings): { value: TfNode; consumed: number } {
    const { root, steps, text, span } = expression;
    const first = steps[0]?.kind === 'attribute' ? steps[0].name : undefined;
    const none = (reason: string, consumed = steps.length) => ({ value: unknown(text, reason, span), consumed });
    if (root === 'var') return first === undefined ? none('var without a name') : { value: this.variable(first, expression), consumed: 1 };
    if (root === 'local') return first === undefined ? none('local without a name') : { value: this.local(first, expression), consumed: 1 };
    if (root === 'data') {
      const second = steps[1]?.kind === 'attribute' ? steps[1].name : undefined;
      if (first === 'terraform_remote_state') return none('remote state');
      if (first === undefined || second === undefined) return none('incomplete data source reference');
      return this.resourceReference(`data.${first}.${second}`, 2, expression, bindings);
    }
    if (root === 'module') return first === undefined ? none('module without a name') : this.moduleReference(first, expression, bindings);
    if (first !== undefined && this.resources.has(`${root}.${first}`)) return this.resourceReference(`${root}.${first}`, 1, expression, bindings);
    if (root === 'path' || root === 'terraform' || root === 'self') return none(`${root}.* is only known to Terraform at run time`);
    this.warnings.push(`${span.file}:${span.line}: ${text} refers to nothing declared in ${this.parsed.dir}`);
    return none('reference to something not declared');
  }

  private variable(name: string, expression: HclExpression): TfNode {
    const cached = this.variableValues.get(name);
    if (cached) return cached;
    const block = this.variables.get(name);
    const type = block?.body.attributes.find((attribute) => attribute.name === 'type')?.expression;
    const given = this.variableValue(name, block, expression);
    const value = type ? applyTypeDefaults(type, given) : given;
    // Kept once known: a for_each over a large map reads the variable once per instance.
    if (block && value.kind !== 'unknown') this.variableValues.set(name, value);
    return value;
  }

  private variableValue(name: string, block: HclBlock | undefined, expression: HclExpression): TfNode {
    const given = this.inputs.get(name);
    if (given !== undefined) return given;
    if (!block) {
      this.warnings.push(`${expression.span.file}:${expression.span.line}: var.${name} is not declared`);
      return unknown(expression.text, `variable ${name} is not declared`, expression.span);
    }
    const fallback = block.body.attributes.find((attribute) => attribute.name === 'default');
    if (fallback === undefined) return unknown(expression.text, `variable ${name} has no default and no value was given (-var, -var-file, terraform.tfvars, *.auto.tfvars)`, expression.span);
    // Terraform refuses references in a default; evaluating them here could also loop (`default = var.a` in `a`).
    return evaluateConstant(fallback.expression, `the default of variable ${name} cannot refer to anything`);
  }

  private local(name: string, expression: HclExpression): TfNode {
    const cached = this.localValues.get(name);
    if (cached) return cached;
    const attribute = this.locals.get(name);
    if (!attribute) return unknown(expression.text, `local ${name} is not declared`, expression.span);
    const key = `local.${name}`;
    if (this.inProgress.has(key)) return unknown(expression.text, `local ${name} refers to itself`, expression.span);
    this.inProgress.add(key);
    const value = this.evaluate(attribute.expression, EMPTY);
    this.inProgress.delete(key);
    this.localValues.set(name, value);
    return value;
  }

  /** `type.name[key].attribute`: the configured value, the `tf:` placeholder for `id`, unknown for what only apply computes. */
  private resourceReference(declared: string, consumed: number, expression: HclExpression & { type: 'traversal' }, _bindings: Bindings): { value: TfNode; consumed: number } {
    const block = this.resources.get(declared) as HclBlock;
    const { steps, span, text } = expression;
    const instances = this.instances(block, `${this.prefix}${declared}`);
    const repeated = block.body.attributes.some((attribute) => attribute.name === 'count' || attribute.name === 'for_each');
    const expanded = instances.some((instance) => instance.key !== undefined) || (repeated && instances.length === 0);
    let instance = instances[0];
    let used = consumed;
    if (repeated && !expanded) return { value: unknown(text, `the instances of ${declared} are not known`, span), consumed: steps.length };
    if (expanded) {
      const step = steps[used];
      // `for_each = pingone_application.apps`: Terraform knows the instance keys at plan, so the whole resource is a map (for_each) or a list (count) of its instances.
      if (step?.kind !== 'index') return { value: this.allInstances(block, instances, span), consumed: used };
      const key = this.evaluate(step.key, _bindings);
      const wanted = key.kind === 'scalar' ? key.value : undefined;
      instance = instances.find((candidate) => candidate.key === wanted || String(candidate.key) === asString(key));
      used += 1;
      if (!instance) return { value: unknown(text, key.kind === 'unknown' ? key.reason : `no instance ${describe(key)} of ${declared}`, span), consumed: steps.length };
    }
    if (!instance) return { value: unknown(text, `${declared} has no instance`, span), consumed: steps.length };
    const attribute = steps[used];
    if (attribute === undefined) return { value: this.instanceObject(block, instance, span), consumed: used };
    if (attribute.kind !== 'attribute') return { value: unknown(text, `reference to the whole of ${instance.address}`, span), consumed: steps.length };
    if (attribute.name === 'id') return { value: scalar(placeholderId(instance.address), span), consumed: used + 1 };
    const configured = this.body(block, instance).entries[attribute.name];
    if (configured === undefined) return { value: unknown(text, `computed attribute ${instance.address}.${attribute.name}`, span), consumed: steps.length };
    return { value: respan(configured, span), consumed: used + 1 };
  }

  /** Every instance of an expanded resource: a map by `for_each` key, or a list in `count` order. */
  private allInstances(block: HclBlock, instances: Instance[], span: SourceSpan): TfNode {
    if (instances.every((instance) => typeof instance.key === 'number')) return { kind: 'list', items: instances.map((instance) => this.instanceObject(block, instance, span)), span };
    return { kind: 'object', entries: Object.fromEntries(instances.map((instance) => [String(instance.key), this.instanceObject(block, instance, span)])), span };
  }

  /** One instance as an object: its configured attributes and its `id` placeholder; an attribute only the provider computes is absent, so reading it is unknown. */
  private instanceObject(block: HclBlock, instance: Instance, span: SourceSpan): TfNode {
    const { entries } = this.body(block, instance);
    return { kind: 'object', entries: { ...entries, id: scalar(placeholderId(instance.address), span) }, span };
  }

  private moduleReference(name: string, expression: HclExpression & { type: 'traversal' }, bindings: Bindings): { value: TfNode; consumed: number } {
    const { steps, span, text } = expression;
    const parsed = this.parsed.children.get(name);
    if (!parsed || 'unreadable' in parsed) return { value: unknown(text, parsed ? 'registry module' : `module ${name} is not declared`, span), consumed: steps.length };
    const children = this.child(name);
    let used = 1;
    let evaluation = children[0];
    if (children.length !== 1 || this.childEvaluations.get(`${this.prefix}module.${name}`) === undefined) {
      const step = steps[used];
      const key = step?.kind === 'index' ? asString(this.evaluate(step.key, bindings)) : undefined;
      const address = key === undefined ? undefined : `${this.prefix}module.${name}[${/^\d+$/.test(key) ? key : JSON.stringify(key)}]`;
      evaluation = address === undefined ? undefined : this.childEvaluations.get(address);
      used += 1;
    }
    const output = steps[used];
    if (!evaluation || output?.kind !== 'attribute') return { value: unknown(text, `module ${name} output not found`, span), consumed: steps.length };
    const value = evaluation.output(output.name);
    return value === undefined ? { value: unknown(text, `module ${name} has no output ${output.name}`, span), consumed: steps.length } : { value, consumed: used + 1 };
  }
}

function objectOf(entries: Record<string, TfNode>, at: HclAttribute): TfNode {
  return { kind: 'object', entries, span: at.span };
}

/** for_each's keys and values: a map's entries, or a set of strings whose elements are both. */
function eachPairs(value: TfNode): Array<[string, TfNode]> | undefined {
  if (value.kind === 'object') return Object.entries(value.entries);
  if (value.kind !== 'list') return undefined;
  const keys = value.items.map(asString);
  if (keys.some((key) => key === undefined)) return undefined;
  return value.items.map((item, index) => [keys[index] as string, item]);
}

function describe(node: TfNode): string {
  return node.kind === 'scalar' ? JSON.stringify(node.value) : node.kind;
}
