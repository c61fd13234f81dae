import type { Log, PropertyBag, ReportingDescriptor, Result, Run } from 'sarif';
import { MAX_RESULTS_PER_RUN } from '../../src/formatters/sarif.js';
import { MAX_RUNS } from '../../src/formatters/sarif-uploads.js';

/** The characters RFC 3986 allows in a URI reference; anything else (a space, a backslash) must be escaped. */
const URI_CHARACTERS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]%]*$/;
const BAD_PERCENT_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/**
 * What GitHub code scanning rejects although the SARIF schema allows it: results without a
 * physical location, an empty or malformed URI, a URI with a scheme other than `file`,
 * `startLine` below 1, a `security-severity` that is not a string, two runs of one tool with the
 * same category, more than 20 runs or more than 25,000 results in a run. Returns one line per
 * problem, located by JSON path; empty when the log would upload.
 */
export function checkSarifForGitHub(sarif: Log): string[] {
  const runs = sarif.runs ?? [];
  const problems: string[] = [];
  if (runs.length > MAX_RUNS) problems.push(`runs: ${runs.length} runs; GitHub accepts at most ${MAX_RUNS} per upload`);
  const categories = new Map<string, number>();
  runs.forEach((run, runIndex) => {
    const at = `runs[${runIndex}]`;
    const category = `${run.tool.driver.name}\u0000${run.automationDetails?.id ?? ''}`;
    const first = categories.get(category);
    if (first === undefined) categories.set(category, runIndex);
    else problems.push(`${at}.automationDetails.id: ${JSON.stringify(run.automationDetails?.id ?? null)} repeats runs[${first}]; GitHub rejects two runs of one tool with the same category`);
    problems.push(...checkRules(run, at));
    const results = run.results ?? [];
    if (results.length > MAX_RESULTS_PER_RUN) problems.push(`${at}.results: ${results.length} results; GitHub accepts at most ${MAX_RESULTS_PER_RUN} per run`);
    results.forEach((result, resultIndex) => problems.push(...checkResult(result, `${at}.results[${resultIndex}]`)));
  });
  return problems;
}

function checkRules(run: Run, at: string): string[] {
  const components = [run.tool.driver, ...(run.tool.extensions ?? [])];
  return components.flatMap((component, componentIndex) => {
    const where = componentIndex === 0 ? `${at}.tool.driver` : `${at}.tool.extensions[${componentIndex - 1}]`;
    return (component.rules ?? []).flatMap((rule: ReportingDescriptor, ruleIndex) => checkSecuritySeverity(rule.properties, `${where}.rules[${ruleIndex}].properties`));
  });
}

function checkResult(result: Result, at: string): string[] {
  const problems = checkSecuritySeverity(result.properties, `${at}.properties`);
  const physical = (result.locations ?? []).map((location) => location.physicalLocation);
  if (physical.length === 0 || physical.every((location) => location === undefined)) {
    return [...problems, `${at}.locations: no physical location; GitHub rejects results without one`];
  }
  physical.forEach((location, index) => {
    if (location === undefined) return;
    const where = `${at}.locations[${index}].physicalLocation`;
    const uriProblem = checkUri(location.artifactLocation?.uri);
    if (uriProblem !== undefined) problems.push(`${where}.artifactLocation.uri: ${uriProblem}`);
    const startLine = location.region?.startLine;
    if (startLine !== undefined && !(Number.isInteger(startLine) && startLine >= 1)) {
      problems.push(`${where}.region.startLine: ${startLine}; GitHub needs a line number of 1 or more`);
    }
  });
  return problems;
}

function checkUri(uri: string | undefined): string | undefined {
  if (uri === undefined || uri.trim() === '') return 'empty; GitHub needs the file the result is in';
  if (/\s/.test(uri)) return `${JSON.stringify(uri)} contains whitespace; escape it (%20)`;
  if (!URI_CHARACTERS.test(uri) || BAD_PERCENT_ESCAPE.test(uri)) return `${JSON.stringify(uri)} is not a valid URI`;
  const scheme = SCHEME.exec(uri)?.[1];
  if (scheme !== undefined && scheme.toLowerCase() !== 'file') {
    return `${JSON.stringify(uri)} uses the scheme "${scheme}:"; GitHub only maps relative paths and file: URIs to the repository`;
  }
  return undefined;
}

function checkSecuritySeverity(properties: PropertyBag | undefined, at: string): string[] {
  if (properties === undefined || !('security-severity' in properties)) return [];
  const value: unknown = properties['security-severity'];
  if (typeof value !== 'string') return [`${at}["security-severity"]: ${JSON.stringify(value)} is a ${typeof value}; GitHub only reads it as a string such as "8.0"`];
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) > 10) return [`${at}["security-severity"]: ${JSON.stringify(value)} is not a score from "0.0" to "10.0"`];
  return [];
}
