import { runSimulateCommand } from '../simulator/index.js';
import type { Verdict } from '../verdict.js';
import { defineCommand } from './context.js';

export const registerSimulateCommand = defineCommand({
  command: 'simulate',
  describe: 'Serve a local, read-only PingOne API look-alike on 127.0.0.1 (for demos and tests)',
  builder: (y) =>
    y
      .option('port', { type: 'number', default: 4510, description: 'Port on 127.0.0.1 (0 picks a free one)' })
      .option('dataset', { type: 'string', default: 'demo', description: 'Built-in dataset name (demo) or a dataset JSON file' })
      .option('verbose', { type: 'boolean', default: false, description: 'One line per request on stderr' }),
  run: async (argv, { io }): Promise<Verdict> => {
    // Serves until SIGINT or SIGTERM: the one command that waits on the process itself.
    await runSimulateCommand({ port: argv.port, dataset: argv.dataset, verbose: argv.verbose, write: (text) => io.stderr.write(text) });
    return 'clean';
  },
});
