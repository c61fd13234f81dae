/** Text or an attribute value inside HTML; tenant data (names, messages) always goes through here. */
export function esc(value: string | number): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A link when the URL is http(s), plain text otherwise (no `javascript:` or relative URLs from rule metadata). */
export function link(title: string, url: string | undefined): string {
  if (url === undefined || !/^https?:\/\//i.test(url)) return esc(title);
  return `<a href="${esc(url)}" rel="noreferrer">${esc(title)}</a>`;
}
