import { htmlText as esc } from '../output/html-text.js';
import type { ApiApplication } from './api-types.js';
import type { Candidate } from './sign-in-policy.js';

/**
 * Headers of every page: nothing may run, load or frame it, and forms go to the simulator only, or
 * on to `redirectOrigin` (browsers hold the redirect that follows a form to `form-action` as well).
 * Dataset strings are hostile like any tenant's, so they are escaped too (see `htmlText`).
 */
export function pageHeaders(redirectOrigin?: string): Record<string, string> {
  const formAction = ["'self'", ...(redirectOrigin === undefined || !/^https?:\/\/[\w.:[\]-]+$/.test(redirectOrigin) ? [] : [redirectOrigin])].join(' ');
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
}

function page(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${esc(title)} · PingOne simulator</title>`,
    '<style>body{font:16px system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}label{display:block;margin:.4rem 0}',
    '.refused{color:#777}.code{font:bold 1.4rem monospace;letter-spacing:.1em}button{font-size:1rem;margin:.8rem .5rem 0 0}</style>',
    `</head><body><p><small>PingOne simulator: a local sandbox, not PingOne</small></p><h1>${esc(title)}</h1>`,
    body,
    '</body></html>',
  ].join('\n');
}

const hidden = (name: string, value: string): string => `<input type="hidden" name="${esc(name)}" value="${esc(value)}">`;

/** One radio button per user; a user the application refuses is shown, greyed out, with the reason. */
function userChoices(name: string, candidates: readonly Candidate[]): string {
  if (candidates.length === 0) return '<p>The environment has no users.</p>';
  return candidates
    .map(({ user, refusal }) => {
      const label = `${esc(user.username)}${user.email === undefined ? '' : ` &lt;${esc(user.email)}&gt;`}`;
      if (refusal !== undefined) return `<label class="refused"><input type="radio" name="${name}" disabled> ${label}: ${esc(refusal)}</label>`;
      return `<label><input type="radio" name="${name}" value="${esc(user.id)}" required> ${label}</label>`;
    })
    .join('\n');
}

/**
 * The authorize step's sign-in page: instead of a password, pick one of the environment's users. The
 * form sends the same authorize request again (every parameter kept) with `login_hint` set to the
 * user's id, which the authorize endpoint then honours as it does for tests.
 */
export function userPickerPage(application: ApiApplication, query: URLSearchParams, candidates: readonly Candidate[]): string {
  const kept = [...query].filter(([name]) => name !== 'login_hint').map(([name, value]) => hidden(name, value));
  return page(
    `Sign in to ${application.name}`,
    [
      '<p>Pick the user to sign in as. The application’s access control applies: users it admits can be picked.</p>',
      '<form method="get">',
      ...kept,
      userChoices('login_hint', candidates),
      '<button type="submit">Sign in</button>',
      '</form>',
    ].join('\n'),
  );
}

/** The device verification page's first step (RFC 8628 §3.3): enter the code the terminal shows. */
export function enterCodePage(problem?: string): string {
  return page(
    'Activate a device',
    [
      problem === undefined ? '' : `<p><strong>${esc(problem)}</strong></p>`,
      '<form method="get">',
      '<label>Code shown on the device: <input name="user_code" autocomplete="off" autofocus required pattern="[A-Za-z]{4}-?[A-Za-z]{4}"></label>',
      '<button type="submit">Continue</button>',
      '</form>',
    ].join('\n'),
  );
}

/** The second step: confirm the code, pick the user, approve or deny. */
export function approveDevicePage(application: ApiApplication, userCode: string, candidates: readonly Candidate[], problem?: string): string {
  return page(
    `Sign in to ${application.name}?`,
    [
      problem === undefined ? '' : `<p><strong>${esc(problem)}</strong></p>`,
      `<p>Check that the device shows this code: <span class="code">${esc(userCode)}</span></p>`,
      '<p>Approve only a request you started yourself: whoever approves hands that device their admin roles.</p>',
      '<form method="get">',
      hidden('user_code', userCode),
      userChoices('user', candidates),
      '<button type="submit" name="decision" value="approve">Approve</button>',
      '<button type="submit" name="decision" value="deny" formnovalidate>Deny</button>',
      '</form>',
    ].join('\n'),
  );
}

/** The last step: what was decided; the terminal carries on by itself. */
export function deviceDecidedPage(application: ApiApplication, decision: { approvedAs: string } | { denied: true }): string {
  return 'denied' in decision
    ? page('Request denied', `<p>${esc(application.name)} was not signed in. You can close this page.</p>`)
    : page('Device approved', `<p>${esc(decision.approvedAs)} is signed in to ${esc(application.name)} on the device. Return to the terminal; you can close this page.</p>`);
}
