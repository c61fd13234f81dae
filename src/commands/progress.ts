import type { CollectProgress } from '../fetch/index.js';
import { stderrLine } from '../output/stderr-line.js';
import type { OutputStream } from './io.js';

/**
 * Collection progress on stderr: one rewritten line on a terminal, and in CI (no TTY) one plain
 * line per environment collected, so logs stay short.
 */
export function createProgressReporter(stream: OutputStream): { report: (event: CollectProgress) => void; finish: () => void } {
  const interactive = stream.isTTY === true;
  let lastLine = '';
  const describe = ({ phase, environmentId, done, total }: CollectProgress): string =>
    stderrLine(`collecting ${phase}${environmentId === undefined ? '' : ` in ${environmentId}`}: ${done}${total === undefined ? '' : `/${total}`}`);
  return {
    report(event) {
      const line = describe(event);
      if (interactive) {
        stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 100) - 1)}`);
        lastLine = line;
      } else if (event.phase === 'environments') {
        stream.write(`${line}\n`);
      }
    },
    finish() {
      if (interactive && lastLine !== '') stream.write('\r\x1b[2K');
    },
  };
}
