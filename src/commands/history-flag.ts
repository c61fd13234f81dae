import { UserFacingError } from '../errors.js';
import { loadHistory, type LoadedHistory } from '../history/load-history.js';
import { resolvePath } from './context.js';
import type { CliIo } from './io.js';
import type { OutputFlags } from './output-options.js';

/**
 * The earlier reports `--history DIR` names, read and checked before any work (a bad file fails in a second,
 * not after a collection); undefined without the flag.
 * @throws UserFacingError `flag-invalid` for an empty or repeated flag; see {@link loadHistory} for the folder.
 */
export function historyFlag(flags: Pick<OutputFlags, 'history'>, io: CliIo): LoadedHistory | undefined {
  const { history } = flags;
  if (history === undefined) return undefined;
  if (typeof history !== 'string' || history === '') {
    throw new UserFacingError('flag-invalid', '--history needs one folder.', { hint: 'Name the folder that holds the JSON reports of earlier runs once: --history reports/' });
  }
  return loadHistory(resolvePath(io, history), history);
}
