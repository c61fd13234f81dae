import type { ReportingDescriptor } from 'sarif';
import type { AuditResult, RuleMeta, RuleReference, Severity } from '../engine/types.js';
import { frameworkTags } from '../frameworks/rule-controls.js';

export type SarifLevel = 'error' | 'warning' | 'note';

export const SARIF_LEVEL: Record<Severity, SarifLevel> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/**
 * GitHub reads `security-severity` as a CVSS-like score, and only as a string: 9.0+ shows as
 * critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low.
 */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
  info: '0.0',
};

type AuditedRule = AuditResult['rules'][number];

/** One reportingDescriptor per rule that ran, at its configured severity. */
export function toReportingDescriptor(rule: AuditedRule, informationUri: string): ReportingDescriptor {
  const { meta } = rule;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: { text: helpDocument(meta, false), markdown: helpDocument(meta, true) },
    helpUri: `${informationUri}#${rule.id}`,
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: {
      // GitHub only uses security-severity for rules tagged "security"; framework controls as `framework/control`.
      tags: [...new Set(['security', meta.category, ...meta.tags, ...frameworkTags(meta)])],
      precision: meta.precision ?? 'high',
      'security-severity': SECURITY_SEVERITY[rule.severity],
    },
  };
}

/** "app-implicit-grant" → "AppImplicitGrant". */
function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** Rationale, numbered remediation steps and references, as plain text or Markdown. */
function helpDocument(meta: RuleMeta, markdown: boolean): string {
  const { rationale, remediation, references } = meta.docs;
  const heading = (title: string) => (markdown ? [`## ${title}`, ''] : [`${title}:`]);
  const reference = ({ title, url }: RuleReference) => (markdown ? markdownLink(title, url) : `${title}${url === undefined ? '' : ` (${url})`}`);
  return [
    rationale,
    '',
    ...heading('Remediation'),
    ...remediation.map((step, index) => `${index + 1}. ${step}`),
    ...(references.length === 0 ? [] : ['', ...heading('References'), ...references.map((ref) => `- ${reference(ref)}`)]),
  ].join('\n');
}

function markdownLink(title: string, url: string | undefined): string {
  const text = title.replace(/[[\]]/g, '\\$&');
  return url === undefined ? text : `[${text}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}
