import { table } from 'table';
import { terminalText } from '../output/terminal-text.js';
import { stableStringify } from '../snapshot/stable-json.js';
import { describeHeldRole } from './predict-endpoints.js';
import type { WhoamiReport } from './whoami-report.js';

export const WHOAMI_FORMATS = ['table', 'json'] as const;
export type WhoamiFormat = (typeof WHOAMI_FORMATS)[number];

/** Whose roles PingOne checks, in the words both `whoami` and `login` print. */
export function modelSentence(report: Pick<WhoamiReport, 'authorizationModel'>): string {
  return report.authorizationModel === 'user'
    ? 'A user sign-in: PingOne checks the signed-in user’s admin roles (direct and through groups); the application’s own roles count for nothing.'
    : 'Client credentials: PingOne checks the worker application’s own admin roles.';
}

const labelled = (id: string | undefined, name: string | undefined): string => terminalText(id === undefined ? 'unknown' : name === undefined ? id : `${id} (${name})`);

/** Who signed in and the roles that apply: the head of `whoami`, and all that `login` prints. */
export function formatIdentity(report: WhoamiReport): string {
  const lines = [
    modelSentence(report),
    `  client id:    ${labelled(report.clientId, report.applicationName)}`,
    `  environment:  ${labelled(report.environmentId, report.environmentName)}${report.region === undefined ? '' : `, region ${report.region}`}`,
  ];
  if (report.user !== undefined) lines.push(`  user:         ${labelled(report.user.id, report.user.username)}`);
  if (report.expiresAt !== undefined) lines.push(`  token expires ${terminalText(report.expiresAt)}`);
  lines.push(report.authorizationModel === 'user' ? 'Roles that apply (the user’s):' : 'Roles that apply (the application’s):');
  if (!report.rolesRead) lines.push('  unknown: the role assignments could not be read (see below)');
  else if (report.roles.length === 0) lines.push('  none: every Management API read will answer 403');
  else lines.push(...report.roles.map((role) => `  ${terminalText(describeHeldRole(role))}`));
  if (report.problems.length > 0) lines.push('Could not read:', ...report.problems.map((problem) => `  ${terminalText(problem)}`));
  return `${lines.join('\n')}\n`;
}

/** At most two granting roles per cell; the JSON keeps them all. */
function shortened(reason: string): string {
  const parts = reason.split('; ');
  return parts.length <= 2 || reason.startsWith('missing role') ? reason : `${parts.slice(0, 2).join('; ')}; +${parts.length - 2} more`;
}

export function formatWhoami(report: WhoamiReport, format: WhoamiFormat): string {
  if (format === 'json') return stableStringify(report);
  const rows = report.endpoints.map((row) => [row.endpoint, row.environmentName ?? row.environmentId ?? 'organization', row.prediction, shortened(row.reason)].map((cell) => terminalText(cell)));
  const predictions = table([['collector endpoint', 'environment', 'prediction', 'why'], ...rows], {
    columns: { 0: { width: 40, wrapWord: true }, 1: { width: 16, wrapWord: true }, 3: { width: 56, wrapWord: true } },
  });
  return `${formatIdentity(report)}\n${predictions}`;
}
