import { atNearestAncestor } from '../../snapshot/locate-line.js';
import type { SourceSpan } from '../model.js';

/** Where a part of the mapped snapshot came from: the `.tf` place and the resource address. */
export interface TfOrigin {
  span: SourceSpan;
  address: string;
}

/**
 * Snapshot location (layout file + RFC 6901 pointer) → the `.tf` origin. A pointer with no entry of
 * its own (an attribute left to its default) falls back to its nearest ancestor, at worst the
 * resource's block (pointer ""), as `src/snapshot/locate-line.ts` does for JSON.
 */
export interface Provenance {
  locate(file: string, pointer: string): TfOrigin | undefined;
}

/** A provenance being filled while the configuration is mapped. */
export class ProvenanceTable implements Provenance {
  private readonly byFile = new Map<string, Map<string, TfOrigin>>();

  record(file: string, pointer: string, origin: TfOrigin): void {
    let pointers = this.byFile.get(file);
    if (pointers === undefined) this.byFile.set(file, (pointers = new Map()));
    if (!pointers.has(pointer)) pointers.set(pointer, origin);
  }

  locate(file: string, pointer: string): TfOrigin | undefined {
    const pointers = this.byFile.get(file);
    return pointers === undefined ? undefined : atNearestAncestor(pointers, pointer);
  }
}
