import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIFT_FORMATS } from '../../src/diff/format-drift.js';
import { FORMAT_NAMES } from '../../src/formatters/index.js';
import { CHECKLIST_FORMATS } from '../../src/profiles/format-checklist.js';
import { loadDataset, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { SECRET_FIELDS_NOTE } from '../../src/snapshot/secret-fields.js';
import { WHOAMI_FORMATS } from '../../src/whoami/format-whoami.js';
import { HIDDEN_CHARACTER, HOSTILE_STRINGS, RAW_TERMINAL_CONTROL } from '../helpers/hostile-strings.js';
import { referenceJson } from '../helpers/reference-json.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { hostileDataset, PLANTED_SECRETS, usedHostileStrings } from './hostile-dataset.js';
import { credentialLeaks } from './leaks.js';

/**
 * The acceptance test of issue 13: an organization whose every name is an attack, an API that
 * echoes the request (bearer token included) into its 403s, run through every command that shows
 * tenant data and every format each has. Assertions are on the bytes printed and written.
 */
const dataset = hostileDataset();
const auditor = dataset.credentials[0]!;
const STACKONE_LEGACY = '40c280f7-421f-45cd-a452-150e8a544301';
const LONG = HOSTILE_STRINGS.find((hostile) => hostile.name === 'very long')!.value;

/** One thing the CLI printed or wrote: where it went, and whether a terminal shows it. */
interface Output {
  source: string;
  text: string;
  terminal: boolean;
}

const outputs: Output[] = [];
const runs = new Map<string, CliRun>();
let work: string;
let hostile: RunningSimulator;
let plain: RunningSimulator;
let echoingTokenEndpoint: RunningSimulator;

const envFor = (simulator: RunningSimulator) => ({
  PINGONE_CLIENT_ID: auditor.clientId,
  PINGONE_CLIENT_SECRET: auditor.clientSecret,
  PINGONE_ENVIRONMENT_ID: auditor.environmentId,
  PINGONE_API_URL: simulator.apiUrl,
  PINGONE_AUTH_URL: simulator.authUrl,
});

/** Runs one command; its stdout counts as terminal output when the format is the table. */
async function run(name: string, args: string[], options: { simulator?: RunningSimulator; terminal: boolean }): Promise<CliRun> {
  const result = await runCli(args, options.simulator === undefined ? {} : { env: envFor(options.simulator) });
  runs.set(name, result);
  outputs.push({ source: `${name} stdout`, text: result.stdout, terminal: options.terminal }, { source: `${name} stderr`, text: result.stderr, terminal: true });
  return result;
}

/** Every report format into its own file, named after the run. */
/** The terminal formats go to stdout, where the checks for a terminal read them. */
const TERMINAL_FORMATS: readonly string[] = ['stylish', 'grid'];
const allFormats = (prefix: string) => FORMAT_NAMES.filter((format) => !TERMINAL_FORMATS.includes(format)).flatMap((format) => ['-f', format, '-o', path.join(work, `${prefix}.${format}`)]);

async function filesUnder(dir: string): Promise<Output[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return { source: path.relative(work, file), text: await readFile(file, 'utf8'), terminal: false };
      }),
  );
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pingone-audit-hostile-'));
  hostile = await startSimulator({ dataset, faults: { echoRequest: '/environments/*/gateways' } });
  plain = await startSimulator({ dataset: loadDataset('demo') });
  // Some token endpoints echo the request they refuse: Basic header and form included.
  echoingTokenEndpoint = await startSimulator({ dataset, faults: { echoRequest: { pattern: '/*/as/token', status: 401 } } });
  await run('scan, token refused', ['scan', '--max-rps', '500', '--all-environments', '--out', path.join(work, 'refused-snapshot'), '-f', 'table', ...allFormats('refused')], {
    simulator: echoingTokenEndpoint,
    terminal: true,
  });
  const snapshot = path.join(work, 'hostile-snapshot');
  await run('scan', ['scan', '--max-rps', '500', '--all-environments', '--out', snapshot, '-f', 'table', ...allFormats('scan')], { simulator: hostile, terminal: true });
  await run('plain snapshot', ['snapshot', '--max-rps', '500', '--all-environments', '--out', path.join(work, 'plain-snapshot')], { simulator: plain, terminal: true });
  await run('audit', ['audit', snapshot, '--allow-incomplete', ...allFormats('audit'), '-f', 'stylish'], { terminal: true });
  await run('audit verbose', ['audit', snapshot, '--allow-incomplete', '--verbose'], { terminal: true });
  for (const format of DRIFT_FORMATS) {
    await run(`diff ${format}`, ['diff', path.join(work, 'plain-snapshot'), snapshot, '-f', format], { terminal: format === 'table' });
  }
  for (const format of CHECKLIST_FORMATS) {
    await run(`check ${format}`, ['check', 'stackone', '--app', STACKONE_LEGACY, '--snapshot', snapshot, '-f', format], { terminal: format === 'table' });
  }
  for (const format of WHOAMI_FORMATS) {
    await run(`whoami ${format}`, ['whoami', '--max-rps', '500', '-f', format], { simulator: hostile, terminal: format === 'table' });
  }
  outputs.push(...(await filesUnder(work)));
}, 180_000);

