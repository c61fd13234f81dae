import { htmlText } from '../output/html-text.js';

/** Text or an attribute value inside HTML; tenant data (names, messages) always goes through here. */
export const esc = htmlText;

/** A link when the URL is http(s), plain text otherwise (no `javascript:` or relative URLs from rule metadata). */
export function link(title: string, url: string | undefined): string {
  if (url === undefined || !/^https?:\/\//i.test(url)) return esc(title);
  return `<a href="${esc(url)}" rel="noreferrer">${esc(title)}</a>`;
}
