#!/usr/bin/env node
import { hideBin } from 'yargs/helpers';
import { runCli, watchOutputs } from './run-cli.js';

// The only place that knows it runs in a process: everything else gets the process through `io`.
const outputs = watchOutputs(process.stdout, process.stderr);
const exitCode = await runCli(hideBin(process.argv), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
// Exit as soon as stdout and stderr have taken every byte: a process left to wind down first hands back a large
// audit's heap piece by piece (0.1 s of system time after the realistic snapshot of issue 19), for nothing.
await Promise.all([process.stdout, process.stderr].map(flushed));
// A write that failed meanwhile (a full disk) turns the verdict into exit 2: the report is not whole.
process.exit(outputs.exitCode(exitCode));

/** Resolves once every write queued on `stream` before has been handed to the system (at once for a closed stream). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) resolve();
    else stream.write('', () => resolve());
  });
}
