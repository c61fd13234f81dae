import path from 'node:path';

/**
 * `target`'s path relative to `folder` when it is `folder` itself (`''`) or below it, by path alone (links are not
 * followed); undefined when it is elsewhere. A name that only starts with two dots (`..notes`) is below the folder:
 * only `..` itself, or `..` followed by a separator, climbs out.
 */
export function pathWithin(folder: string, target: string): string | undefined {
  const relative = path.relative(folder, target);
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) ? undefined : relative;
}
