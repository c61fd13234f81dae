import type { AuditResult, Finding } from '../engine/types.js';
import { controlsOf } from '../frameworks/rule-controls.js';
import { oscalControlId, stableUuid } from './oscal-ids.js';

/** Namespace of the props pingone-audit adds to OSCAL objects. */
const PROP_NS = 'https://pingone-audit.dev/ns/oscal';

/** An OSCAL `prop`: a name and value in pingone-audit's namespace. */
export interface OscalProp {
  name: string;
  ns: string;
  value: string;
}

/** OSCAL prop and title values are one line without edge whitespace: tenant text is flattened to that. */
export function oneLine(text: string): string {
  const flat = text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat === '' ? '-' : flat;
}

/** A prop in {@link PROP_NS}, its value flattened to one line ({@link oneLine}). */
export function prop(name: string, value: string | number): OscalProp {
  return { name, ns: PROP_NS, value: oneLine(String(value)) };
}

/** The NIST SP 800-53 r5 controls of a finding's rule, as OSCAL control ids (`ac-6.5`). */
export function findingControls(result: AuditResult, finding: Finding): string[] {
  let byRule = controlsByResult.get(result);
  if (byRule === undefined) {
    byRule = new Map(result.rules.map((rule) => [rule.id, controlsOf(rule.meta, 'nist-800-53-r5').map(oscalControlId)]));
    controlsByResult.set(result, byRule);
  }
  return byRule.get(finding.ruleId) ?? [];
}

/** Each rule's controls, looked up once per result rather than once per finding (a million of them). */
const controlsByResult = new WeakMap<AuditResult, ReadonlyMap<string, string[]>>();

/**
 * One observation per finding: the rule, the mapped controls, and the evidence (the snapshot file,
 * the line the finding points at, and the file's SHA-256 when the run read the folder).
 */
export function observationOf(result: AuditResult, finding: Finding): Record<string, unknown> {
  const { location } = finding;
  const evidenceProps = [
    prop('snapshot-file', location.file),
    ...(location.line === undefined ? [] : [prop('line', location.line)]),
    ...(location.sha256 === undefined ? [] : [prop('sha256', location.sha256)]),
    prop('json-pointer', finding.pointer === '' ? '/' : finding.pointer),
  ];
  return {
    uuid: stableUuid(`observation:${finding.fingerprint}`),
    title: oneLine(`${finding.ruleId}: ${finding.resource.name}`),
    description: finding.message,
    props: [
      prop('rule-id', finding.ruleId),
      prop('severity', finding.severity),
      prop('fingerprint', finding.fingerprint),
      ...(finding.environmentId === null ? [] : [prop('environment-id', finding.environmentId)]),
      prop('resource-type', finding.resource.type),
      prop('resource-id', finding.resource.id),
      ...findingControls(result, finding).map((control) => prop('control-id', control)),
    ],
    methods: ['TEST'],
    types: ['finding'],
    'relevant-evidence': [{ href: encodeURI(location.file), description: `Snapshot file ${location.file}${location.line === undefined ? '' : `, line ${location.line}`}.`, props: evidenceProps }],
    collected: result.snapshot.createdAt,
  };
}

/** The document metadata both OSCAL models share. */
export function oscalMetadata(result: AuditResult, title: string): Record<string, unknown> {
  return {
    title: oneLine(title),
    'last-modified': result.generatedAt,
    version: result.tool.version,
    'oscal-version': '1.1.3',
    props: [prop('tool', `${result.tool.name} ${result.tool.version}`), ...(result.snapshot.organizationId === undefined ? [] : [prop('organization-id', result.snapshot.organizationId)])],
  };
}
