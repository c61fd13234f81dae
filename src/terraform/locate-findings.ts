import type { AuditResult, Finding } from '../engine/types.js';
import type { Provenance } from './map/provenance.js';

/**
 * Points every finding (and suppressed finding) of an audit of a mapped configuration at its `.tf` file and
 * line, with the resource address: the attribute's line when the finding's pointer names a written
 * attribute, the block's first line when it names one left to its default. A finding on something the
 * configuration does not declare (a resource of a live `--snapshot`) keeps its snapshot location.
 * The fingerprint is left as the engine computed it: rule, environment, resource id (`tf:<address>`) and
 * pointer, so reformatting the file never changes it. Mutates `result`.
 */
export function locateInTerraform(result: Pick<AuditResult, 'findings' | 'suppressed'>, provenance: Provenance): void {
  const move = (finding: Finding) => {
    const origin = provenance.locate(finding.location.file, finding.pointer);
    if (origin === undefined) return;
    finding.location = { file: origin.span.file, line: origin.span.line, address: origin.address };
  };
  result.findings.forEach(move);
  result.suppressed.forEach(move);
}
