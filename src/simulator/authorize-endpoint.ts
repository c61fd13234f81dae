import type { ApiUser } from './api-types.js';
import type { DatasetIndex } from './dataset-index.js';
import { signInCandidates, signInRefusal } from './sign-in-policy.js';
import { pageHeaders, userPickerPage } from './sign-in-pages.js';
import type { UserGrantStore } from './user-grants.js';

/** The answer to an authorize request: a redirect, an error, or a page for the browser. */
export interface AuthorizeReply {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /** A page for the browser, sent instead of `body`. */
  html?: string;
}

/**
 * `GET /{envId}/as/authorize` for `response_type=code`. The user is the one named by `login_hint` (id
 * or username), else the one a test signed in with `RunningSimulator.signInAs`, else the one picked
 * on a sign-in page that lists the environment's users (`prompt=none` gets `login_required` instead,
 * OpenID Connect Core §3.1.2.6).
 * Client and redirect URI problems are answered here (never redirect to an unregistered URI);
 * everything after is sent back to the redirect URI with `state`, as the browser would see it.
 */
export function answerAuthorize(index: DatasetIndex, store: UserGrantStore, environmentId: string, query: URLSearchParams, signedInUserId: string | undefined): AuthorizeReply {
  const clientId = query.get('client_id') ?? '';
  const found = index.application(clientId);
  if (found === undefined || found.environment.environment.id !== environmentId) return page(400, 'invalid_client', 'Unknown client_id in this environment.');
  const { application, environment } = found;
  const redirectUri = query.get('redirect_uri') ?? '';
  // Exact string comparison (RFC 9700 §2.1): no prefix, no trailing-slash tolerance, no port leeway.
  if (!(application.redirectUris ?? []).includes(redirectUri)) return page(400, 'invalid_request', 'redirect_uri does not match a registered redirect URI.');

  const state = query.get('state');
  const back = (params: Record<string, string>): AuthorizeReply => {
    const target = new URL(redirectUri);
    for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
    if (state !== null) target.searchParams.set('state', state);
    return { status: 302, body: {}, headers: { location: target.href, 'cache-control': 'no-store' } };
  };
  const refuse = (error: string, description: string) => back({ error, error_description: description });

  if (!application.enabled) return refuse('unauthorized_client', 'The application is disabled.');
  if (query.get('response_type') !== 'code') return refuse('unsupported_response_type', 'Only response_type=code is supported.');
  if (!(application.grantTypes ?? []).includes('AUTHORIZATION_CODE')) return refuse('unauthorized_client', 'The application is not allowed the authorization code grant.');
  const challenge = query.get('code_challenge') ?? undefined;
  const method = query.get('code_challenge_method') ?? (challenge === undefined ? undefined : 'plain');
  const enforcement = application.pkceEnforcement ?? 'OPTIONAL';
  if (enforcement !== 'OPTIONAL' && challenge === undefined) return refuse('invalid_request', 'code_challenge is required.');
  if (enforcement === 'S256_REQUIRED' && method !== 'S256') return refuse('invalid_request', 'code_challenge_method must be S256.');
  if (method !== undefined && method !== 'S256' && method !== 'plain') return refuse('invalid_request', 'Unsupported code_challenge_method.');

  const hint = query.get('login_hint') ?? signedInUserId;
  if (hint === undefined) {
    if ((query.get('prompt') ?? '').split(' ').includes('none')) return refuse('login_required', 'No user is signed in, and prompt=none forbids the sign-in page.');
    return { status: 200, body: {}, headers: pageHeaders(new URL(redirectUri).origin), html: userPickerPage(application, query, signInCandidates(index, application, environment)) };
  }
  const user: ApiUser | undefined = environment.users.find((candidate) => candidate.id === hint || candidate.username === hint);
  if (user === undefined) return refuse('access_denied', "No such user in the application's environment.");
  const refusal = signInRefusal(index, application, user);
  if (refusal !== undefined) return refuse('access_denied', refusal);

  const nonce = query.get('nonce') ?? undefined;
  const code = store.issueCode({
    clientId,
    environmentId,
    redirectUri,
    userId: user.id,
    scope: query.get('scope') ?? 'openid',
    ...(nonce === undefined ? {} : { nonce }),
    ...(challenge === undefined ? {} : { codeChallenge: challenge }),
    ...(method === undefined ? {} : { codeChallengeMethod: method }),
  });
  return back({ code });
}

function page(status: number, error: string, description: string): AuthorizeReply {
  return { status, body: { error, error_description: description }, headers: { 'cache-control': 'no-store' } };
}

/** A user found by id or username anywhere in the dataset. */
export function findUser(index: DatasetIndex, idOrUsername: string): ApiUser | undefined {
  const byId = index.user(idOrUsername)?.user;
  if (byId !== undefined) return byId;
  return index.dataset.environments.flatMap((environment) => environment.users).find((user) => user.username === idOrUsername);
}
