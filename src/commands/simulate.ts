import { runSimulateCommand } from '../simulator/index.js';
import { UserFacingError } from '../errors.js';
import type { Verdict } from '../verdict.js';
import { defineCommand } from './context.js';

const MAX_PORT = 65_535;

export const simulateCommand = defineCommand({
  builder: (y) =>
    y
      .option('port', { type: 'number', default: 4510, description: 'Port on 127.0.0.1 (0 picks a free one)' })
      .option('dataset', { type: 'string', default: 'demo', description: 'Built-in dataset name (demo, or demo-future: enum values and fields PingOne may add) or a dataset JSON file' })
      .option('verbose', { type: 'boolean', default: false, description: 'One line per request on stderr' }),
  run: async (argv, { io }): Promise<Verdict> => {
    const port = argv.port;
    if (!Number.isInteger(port) || port < 0 || port > MAX_PORT) {
      throw new UserFacingError('flag-invalid', `--port ${String(port)} is not a TCP port.`, { hint: `Pass a whole number from 1 to ${MAX_PORT}, or 0 to pick a free one.` });
    }
    try {
      // Serves until SIGINT or SIGTERM: the one command that waits on the process itself.
      await runSimulateCommand({ port, dataset: argv.dataset, verbose: argv.verbose, write: (text) => io.stderr.write(text) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new UserFacingError('port-unavailable', `Port ${port} on 127.0.0.1 is in use.`, { hint: 'Stop what listens there, or pass another --port (0 picks a free one).', cause: error });
      if (code === 'EACCES')
        throw new UserFacingError('port-unavailable', `Port ${port} on 127.0.0.1 may not be opened by this user.`, { hint: 'Pass a port above 1023, or 0 to pick a free one.', cause: error });
      throw error;
    }
    return 'clean';
  },
});
