#!/usr/bin/env node
import { hideBin } from 'yargs/helpers';
import { runCli } from './run-cli.js';

// The only place that knows it runs in a process: everything else gets the process through `io`.
// A reader that stops early (`| head`) closes the pipe: the rest of the report has nowhere to go, which is not an
// error of this run, so the writes after it are dropped and the run ends with its own exit code (the gate's verdict).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});
process.exitCode = await runCli(hideBin(process.argv), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
