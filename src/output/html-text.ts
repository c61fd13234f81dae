import { visibleText } from './visible-text.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * One value as HTML text or as a quoted attribute value: controls and bidi characters shown as
 * escapes (see {@link visibleText}), then `& < > " '` as character references, so that it can
 * neither open a tag nor leave a quoted attribute. Numbers pass through as text. Every value
 * from the tenant, a snapshot or a baseline file goes through here.
 */
export function htmlText(value: string | number): string {
  return visibleText(String(value)).replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}
