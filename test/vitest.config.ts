import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Test files that run the CLI (in-process or the built binary) or a sign-in against the simulator. */
const CLI_TESTS = ['test/cli/**/*.test.ts', 'test/login/cli-*.test.ts', 'test/**/cli-*.test.ts', 'test/**/*end-to-end*.test.ts'];

export default defineConfig({
  test: {
    // The project root, not this folder: test files import from src/ and rules/ and run the built CLI.
    root: fileURLToPath(new URL('..', import.meta.url)),
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // vitest's default is one worker per core but one: one on these 2-core machines. The CLI tests
    // mostly wait (Retry-After, timeouts, the simulator), so two processes overlap those waits.
    // vitest 3 builds one pool per kind from these root options, whatever a project says: without
    // `threads.isolate: false` here the unit project's `isolate: false` only stopped the module reset,
    // and each file still got a fresh thread that loaded vitest, ajv and the source again (77 of the
    // rules folder's 84 CPU seconds, measured with --cpu-prof). Only the unit project uses threads.
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false }, threads: { maxThreads: 1, minThreads: 1, isolate: false } },
    projects: [
      {
        extends: true,
        // Pure and fast: one worker reuses its modules across files instead of reloading them per file.
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: CLI_TESTS, pool: 'threads', isolate: false },
      },
      {
        extends: true,
        // Two processes, each running its share of the files one after another without reloading modules (a fresh
        // process per file cost half the project's CPU): these start simulators and the CLI, and some wait on real time.
        // Some files run their tests concurrently (describe.concurrent), which then share one CPU: on a
        // loaded 2-core machine a scan that takes 5 s alone took over 30 s. The timeout catches a hang,
        // it does not judge speed, so it is set for the loaded case.
        test: { name: 'cli', include: CLI_TESTS, pool: 'forks', isolate: false, testTimeout: 120_000, hookTimeout: 120_000 },
      },
    ],
  },
});
