import type { Finding } from '../engine/types.js';
import { dispositionLabel } from './disposition-label.js';
import { fullyQualifiedPrefix, SOURCE_ROOT } from './sarif-location.js';
import type { ResourceType } from '../snapshot/model.js';
import { SARIF_LEVEL } from './sarif-rules.js';
import { jsonString, jsonText } from '../output/json-string.js';

/**
 * The member of each result's `partialFingerprints` that holds the finding's fingerprint (`fingerprintFinding`),
 * by which GitHub keeps an alert matched across runs; `/v1` names that recipe, and a new recipe takes a new key.
 */
export const FINGERPRINT_KEY = 'pingoneAuditFingerprint/v1';

/** A finding as a SARIF result: where its file is, and what the report says of it beyond the finding itself. */
export interface SarifResultInput {
  finding: Finding;
  /** Its rule's place in the run's `tool.driver.rules`; undefined for a rule the run does not list. */
  ruleIndex: number | undefined;
  /** Its resource file's `artifactUri`, already as JSON text (quoted and escaped): many findings share a file. */
  uriJson: string;
  /** Reported as suppressed (`--include-suppressed`): it gets `suppressions`. */
  suppressed: boolean;
  /** A baseline's finding fixed since (`--include-fixed`): `baselineState` is `absent` whatever the finding says. */
  absent: boolean;
}

/**
 * No result's text is shorter: the members every result has, its 64-digit fingerprint among them, come to more
 * bytes than this with every string of the finding empty. Tells early that a report is large without printing it.
 */
export const MIN_RESULT_BYTES = 400;

const json = JSON.stringify;
const LOCATION_OPEN = `"locations":[{"physicalLocation":{"artifactLocation":{"uri":`;
const URI_BASE = `,"uriBaseId":${json(SOURCE_ROOT)}},"region":{"startLine":`;
const FINGERPRINTS_OPEN = `,"partialFingerprints":{${json(FINGERPRINT_KEY)}:`;

/**
 * Writes each SARIF 2.1.0 result as compact JSON text, straight from the finding, without building the result as objects
 * first (41,011 of them on the realistic snapshot of issue 19, each a dozen objects): byte for byte what
 * `JSON.stringify` gives for the result of the SARIF log (members in the same order, a member whose value is undefined
 * left out, every string printed by `jsonString`: as `JSON.stringify` would, hidden characters escaped too). Its physical location is the resource file at its
 * line (the top of the file when the line is unknown or 0: GitHub rejects a result without one); its logical location
 * is the resource in the tenant, for consumers that do not read files. One writer serves one report.
 */
export function sarifResultWriter(): (input: SarifResultInput) => string {
  // Rule ids, levels, severities, environment ids, resource types and pointers repeat over tens of thousands of
  // results: each is escaped once per report.
  const quoted = new Map<string, string>();
  const quote = (value: string | null) => {
    if (value === null) return 'null';
    let text = quoted.get(value);
    if (text === undefined) quoted.set(value, (text = jsonString(value)));
    return text;
  };
  // A logical location's text up to its resource id (quote opened, not closed), per environment and resource type.
  const namePrefixes = new Map<string | null, Map<ResourceType, string>>();
  const namePrefix = (environmentId: string | null, type: ResourceType) => {
    let byType = namePrefixes.get(environmentId);
    if (byType === undefined) namePrefixes.set(environmentId, (byType = new Map()));
    let text = byType.get(type);
    if (text === undefined) byType.set(type, (text = jsonString(fullyQualifiedPrefix(environmentId, type)).slice(0, -1)));
    return text;
  };
  return ({ finding, ruleIndex, uriJson, suppressed, absent }) => {
    const { resource, location } = finding;
    const baselineState = finding.baselineState === undefined ? undefined : absent ? 'absent' : finding.baselineState;
    const pointer = quote(finding.pointer);
    const type = quote(resource.type);
    const id = jsonString(resource.id);
    const name = resource.name === undefined ? undefined : jsonString(resource.name);
    // JSON escapes character by character, so the escaped prefix and the escaped id make the escaped name.
    const qualifiedName = location.address === undefined ? `${namePrefix(finding.environmentId, resource.type)}${id.slice(1)}` : jsonString(location.address);
    return (
      `{"ruleId":${quote(finding.ruleId)}${ruleIndex === undefined ? '' : `,"ruleIndex":${jsonNumber(ruleIndex)}`},"level":${quote(SARIF_LEVEL[finding.severity])}` +
      `,"message":{"text":${jsonString(finding.message)}},${LOCATION_OPEN}${uriJson}${URI_BASE}${jsonNumber(Math.max(1, Math.trunc(location.line ?? 1)))}}}` +
      // A Terraform resource is known by its address, which is what a reviewer searches the configuration for.
      `,"logicalLocations":[{${name === undefined ? '' : `"name":${name},`}"fullyQualifiedName":${qualifiedName},"kind":"resource"` +
      `,"properties":{"pointer":${pointer},"resourceType":${type}}}]}]${FINGERPRINTS_OPEN}${jsonString(finding.fingerprint)}}` +
      (baselineState === undefined ? '' : `,"baselineState":${quote(baselineState)}`) +
      (suppressed ? `,"suppressions":[{"kind":"external","justification":${jsonString(suppressionJustification(finding))}}]` : '') +
      `,"properties":{"severity":${quote(finding.severity)},"environmentId":${quote(finding.environmentId)}` +
      `,"resource":{"type":${type},"id":${id}${name === undefined ? '' : `,"name":${name}`}},"pointer":${pointer}` +
      `${finding.disposition === undefined ? '' : `,"disposition":${jsonText(finding.disposition)}`}}` +
      (absent && finding.baselineState === undefined ? ',"baselineState":"absent"}' : '}')
    );
  };
}

/** `JSON.stringify(value)` of a number: its text when finite, else `null`. */
function jsonNumber(value: number): string {
  return Number.isFinite(value) ? `${value}` : 'null';
}

/** The reviewer's reason, led by the disposition (kind, control, owner, dates) when one hid the finding. */
function suppressionJustification(finding: Finding): string {
  const reason = finding.suppression?.reason ?? 'Suppressed';
  return finding.disposition === undefined ? reason : `${dispositionLabel(finding.disposition)}: ${reason}`;
}