afterAll(async () => {
  await Promise.all([hostile?.close(), plain?.close(), echoingTokenEndpoint?.close()]);
  await rm(work, { recursive: true, force: true });
});

describe('hostile tenant data through every command and format', () => {
  it('uses every hostile string, and every command ran to its verdict', () => {
    expect(usedHostileStrings(dataset)).toHaveLength(HOSTILE_STRINGS.length);
    // Credentials refused (and echoed back) end the run before any report: exit 2.
    expect(runs.get('scan, token refused')?.code, runs.get('scan, token refused')?.stderr).toBe(2);
    expect(echoingTokenEndpoint.requestLog.some((entry) => entry.fault === 'echoRequest')).toBe(true);
    // The echoed 403 on gateways leaves the scan incomplete: exit 3, never a pass.
    expect(runs.get('scan')?.code, runs.get('scan')?.stderr).toBe(3);
    // Allowed to be incomplete (every environment was read), the five high findings fail the gate.
    expect(runs.get('audit')?.code, runs.get('audit')?.stderr).toBe(1);
    for (const format of DRIFT_FORMATS) expect(runs.get(`diff ${format}`)?.code, `diff ${format}`).toBe(3);
    for (const format of CHECKLIST_FORMATS) expect([1, 3], `check ${format}`).toContain(runs.get(`check ${format}`)?.code);
    for (const format of WHOAMI_FORMATS) expect([0, 1, 3], `whoami ${format}`).toContain(runs.get(`whoami ${format}`)?.code);
    for (const [name, result] of runs) expect(result.stderr, name).not.toContain('internal error');
  });

  it('writes every report in full', () => {
    for (const prefix of ['scan', 'audit']) {
      for (const format of FORMAT_NAMES.filter((name) => !TERMINAL_FORMATS.includes(name))) {
        expect(outputs.find((output) => output.source === `${prefix}.${format}`)?.text.length, `${prefix}.${format}`).toBeGreaterThan(500);
      }
    }
    const report = JSON.parse(outputs.find((output) => output.source === 'audit.json')!.text) as { findings: unknown[]; snapshot: { environments: Array<{ name: string }> } };
    expect(report.findings.length).toBeGreaterThan(10);
    // Data formats keep the tenant's text whole; only what people read is cut.
    expect(report.snapshot.environments.map((environment) => environment.name)).toContain(LONG);
  });

  it('prints no control character, bidi override or workflow command on a terminal', () => {
    const terminal = outputs.filter((output) => output.terminal);
    expect(terminal.length).toBeGreaterThan(10);
    for (const { source, text } of terminal) {
      expect(RAW_TERMINAL_CONTROL.exec(text)?.[0], source).toBeUndefined();
      expect(text, source).not.toMatch(/^\s*(::|##\[)/m);
      expect(Math.max(...text.split('\n').map((line) => line.length)), source).toBeLessThan(LONG.length);
    }
  });

  it('puts no client secret, Basic credential or token in any output or file', () => {
    for (const { source, text } of outputs) {
      for (const [what, pattern] of credentialLeaks(auditor)) {
        expect(typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text), `${what} in ${source}`).toBe(false);
      }
    }
  });

  it('stores and shows no secret-like field the API answered with', () => {
    const planted = [PLANTED_SECRETS.clientSecret, PLANTED_SECRETS.secret, 'MIIplantedkeymaterial'];
    // The API did answer with them: the manifest says which fields were dropped, never their values.
    expect(outputs.find((output) => output.source === 'hostile-snapshot/manifest.json')?.text).toContain(SECRET_FIELDS_NOTE);
    for (const { source, text } of outputs) for (const value of planted) expect(text.includes(value), `${value} in ${source}`).toBe(false);
  });

  it('keeps raw controls, bidi and invisible characters out of Markdown, HTML, CSV and JUnit', () => {
    const read = outputs.filter((output) => /\.(markdown|html|csv|junit)$/.test(output.source) || / markdown stdout$/.test(output.source));
    expect(read.length).toBeGreaterThanOrEqual(8);
    for (const { source, text } of read) {
      // CSV ends its records with CRLF (RFC 4180); a CR anywhere else would be tenant data.
      const body = source.endsWith('.csv') ? text.replace(/\r\n/g, '\n') : text;
      expect(RAW_TERMINAL_CONTROL.exec(body)?.[0], source).toBeUndefined();
    }
  });

  it('writes every hidden character as a \\u escape in each JSON file and stream, and JSON.parse gives the text back', () => {
    const json = outputs.filter((output) => /\.(json|sarif|oscal-ar|oscal-poam)$/.test(output.source) || / json stdout$/.test(output.source));
    expect(json.filter((output) => output.source.endsWith('stdout'))).toHaveLength(3);
    for (const { source, text } of json) expect(HIDDEN_CHARACTER.exec(text)?.[0], source).toBeUndefined();
    const invisible = HOSTILE_STRINGS.find((hostile) => hostile.name === 'invisible characters')!.value;
    // An environment's name reaches every JSON: escaped in the bytes, whole once parsed.
    for (const source of ['audit.json', 'audit.sarif', 'audit.oscal-ar', 'audit.oscal-poam', 'scan.json', 'diff json stdout']) {
      const text = json.find((output) => output.source === source)?.text ?? '';
      expect(text.includes(referenceJson(JSON.stringify(invisible)).slice(1, -1)), source).toBe(true);
      expect(JSON.stringify(JSON.parse(text)).includes(JSON.stringify(invisible).slice(1, -1)), source).toBe(true);
    }
    const snapshotFiles = json.filter((output) => output.source.startsWith('hostile-snapshot'));
    expect(snapshotFiles.some(({ text }) => JSON.stringify(JSON.parse(text)).includes(JSON.stringify(invisible).slice(1, -1)))).toBe(true);
  });

  it('renders no live HTML, mention or link from tenant text in Markdown and HTML', () => {
    const rendered = outputs.filter((output) => /\.(markdown|html)$/.test(output.source) || / markdown stdout$/.test(output.source));
    expect(rendered.length).toBeGreaterThanOrEqual(6);
    // GitHub refuses a job summary or comment over 1 MiB, and would drop the whole report.
    for (const { source, text } of rendered.filter((output) => !output.source.endsWith('.html'))) expect(Buffer.byteLength(text), source).toBeLessThan(1024 * 1024);
    for (const { source, text: whole } of rendered) {
      // A code span shows its text as it is, and a backslash before `<` is Markdown's escape: neither renders.
      const text = whole.replace(/(?<!\\)`[^`\n]*`/g, '`code`');
      for (const live of [/(?<!\\)<img src=x/, /(?<!\\)<script>alert/, /(?<!\\)<meta http-equiv=refresh/, /(?<!\\)<\/details> \(/]) expect(text, source).not.toMatch(live);
      if (source.endsWith('.html')) continue;
      for (const trigger of ['@octocat', '@github/security', 'https://evil.example', 'www.evil.example']) expect(text, source).not.toContain(trigger);
    }
  });

  it('starts no spreadsheet formula in any CSV cell, whatever the separator', () => {
    const csv = outputs.filter((output) => output.source.endsWith('.csv'));
    expect(csv).toHaveLength(2);
    for (const { source, text } of csv) {
      const cells = [...text.matchAll(/"((?:[^"]|"")*)"/g)].map((match) => match[1]!.replace(/""/g, '"'));
      expect(cells.length).toBeGreaterThan(100);
      expect(
        cells.filter((cell) => /(^|[,;|\t])\s*[=+\-@]/.test(cell)),
        source,
      ).toEqual([]);
    }
  });
});
