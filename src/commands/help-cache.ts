import type { Argv } from 'yargs';

/** The part of yargs' internals {@link skipHelpCache} reaches (yargs 18, `build/lib/usage.js`). */
interface YargsInternals {
  getInternalMethods?(): { getUsageInstance?(): { cacheHelpMessage?: () => void } } | undefined;
}

/**
 * Before each command's handler, yargs lays out that command's whole `--help` text and keeps it, for a `showHelp` or
 * a failure after the handler started. `runCli`'s `.fail` throws a `UsageError` and nothing calls `showHelp`, so the text
 * was never read: ~10 ms of CPU in every command's cold start (issue 19). `--help` itself is laid out on request,
 * as before. If a later yargs moves this method, nothing is skipped.
 */
export function skipHelpCache(parser: Argv): void {
  const usage = (parser as unknown as YargsInternals).getInternalMethods?.()?.getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}
