import type { SourceSpan, TfNode, TfResource } from '../model.js';
import { readNumber } from '../evaluate/values.js';

/** A value a rule may need that Terraform only knows at apply (or never, statically). */
export interface UnresolvedValue {
  address: string;
  /** The attribute path in the resource, dotted (`oidc_options.redirect_uris`). */
  attribute: string;
  expression: string;
  reason: string;
  span: SourceSpan;
}

type Scalar = string | number | boolean;

/**
 * Reads one resource's evaluated body by attribute path, remembering for each value read where it
 * came from (pointer relative to the object being built → span) and every unknown it met, so the
 * caller can place both once it knows where the object lands in the snapshot.
 */
export class ResourceReader {
  readonly spans: Array<[pointer: string, span: SourceSpan]> = [];
  readonly unresolved: UnresolvedValue[] = [];

  /** How many steps of the last path read led to what it found: an unknown object cuts a path short. */
  private unknownDepth = 0;

  constructor(readonly resource: TfResource) {}

  /** The node at `path` (attribute names, into nested objects); a list of one object counts as that object (a block). */
  node(path: readonly string[]): TfNode | undefined {
    let current: TfNode | undefined = this.resource.body;
    for (const [depth, name] of path.entries()) {
      if (current?.kind === 'list' && current.items.length === 1) current = current.items[0];
      if (current?.kind !== 'object') {
        if (current?.kind !== 'unknown') return undefined;
        this.unknownDepth = depth;
        return current;
      }
      current = current.entries[name];
    }
    this.unknownDepth = path.length;
    return current?.kind === 'list' && current.items.length === 1 && current.items[0]!.kind === 'object' ? current.items[0] : current;
  }

  /** True when the attribute is written (even as an unknown). */
  has(path: readonly string[]): boolean {
    const found = this.node(path);
    return found !== undefined && !(found.kind === 'scalar' && found.value === null);
  }

  string(path: readonly string[], pointer?: string): string | undefined {
    const value = this.scalar(path, pointer);
    return value === undefined ? undefined : String(value);
  }

  /** A number, or a string Terraform converts to one; a value Terraform refuses (`"1h"`, a bool) is recorded unknown, never read as absent. */
  number(path: readonly string[], pointer?: string): number | undefined {
    const found = this.node(path);
    const value = this.scalar(path, pointer);
    if (value === undefined || found === undefined) return undefined;
    const reading = readNumber(found);
    // The string itself is not repeated: a value written in the wrong attribute may be a secret.
    return 'number' in reading ? reading.number : this.unknown(path, { expression: typeof value === 'string' ? 'a string' : String(value), reason: reading.refused, span: found.span });
  }

  boolean(path: readonly string[], pointer?: string): boolean | undefined {
    const value = this.scalar(path, pointer);
    return typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : undefined;
  }

  /** A list or set of strings; an unknown element makes the whole list unknown (one missing redirect URI changes the verdict). */
  strings(path: readonly string[], pointer?: string): string[] | undefined {
    const found = this.node(path);
    if (found === undefined || (found.kind === 'scalar' && found.value === null)) return undefined;
    if (found.kind === 'unknown') return this.unknown(path, found);
    if (found.kind !== 'list') return this.unknown(path, { expression: describe(found), reason: 'not a list', span: found.span });
    const unknownItem = found.items.find((item) => item.kind !== 'scalar');
    if (unknownItem !== undefined) return this.unknown(path, unknownItem.kind === 'unknown' ? unknownItem : { expression: describe(unknownItem), reason: 'not a string', span: unknownItem.span });
    if (pointer !== undefined) {
      this.spans.push([pointer, found.span]);
      found.items.forEach((item, index) => this.spans.push([`${pointer}/${index}`, item.span]));
    }
    return found.items.map((item) => String((item as { value: Scalar }).value));
  }

  /** Records where the value at `pointer` came from, for a value built from several attributes. */
  at(pointer: string, path: readonly string[]): void {
    const found = this.node(path);
    if (found !== undefined) this.spans.push([pointer, found.span]);
  }

  private scalar(path: readonly string[], pointer: string | undefined): Scalar | undefined {
    const found = this.node(path);
    if (found === undefined || (found.kind === 'scalar' && found.value === null)) return undefined;
    if (found.kind === 'unknown') return this.unknown(path, found);
    if (found.kind !== 'scalar') return this.unknown(path, { expression: describe(found), reason: `an ${found.kind} where a single value belongs`, span: found.span });
    if (pointer !== undefined) this.spans.push([pointer, found.span]);
    return found.value as Scalar;
  }

  private unknown(path: readonly string[], { expression, reason, span }: { expression: string; reason: string; span: SourceSpan }): undefined {
    // An unknown object (`oidc_options = local.options`) is met once per attribute read through it: named once.
    const attribute = path.slice(0, Math.max(this.unknownDepth, 1)).join('.');
    const same = this.unresolved.find((value) => value.expression === expression && value.span.file === span.file && value.span.line === span.line && value.span.column === span.column);
    if (same === undefined) this.unresolved.push({ address: this.resource.address, attribute, expression, reason, span });
    return undefined;
  }
}

function describe(node: TfNode): string {
  return node.kind === 'object' ? '{ … }' : node.kind === 'list' ? '[ … ]' : String(node.kind === 'scalar' ? node.value : node.expression);
}
