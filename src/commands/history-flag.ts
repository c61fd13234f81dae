import { loadHistory, type LoadedHistory } from '../history/load-history.js';
import { resolvePath } from './context.js';
import type { CliIo } from './io.js';
import type { OutputFlags } from './output-options.js';

/**
 * The earlier reports `--history DIR` names, read and checked before any work (a bad file fails in a second,
 * not after a collection); undefined without the flag. An empty or repeated flag never gets here: runCli refuses it first.
 * @throws UserFacingError see {@link loadHistory}, for the folder and its reports.
 */
export function historyFlag(flags: Pick<OutputFlags, 'history'>, io: CliIo): LoadedHistory | undefined {
  const { history } = flags;
  return history === undefined ? undefined : loadHistory(resolvePath(io, history), history);
}
