import type { AuditResult } from '../engine/types.js';
import { FRAMEWORK_IDS } from '../frameworks/framework-ids.js';
import { controlsOf } from '../frameworks/rule-controls.js';
import { oscalControlId, stableUuid } from '../oscal/oscal-ids.js';
import { findingControls, observationOf, oneLine, oscalMetadata, prop } from '../oscal/oscal-observations.js';
import { jsonChunks, MappedJsonArray } from '../output/json-chunks.js';
import type { FormatContext } from './format-context.js';

/**
 * An OSCAL 1.1.3 assessment-results document (NIST's JSON model): one result for the run, the
 * NIST SP 800-53 r5 controls the rules that ran review, one observation per open finding with its
 * evidence, and one OSCAL finding per open finding of low severity or above, targeting its first
 * mapped control as `not-satisfied` (info findings are advice: observed, never a failed control).
 * UUIDs derive from fingerprints, so a finding keeps its identity across runs.
 */
export function formatOscalAr(result: AuditResult, context: FormatContext): string {
  return [...formatOscalArChunks(result, context)].join('');
}

/** {@link formatOscalAr} piece by piece (one per observation and per finding), each made only when written. */
export function formatOscalArChunks(result: AuditResult, _context: FormatContext): Iterable<string> {
  const reviewed = [...new Set(result.rules.flatMap((rule) => controlsOf(rule.meta, 'nist-800-53-r5').map(oscalControlId)))].sort();
  const findings = result.findings.filter((finding) => finding.severity !== 'info');
  const document = {
    'assessment-results': {
      uuid: stableUuid(`assessment-results:${result.snapshot.organizationId ?? ''}:${result.generatedAt}`),
      metadata: oscalMetadata(result, `PingOne configuration assessment of ${result.snapshot.organizationId ?? 'an unknown organization'}`),
      // No assessment plan is written: the pack and configuration of the run stand in for it.
      'import-ap': { href: '#pingone-audit-configuration', remarks: 'The assessment plan is the rule pack and configuration of this pingone-audit run.' },
      results: [
        {
          uuid: stableUuid(`result:${result.generatedAt}:${result.snapshot.createdAt}`),
          title: 'pingone-audit run',
          description: `${result.summary.rulesRun} rules over the snapshot collected at ${result.snapshot.createdAt}; collection ${result.summary.collectionComplete ? 'complete' : 'incomplete: some controls could not be judged'}.`,
          start: result.snapshot.createdAt,
          end: result.generatedAt,
          props: [prop('collection-complete', String(result.summary.collectionComplete)), ...FRAMEWORK_IDS.map((framework) => prop('framework', framework))],
          'reviewed-controls': {
            'control-selections': [reviewed.length > 0 ? { 'include-controls': reviewed.map((id) => ({ 'control-id': id })) } : { 'include-all': {} }],
          },
          ...(result.findings.length === 0 ? {} : { observations: new MappedJsonArray(result.findings, (finding) => observationOf(result, finding)) }),
          ...(findings.length === 0
            ? {}
            : {
                findings: new MappedJsonArray(findings, (finding) => {
                  const controls = findingControls(result, finding);
                  return {
                    uuid: stableUuid(`finding:${finding.fingerprint}`),
                    title: oneLine(`${finding.ruleId} on ${finding.resource.name}`),
                    description: finding.message,
                    props: [prop('rule-id', finding.ruleId), prop('severity', finding.severity), prop('fingerprint', finding.fingerprint)],
                    target: {
                      type: 'objective-id',
                      'target-id': controls.length > 0 ? `${controls[0]}_obj` : `pingone-audit-${finding.ruleId}`,
                      status: { state: 'not-satisfied' },
                    },
                    'related-observations': [{ 'observation-uuid': stableUuid(`observation:${finding.fingerprint}`) }],
                  };
                }),
              }),
        },
      ],
    },
  };
  // Depth 4 reaches the one result; its observations and findings are printed item by item.
  return jsonChunks(document, { sortKeys: false, depth: 4 });
}
