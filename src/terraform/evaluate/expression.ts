import type { SourceSpan, TfNode } from '../model.js';
import type { HclExpression, HclStep } from '../hcl/syntax.js';
import { FUNCTIONS } from './functions.js';
import { asString, firstUnknown, isTruthy, readNumber, respan, sameValue, scalar, unknown } from './values.js';

/** Names bound while evaluating: `each`, `count`, a dynamic block's iterator, a `for` expression's variables. */
export type Bindings = ReadonlyMap<string, TfNode>;

/**
 * What a traversal root other than a binding means (`var`, `local`, `data`, `module`, a resource type):
 * the module being evaluated answers, with the steps that follow the root still to apply.
 * Returns the value and how many steps it consumed.
 */
export type ResolveRoot = (expression: HclExpression & { type: 'traversal' }, bindings: Bindings) => { value: TfNode; consumed: number };

/**
 * Evaluates one expression the way `terraform plan` would before apply, as far as that is possible without
 * state or provider: literals, templates, collections, references, the functions in {@link FUNCTIONS},
 * conditionals, operators and `for` expressions. What cannot be known becomes an `unknown` node naming the
 * expression, never a guess.
 */
export function evaluate(expression: HclExpression, bindings: Bindings, resolveRoot: ResolveRoot): TfNode {
  const again = (inner: HclExpression, scope: Bindings = bindings) => evaluate(inner, scope, resolveRoot);
  const { span, text } = expression;
  switch (expression.type) {
    case 'literal':
      return scalar(expression.value, span);
    case 'template':
      return template(expression.parts, expression.heredocIndent, span, text, again);
    case 'tuple':
      return { kind: 'list', items: expression.items.map((item) => again(item)), span };
    case 'object': {
      const entries: Record<string, TfNode> = {};
      for (const item of expression.items) {
        const key = again(item.key);
        const name = asString(key);
        if (name === undefined) return unknown(text, `object key ${item.key.text} is not a known string`, span);
        entries[name] = again(item.value);
      }
      return { kind: 'object', entries, span };
    }
    case 'traversal': {
      const bound = bindings.get(expression.root);
      if (bound !== undefined) return applySteps(respan(bound, span), expression.steps, expression, again);
      const { value, consumed } = resolveRoot(expression, bindings);
      return applySteps(respan(value, span), expression.steps.slice(consumed), expression, again);
    }
    case 'relative':
      return applySteps(again(expression.target), expression.steps, expression, again);
    case 'call': {
      const implementation = FUNCTIONS[expression.name];
      if (implementation === undefined) return unknown(text, `function ${expression.name}() is not evaluated statically`, span);
      let args = expression.args.map((arg) => again(arg));
      const blocked = firstUnknown(...args);
      if (blocked) return unknown(blocked.expression, blocked.reason, span);
      if (expression.expandFinal) {
        const last = args[args.length - 1];
        if (last?.kind !== 'list') return unknown(text, 'the argument expanded with ... is not a list', span);
        args = [...args.slice(0, -1), ...last.items];
      }
      const result = implementation(args, span);
      if (typeof result === 'string') return unknown(text, `${expression.name}(): ${result}`, span);
      return result ?? unknown(text, `${expression.name}() cannot take these arguments`, span);
    }
    case 'conditional': {
      const condition = again(expression.condition);
      const truth = isTruthy(condition);
      if (truth === undefined) return condition.kind === 'unknown' ? unknown(condition.expression, condition.reason, span) : unknown(text, 'the condition is not a bool', span);
      return again(truth ? expression.then : expression.else);
    }
    case 'binary':
      return binary(expression.operator, again(expression.left), again(expression.right), span, text);
    case 'unary': {
      const operand = again(expression.operand);
      if (operand.kind === 'unknown') return unknown(operand.expression, operand.reason, span);
      if (expression.operator === '!') {
        const truth = isTruthy(operand);
        return truth === undefined ? unknown(text, 'not a bool', span) : scalar(!truth, span);
      }
      const reading = readNumber(operand);
      return 'number' in reading ? scalar(-reading.number, span) : unknown(text, reading.refused, span);
    }
    case 'for':
      return forExpression(expression, bindings, again);
    case 'unsupported':
      return unknown(text, expression.reason, span);
  }
}

type Evaluate = (expression: HclExpression, bindings?: Bindings) => TfNode;

/**
 * A value that may not refer to anything: a variable's `default`, a `.tfvars` file, a complex `-var`
 * (Terraform refuses references there). A reference becomes unknown, with `reason`.
 */
export function evaluateConstant(expression: HclExpression, reason: string): TfNode {
  return evaluate(expression, new Map(), ({ text, span }) => ({ value: unknown(text, reason, span), consumed: 0 }));
}

function template(parts: Array<string | HclExpression>, heredocIndent: boolean, span: SourceSpan, text: string, again: Evaluate): TfNode {
  // A template that is a single interpolation yields the value itself, not its string form.
  if (parts.length === 1 && typeof parts[0] !== 'string' && parts[0] !== undefined && !heredocIndent) return again(parts[0]);
  let result = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      result += part;
      continue;
    }
    const value = again(part);
    if (value.kind === 'unknown') return unknown(value.expression, value.reason, span);
    const string = asString(value);
    if (string === undefined) return unknown(text, `${part.text} is not a string`, span);
    result += string;
  }
  return scalar(heredocIndent ? stripIndent(result) : result, span);
}

