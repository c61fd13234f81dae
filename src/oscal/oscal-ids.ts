import { createHash } from 'node:crypto';

/** The fixed namespace of our name-based UUIDs: never change it, or every finding gets a new OSCAL identity. */
const NAMESPACE = '0b6f3a5e-2f7c-5d43-9a1e-6c2b8e4d7f10';
const NAMESPACE_BYTES = Buffer.from(NAMESPACE.replaceAll('-', ''), 'hex');

/**
 * A name-based UUID (RFC 9562 §5.5, version 5: SHA-1 of namespace + name) in our fixed namespace,
 * so the same finding fingerprint gives the same OSCAL uuid in every run.
 */
export function stableUuid(name: string): string {
  const bytes = createHash('sha1').update(NAMESPACE_BYTES).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A NIST SP 800-53 control id as the OSCAL catalog writes it: `AC-6(5)` → `ac-6.5`, `IA-2` → `ia-2`
 * (the catalog's TokenDatatype refuses parentheses).
 */
export function oscalControlId(control: string): string {
  return control.toLowerCase().replace(/\((\d+)\)$/, '.$1');
}
