import type { AuditResult, Finding } from '../engine/types.js';
import { stableUuid } from '../oscal/oscal-ids.js';
import { observationOf, oneLine, oscalMetadata, prop, type OscalProp } from '../oscal/oscal-observations.js';
import { jsonChunks, MappedJsonArray } from '../output/json-chunks.js';
import type { FormatContext } from './format-context.js';

/**
 * Who answers for a finding and by when: its disposition (`--dispositions`: kind, owner, due date of a
 * planned fix, expiry and compensating control), else the suppression that hid it, an accepted risk.
 */
function planOf(finding: Finding): { disposition?: string; owner?: string; due?: string; overdue?: boolean; expires?: string; control?: string } {
  const { disposition: d, suppression } = finding;
  if (d !== undefined) {
    return {
      disposition: d.kind,
      owner: d.owner,
      ...(d.due === undefined ? {} : { due: d.due, overdue: d.overdue === true }),
      ...(d.expires === undefined ? {} : { expires: d.expires }),
      ...(d.control === undefined ? {} : { control: d.control }),
    };
  }
  if (suppression === undefined) return {};
  return {
    disposition: 'accepted-risk',
    ...(suppression.owner === undefined ? {} : { owner: suppression.owner }),
    ...(suppression.expires === undefined ? {} : { expires: suppression.expires }),
  };
}

/**
 * An OSCAL 1.1.3 plan of action and milestones: one poam-item per open finding (and per accepted
 * one, marked with its disposition), each with its observation and evidence, the rule, the mapped
 * controls and, when a disposition gives them, the owner and due date. UUIDs derive from fingerprints.
 */
export function formatOscalPoam(result: AuditResult, context: FormatContext): string {
  return [...formatOscalPoamChunks(result, context)].join('');
}

/** {@link formatOscalPoam} piece by piece (one per observation and per poam-item), each made only when written. */
export function formatOscalPoamChunks(result: AuditResult, _context: FormatContext): Iterable<string> {
  const items = [...result.findings, ...result.suppressed];
  const document = {
    'plan-of-action-and-milestones': {
      uuid: stableUuid(`poam:${result.snapshot.organizationId ?? ''}:${result.generatedAt}`),
      metadata: oscalMetadata(result, `PingOne configuration plan of action and milestones for ${result.snapshot.organizationId ?? 'an unknown organization'}`),
      'system-id': { 'identifier-type': 'https://pingone-audit.dev/ns/oscal/organization-id', id: oneLine(result.snapshot.organizationId ?? 'unknown-organization') },
      ...(items.length === 0 ? {} : { observations: new MappedJsonArray(items, (finding) => observationOf(result, finding)) }),
      'poam-items': new MappedJsonArray(items, (finding) => ({
        uuid: stableUuid(`poam-item:${finding.fingerprint}`),
        title: oneLine(`${finding.ruleId} on ${finding.resource.name}`),
        description: finding.message,
        props: [prop('rule-id', finding.ruleId), prop('severity', finding.severity), prop('fingerprint', finding.fingerprint), ...planProps(finding)],
        'related-observations': [{ 'observation-uuid': stableUuid(`observation:${finding.fingerprint}`) }],
      })),
    },
  };
  // Depth 2 reaches the plan's lists: its observations and poam-items are printed item by item.
  return jsonChunks(document, { sortKeys: false, depth: 2 });
}

function planProps(finding: Finding): OscalProp[] {
  const plan = planOf(finding);
  return [
    ...(plan.disposition === undefined ? [] : [prop('disposition', plan.disposition)]),
    ...(plan.owner === undefined ? [] : [prop('owner', plan.owner)]),
    ...(plan.due === undefined ? [] : [prop('due-date', plan.due), prop('overdue', String(plan.overdue === true))]),
    ...(plan.expires === undefined ? [] : [prop('expires', plan.expires)]),
    ...(plan.control === undefined ? [] : [prop('compensating-control', plan.control)]),
  ];
}
