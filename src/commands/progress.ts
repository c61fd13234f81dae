import type { CollectProgress } from '../fetch/index.js';
import { stderrLine } from '../output/stderr-line.js';
import type { OutputStream } from './io.js';

/** In CI, the longest the log stays silent during a collection: a users scan can take hours, and looks hung without it. */
const QUIET_MS = 60_000;
/** How often CI silence is checked: a silent stretch ends within this much of {@link QUIET_MS}. */
const CHECK_MS = 10_000;

/**
 * Collection progress on stderr: one rewritten line on a terminal, and in CI (no TTY) one plain
 * line per environment collected, so logs stay short, plus where the collection is (its latest
 * progress line) whenever nothing was printed for a minute. `finish` stops that timer.
 */
export function createProgressReporter(stream: OutputStream): { report: (event: CollectProgress) => void; finish: () => void } {
  const interactive = stream.isTTY === true;
  let lastLine = '';
  let lastWrittenAt = Date.now();
  const writeLine = (line: string) => {
    stream.write(`${line}\n`);
    lastWrittenAt = Date.now();
  };
  const heartbeat = interactive
    ? undefined
    : setInterval(() => {
        if (lastLine !== '' && Date.now() - lastWrittenAt >= QUIET_MS) writeLine(lastLine);
      }, CHECK_MS);
  // The timer never keeps the process alive: a collection that ends without `finish` still exits.
  heartbeat?.unref();
  const describe = ({ phase, environmentId, done, total }: CollectProgress): string =>
    stderrLine(`collecting ${phase}${environmentId === undefined ? '' : ` in ${environmentId}`}: ${done}${total === undefined ? '' : `/${total}`}`);
  return {
    report(event) {
      const line = describe(event);
      lastLine = line;
      if (interactive) stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 100) - 1)}`);
      else if (event.phase === 'environments') writeLine(line);
    },
    finish() {
      clearInterval(heartbeat);
      if (interactive && lastLine !== '') stream.write('\r\x1b[2K');
    },
  };
}
