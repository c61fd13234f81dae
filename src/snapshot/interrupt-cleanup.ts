/** What {@link removedOnInterrupt} needs of the process: Node's `process` in the CLI, a stand-in in tests. */
export interface SignalTarget {
  once(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  kill(pid: number, signal: NodeJS.Signals): unknown;
  readonly pid: number;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/**
 * Runs `task`; should Ctrl-C (SIGINT) or SIGTERM come meanwhile, runs `cleanup` (synchronous: the process is ending)
 * and raises the signal again, so that the process ends as it would have (exit 130 or 143). No `finally` runs when a
 * signal ends a process: a snapshot's staging folder was left beside the target, hidden, for good.
 */
export async function removedOnInterrupt<T>(cleanup: () => void, task: () => Promise<T>, target: SignalTarget = process): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    for (const other of SIGNALS) target.off(other, onSignal);
    try {
      cleanup();
    } finally {
      target.kill(target.pid, signal);
    }
  };
  for (const signal of SIGNALS) target.once(signal, onSignal);
  try {
    return await task();
  } finally {
    for (const signal of SIGNALS) target.off(signal, onSignal);
  }
}
