import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { packagePath } from '../../src/paths.js';
import { temporaryFolder } from './temporary-folder.js';

interface ActionStep {
  id?: string;
  env?: Record<string, string>;
  run?: string;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { steps: ActionStep[] };
}

const action = parse(readFileSync(packagePath('action.yml'), 'utf8')) as Action;
const auditStep = action.runs.steps.find((step) => step.id === 'audit')!;

/** How the stand-in CLI behaves: which of its `-o` reports it writes, and its exit code. */
export interface StandInCli {
  writesReports?: boolean;
  exitCode?: number;
  /** Files (relative to the workspace) left by an earlier step, created before the step runs. */
  earlierFiles?: string[];
}

/**
 * Runs the action's audit step as GitHub would (inputs substituted into its env, bash) with a stand-in
 * for the CLI that records what it was given: the key file, its mode and content, and its environment.
 * `outputs` are the step's outputs (`GITHUB_OUTPUT`); `code` its exit code, which rejects unless `cli` sets one.
 */
export async function runAuditStep(inputs: Record<string, string>, cli: StandInCli = {}) {
  const root = temporaryFolder('pingone-audit-action-');
  const seen = path.join(root, 'seen.json');
  mkdirSync(path.join(root, 'dist', 'src'), { recursive: true });
  writeFileSync(
    path.join(root, 'dist', 'src', 'cli.js'),
    `const fs = require('node:fs');
const file = process.env.PINGONE_CLIENT_PRIVATE_KEY_FILE;
fs.writeFileSync(${JSON.stringify(seen)}, JSON.stringify({
  file, mode: file && fs.statSync(file).mode & 0o777, content: file && fs.readFileSync(file, 'utf8'),
  environment: process.env, args: process.argv.slice(2),
}));
const args = process.argv.slice(2);
if (${cli.writesReports === true}) args.forEach((arg, index) => { if (arg === '-o') fs.writeFileSync(args[index + 1], 'report'); });
process.exitCode = ${cli.exitCode ?? 0};`,
  );
  // The action's list of report files is the real one (built by `npm run build`), with the modules it imports.
  for (const file of ['action-report-files.js', 'formatters/format-names.js', 'output/workflow-commands.js', 'output/json-string.js', 'output/hidden-characters.js']) {
    mkdirSync(path.dirname(path.join(root, 'dist', 'src', file)), { recursive: true });
    copyFileSync(packagePath('dist', 'src', file), path.join(root, 'dist', 'src', file));
  }
  for (const file of cli.earlierFiles ?? []) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), 'an earlier run');
  }
  const runnerTemp = path.join(root, 'runner-temp');
  mkdirSync(runnerTemp);
  const substitute = (value: string) =>
    value.replace(/\$\{\{\s*github\.action_path\s*\}\}/g, root).replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_match, name: string) => inputs[name] ?? action.inputs[name]?.default ?? '');
  const env = Object.fromEntries(Object.entries(auditStep.env ?? {}).map(([name, value]) => [name, substitute(String(value))]));
  // As GitHub runs a step with `shell: bash`: errexit and pipefail on (docs: workflow syntax, jobs.<job_id>.steps[*].shell).
  const run = promisify(execFile)('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', auditStep.run!], {
    cwd: root,
    env: { PATH: process.env.PATH, RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: path.join(root, 'output'), GITHUB_STEP_SUMMARY: path.join(root, 'summary'), ...env },
  });
  const { stdout, stderr, code } = await run.then(
    (done) => ({ ...done, code: 0 }),
    (error: { code?: unknown; stdout: string; stderr: string }) => {
      if (cli.exitCode === undefined || error.code !== cli.exitCode) throw error;
      return { stdout: error.stdout, stderr: error.stderr, code: error.code };
    },
  );
  // The step may end (exit 2) before it runs the CLI or writes outputs: then nothing was recorded.
  const recorded = (existsSync(seen) ? JSON.parse(readFileSync(seen, 'utf8')) : { environment: {}, args: [] }) as {
    file?: string;
    mode?: number;
    content?: string;
    environment: Record<string, string>;
    args: string[];
  };
  const outputFile = path.join(root, 'output');
  const outputs = Object.fromEntries(
    (existsSync(outputFile) ? readFileSync(outputFile, 'utf8') : '')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { recorded, stdout, stderr, runnerTemp, root, outputs, code };
}
