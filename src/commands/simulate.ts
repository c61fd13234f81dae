import { runSimulateCommand } from '../simulator/index.js';
import type { RegisterCommand } from './context.js';

export const registerSimulateCommand: RegisterCommand = (yargs) =>
  yargs.command(
    'simulate',
    'Serve a local, read-only PingOne API look-alike on 127.0.0.1 (for demos and tests)',
    (y) =>
      y
        .option('port', { type: 'number', default: 4510, description: 'Port on 127.0.0.1 (0 picks a free one)' })
        .option('dataset', { type: 'string', default: 'demo', description: 'Built-in dataset name (demo) or a dataset JSON file' })
        .option('verbose', { type: 'boolean', default: false, description: 'One line per request on stderr' }),
    async (argv) => {
      await runSimulateCommand({ port: argv.port, dataset: argv.dataset, verbose: argv.verbose });
    },
  );
