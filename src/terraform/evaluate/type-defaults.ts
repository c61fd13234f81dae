import type { TfNode } from '../model.js';
import type { HclExpression } from '../hcl/syntax.js';
import { evaluateConstant } from './expression.js';
import { scalar } from './values.js';

/**
 * A variable's value as Terraform (1.3 and later) gives it after its `type` constraint: an object
 * attribute declared `optional(type, default)` and left out (or null) takes the default, one declared
 * `optional(type)` takes null, through `map`, `list`, `set`, `tuple` and nested `object` types.
 * Conversion and validation are not repeated: a value Terraform would refuse stays as written.
 */
export function applyTypeDefaults(type: HclExpression, value: TfNode): TfNode {
  if (type.type !== 'call') return value;
  const [inner] = type.args;
  if (inner === undefined) return value;
  switch (type.name) {
    case 'map':
      return value.kind === 'object' ? { ...value, entries: Object.fromEntries(Object.entries(value.entries).map(([key, item]) => [key, applyTypeDefaults(inner, item)])) } : value;
    case 'list':
    case 'set':
      return value.kind === 'list' ? { ...value, items: value.items.map((item) => applyTypeDefaults(inner, item)) } : value;
    case 'tuple':
      return value.kind === 'list' && inner.type === 'tuple'
        ? { ...value, items: value.items.map((item, position) => (inner.items[position] ? applyTypeDefaults(inner.items[position], item) : item)) }
        : value;
    case 'object':
      return value.kind === 'object' && inner.type === 'object' ? objectDefaults(inner, value) : value;
    default:
      return value;
  }
}

function objectDefaults(type: HclExpression & { type: 'object' }, value: TfNode & { kind: 'object' }): TfNode {
  const entries = { ...value.entries };
  for (const item of type.items) {
    const name = attributeName(item.key);
    if (name === undefined) continue;
    const optional = item.value.type === 'call' && item.value.name === 'optional' ? item.value : undefined;
    const attributeType = optional ? optional.args[0] : item.value;
    const given = entries[name];
    const absent = given === undefined || (given.kind === 'scalar' && given.value === null);
    if (absent && optional) {
      const fallback = optional.args[1];
      entries[name] = fallback ? evaluateConstant(fallback, `the default of optional attribute ${name} cannot refer to anything`) : scalar(null, value.span);
    }
    const filled = entries[name];
    if (filled !== undefined && attributeType !== undefined) entries[name] = applyTypeDefaults(attributeType, filled);
  }
  return { ...value, entries };
}

/** An object type's attribute name: written bare (`public = …`) or quoted. */
function attributeName(key: HclExpression): string | undefined {
  if (key.type === 'traversal' && key.steps.length === 0) return key.root;
  if (key.type === 'literal' && typeof key.value === 'string') return key.value;
  if (key.type === 'template' && key.parts.length === 1 && typeof key.parts[0] === 'string') return key.parts[0];
  return undefined;
}
