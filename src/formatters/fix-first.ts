import { compareSeverity } from '../engine/severity.js';
import type { AuditResult, Finding } from '../engine/types.js';

/** How many findings the reports' "Fix first" list shows; the full list has the rest. */
const FIX_FIRST_LIMIT = 10;

/**
 * Why a finding weighs more than its severity says: its resource administers the tenant (holds
 * roles, or is the admin console), sits in a production environment (PingOne environment type
 * `PRODUCTION`), or is an application bound to an integration profile.
 */
export type Exposure = 'admin' | 'production' | 'integration';

const EXPOSURE_WEIGHT: Record<Exposure, number> = { admin: 4, production: 2, integration: 1 };

/** A finding to fix first, with what makes its resource exposed. */
export interface FixFirstItem {
  finding: Finding;
  exposure: Exposure[];
}

/** The reports' "Fix first" list. */
export interface FixFirst {
  /** At most `limit` findings: most severe first, then most exposed, then overdue planned fixes. */
  items: FixFirstItem[];
  /** Findings of low severity or above left out by the cap. */
  more: number;
  /** Open info findings: advice, never listed to fix first. */
  advisory: number;
}

/**
 * The open findings to fix first. Info findings are advice and never fail a control, so they are
 * counted, not listed. Within a severity, a finding on an admin actor outranks one in production,
 * which outranks one on an integration; an overdue planned fix comes before one still in time.
 */
export function fixFirst(result: AuditResult, limit: number = FIX_FIRST_LIMIT): FixFirst {
  const exposureOf = exposureLookup(result);
  const ranked = result.findings
    .filter((finding) => finding.severity !== 'info')
    .map((finding, order) => ({ finding, exposure: exposureOf(finding), order }))
    .sort(
      (a, b) =>
        compareSeverity(a.finding.severity, b.finding.severity) ||
        weight(b.exposure) - weight(a.exposure) ||
        Number(b.finding.disposition?.overdue === true) - Number(a.finding.disposition?.overdue === true) ||
        a.order - b.order,
    );
  return {
    items: ranked.slice(0, limit).map(({ finding, exposure }) => ({ finding, exposure })),
    more: Math.max(0, ranked.length - limit),
    advisory: result.findings.length - ranked.length,
  };
}

/** A finding's {@link Exposure}s, from the environment types and `snapshot.exposure` (absent in reports of older versions). */
function exposureLookup(result: AuditResult): (finding: Finding) => Exposure[] {
  const production = new Set((result.snapshot.environments ?? []).filter((env) => env.type === 'PRODUCTION').map((env) => env.id));
  const admin = new Set(result.snapshot.exposure?.administrative ?? []);
  const integrations = new Set(result.snapshot.exposure?.integrations ?? []);
  return (finding) => {
    const exposure: Exposure[] = [];
    if (admin.has(finding.resource.id)) exposure.push('admin');
    if (finding.environmentId !== null && production.has(finding.environmentId)) exposure.push('production');
    if (integrations.has(finding.resource.id)) exposure.push('integration');
    return exposure;
  };
}

function weight(exposure: readonly Exposure[]): number {
  return exposure.reduce((sum, kind) => sum + EXPOSURE_WEIGHT[kind], 0);
}