/** `<<-` removes the indentation common to every non-blank line. */
function stripIndent(value: string): string {
  const lines = value.split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((line) => line.slice(common)).join('\n');
}

function applySteps(start: TfNode, steps: HclStep[], expression: HclExpression, again: Evaluate): TfNode {
  let current = start;
  for (const step of steps) {
    if (current.kind === 'unknown') return current;
    const key = step.kind === 'attribute' ? scalar(step.name, expression.span) : again(step.key);
    if (key.kind === 'unknown') return unknown(key.expression, key.reason, expression.span);
    const next = index(current, key);
    if (typeof next === 'string') return unknown(expression.text, `the index is ${next}`, expression.span);
    if (next === undefined) return unknown(expression.text, `${describeKey(key)} is not in the value`, expression.span);
    current = next;
  }
  return current;
}

/** The element at `key`, undefined when there is none, or why Terraform refuses the key as a list index. */
function index(collection: TfNode, key: TfNode): TfNode | string | undefined {
  if (collection.kind === 'object') {
    const name = asString(key);
    return name === undefined ? undefined : collection.entries[name];
  }
  if (collection.kind === 'list') {
    const position = readNumber(key);
    if (!('number' in position)) return position.refused;
    return Number.isInteger(position.number) ? collection.items[position.number] : undefined;
  }
  return undefined;
}

function describeKey(key: TfNode): string {
  return key.kind === 'scalar' ? JSON.stringify(key.value) : key.kind;
}

const ARITHMETIC: Readonly<Record<string, (a: number, b: number) => number>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
};
const COMPARISON: Readonly<Record<string, (a: number, b: number) => boolean>> = { '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b };

function binary(operator: string, left: TfNode, right: TfNode, span: SourceSpan, text: string): TfNode {
  if (operator === '&&' || operator === '||') {
    const [a, b] = [isTruthy(left), isTruthy(right)];
    // A known operand can decide the result on its own: false && anything, true || anything.
    if (operator === '&&' && (a === false || b === false)) return scalar(false, span);
    if (operator === '||' && (a === true || b === true)) return scalar(true, span);
    const blocked = firstUnknown(left, right);
    if (blocked) return unknown(blocked.expression, blocked.reason, span);
    if (a === undefined || b === undefined) return unknown(text, 'not a bool', span);
    return scalar(operator === '&&' ? a && b : a || b, span);
  }
  const blocked = firstUnknown(left, right);
  if (blocked) return unknown(blocked.expression, blocked.reason, span);
  if (operator === '==' || operator === '!=') return scalar(sameValue(left, right) === (operator === '=='), span);
  const [a, b] = [readNumber(left), readNumber(right)];
  if (!('number' in a)) return unknown(text, `the left operand of ${operator} is ${a.refused}`, span);
  if (!('number' in b)) return unknown(text, `the right operand of ${operator} is ${b.refused}`, span);
  const arithmetic = ARITHMETIC[operator];
  if (arithmetic) {
    const result = arithmetic(a.number, b.number);
    // x / 0 is infinite in Terraform and 0 / 0 an error; no attribute takes either, so neither is a value here.
    return Number.isFinite(result) ? scalar(result, span) : unknown(text, `${operator} gives no finite number (a division by zero, or past a double's range)`, span);
  }
  const comparison = COMPARISON[operator];
  return comparison ? scalar(comparison(a.number, b.number), span) : unknown(text, `operator ${operator}`, span);
}

function forExpression(expression: HclExpression & { type: 'for' }, bindings: Bindings, again: Evaluate): TfNode {
  const { span, text } = expression;
  const collection = again(expression.collection);
  if (collection.kind === 'unknown') return unknown(collection.expression, collection.reason, span);
  const pairs: Array<[TfNode, TfNode]> =
    collection.kind === 'list'
      ? collection.items.map((item, position) => [scalar(position, item.span), item])
      : collection.kind === 'object'
        ? Object.entries(collection.entries).map(([key, value]) => [scalar(key, value.span), value])
        : [];
  if (collection.kind === 'scalar') return unknown(text, 'for over a value that is not a collection', span);
  const items: TfNode[] = [];
  const entries: Record<string, TfNode> = {};
  for (const [key, value] of pairs) {
    const scope = new Map(bindings);
    scope.set(expression.valueName, value);
    if (expression.keyName !== undefined) scope.set(expression.keyName, key);
    if (expression.condition) {
      const keep = again(expression.condition, scope);
      if (keep.kind === 'unknown') return unknown(keep.expression, keep.reason, span);
      if (isTruthy(keep) !== true) continue;
    }
    const result = again(expression.value, scope);
    if (expression.key === undefined) {
      items.push(result);
      continue;
    }
    const name = asString(again(expression.key, scope));
    if (name === undefined) return unknown(text, 'a key of the for expression is not a known string', span);
    if (expression.grouping) {
      const group = entries[name];
      entries[name] = { kind: 'list', items: [...(group?.kind === 'list' ? group.items : []), result], span };
    } else entries[name] = result;
  }
  return expression.key === undefined ? { kind: 'list', items, span } : { kind: 'object', entries, span };
}
