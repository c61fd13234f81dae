import { DEFAULT_TERMINAL_COLUMNS, indentWrap, layoutColumns } from '../output/terminal-layout.js';
import { terminalText } from '../output/terminal-text.js';
import { stableStringify } from '../snapshot/stable-json.js';
import { describeHeldRole } from './predict-endpoints.js';
import type { WhoamiReport } from './whoami-report.js';

export const WHOAMI_FORMATS = ['table', 'json'] as const;
export type WhoamiFormat = (typeof WHOAMI_FORMATS)[number];

/** Whose roles PingOne checks, in the words both `whoami` and `login` print. */
function modelSentence(report: Pick<WhoamiReport, 'authorizationModel'>): string {
  return report.authorizationModel === 'user'
    ? 'A user sign-in: PingOne checks the signed-in user’s admin roles (direct and through groups); the application’s own roles count for nothing.'
    : 'Client credentials: PingOne checks the worker application’s own admin roles.';
}

const labelled = (id: string | undefined, name: string | undefined): string => terminalText(id === undefined ? 'unknown' : name === undefined ? id : `${id} (${name})`);

/** Who signed in and the roles that apply: the head of `whoami`, and all that `login` prints; lines fit `columns`. */
export function formatIdentity(report: WhoamiReport, columns = DEFAULT_TERMINAL_COLUMNS): string {
  const field = (label: string, value: string): string[] => indentWrap(value, columns, `  ${label.padEnd(14)}`, ' '.repeat(16));
  const item = (text: string): string[] => indentWrap(text, columns, '  ', '    ');
  const lines = [
    ...indentWrap(modelSentence(report), columns, '', ''),
    ...field('client id:', labelled(report.clientId, report.applicationName)),
    ...field('environment:', `${labelled(report.environmentId, report.environmentName)}${report.region === undefined ? '' : `, region ${report.region}`}`),
  ];
  if (report.user !== undefined) lines.push(...field('user:', labelled(report.user.id, report.user.username)));
  if (report.expiresAt !== undefined) lines.push(...field('token expires', terminalText(report.expiresAt)));
  lines.push(report.authorizationModel === 'user' ? 'Roles that apply (the user’s):' : 'Roles that apply (the application’s):');
  if (!report.rolesRead) lines.push(...item('unknown: the role assignments could not be read (see below)'));
  else if (report.roles.length === 0) lines.push(...item('none: every Management API read will answer 403'));
  else lines.push(...report.roles.flatMap((role) => item(terminalText(describeHeldRole(role)))));
  if (report.problems.length > 0) lines.push('Could not read:', ...report.problems.flatMap((problem) => item(terminalText(problem))));
  return `${lines.join('\n')}\n`;
}

/** At most two granting roles per cell; the JSON keeps them all. */
function shortened(reason: string): string {
  const parts = reason.split('; ');
  return parts.length <= 2 || reason.startsWith('missing role') ? reason : `${parts.slice(0, 2).join('; ')}; +${parts.length - 2} more`;
}

/**
 * The report as JSON, or for a terminal of `columns` (80 when not given): the identity, then each
 * environment's endpoints with their prediction and why, every endpoint and environment id whole.
 */
export function formatWhoami(report: WhoamiReport, format: WhoamiFormat, columns = DEFAULT_TERMINAL_COLUMNS): string {
  if (format === 'json') return stableStringify(report);
  const scope = (row: WhoamiReport['endpoints'][number]): string =>
    row.environmentId === undefined
      ? 'organization'
      : row.environmentName === undefined
        ? terminalText(row.environmentId)
        : `${terminalText(row.environmentName)} (${terminalText(row.environmentId)})`;
  const scopes = [...new Set(report.endpoints.map(scope))];
  const rows = scopes.flatMap((name) => report.endpoints.filter((row) => scope(row) === name));
  const layout = layoutColumns(
    [
      { title: 'collector endpoint', kind: 'identifier' },
      { title: 'prediction', kind: 'identifier' },
      { title: 'why', kind: 'prose' },
    ],
    rows.map((row) => [`  ${terminalText(row.endpoint)}`, row.prediction, terminalText(shortened(row.reason))]),
    columns,
  );
  const lines = [...layout.header];
  rows.forEach((row, index) => {
    if (index === 0 || scope(row) !== scope(rows[index - 1]!)) lines.push(...indentWrap(scope(row), columns, '', '  '));
    lines.push(...(layout.rows[index] ?? []));
  });
  return `${formatIdentity(report, columns)}\n${lines.join('\n')}\n`;
}
