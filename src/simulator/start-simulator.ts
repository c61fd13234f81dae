import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTokenMinter } from './access-tokens.js';
import { insufficientPermissions, methodNotAllowed, notFound, quotaExceeded, requestLimited, serverError, type ApiError } from './api-errors.js';
import type { Dataset } from './dataset.js';
import { indexDataset } from './dataset-index.js';
import { echoRequest } from './echo-request.js';
import { createFaultInjector, type FaultPlan, type RequestFaults } from './faults.js';
import { listEnvelope } from './list-envelope.js';
import { defaultPageSizes, type PagedCollection } from './paging.js';
import { isAllowed } from './permissions.js';
import { createRateLimiter, type RateLimit } from './rate-limiter.js';
import { createRequestAuthenticator } from './request-authenticator.js';
import { matchRoute } from './router.js';
import { seededRandom } from './seeded-random.js';
import { answerTokenRequest, type TokenResponse } from './token-endpoint.js';
import { answerAuthorize, findUser } from './authorize-endpoint.js';
import { answerDeviceVerification, approveDeviceAs } from './device-verification.js';
import { pageHeaders } from './sign-in-pages.js';
import { createUserGrantStore } from './user-grants.js';
import { answerDeviceAuthorization, answerUserGrant, assertionAudiences, userGrantTypes, type UserGrantContext } from './user-token-endpoint.js';
import { createAssertionReplayStore } from './client-authentication.js';

/** The dataset to serve and how the simulator behaves: paging, rate limit, latency, faults, token lifetime. */
export interface SimulatorOptions {
  dataset: Dataset;
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Largest page per paged collection; `limit` is honoured up to it. Defaults: users 200, others 100. */
  pageSize?: Partial<Record<PagedCollection, number>>;
  /** Token bucket shared by all requests; over it, 429 REQUEST_LIMITED with `Retry-After` seconds. */
  rateLimit?: RateLimit;
  /** Added delay per request, drawn between min and max (seeded by `faults.seed`). */
  latencyMs?: { min: number; max: number };
  faults?: FaultPlan;
  /** Access-token lifetime (default 3600, like PingOne). */
  tokenLifetimeSeconds?: number;
  /** One line per request (method, path, status, fault); never a token or secret. */
  log?: (line: string) => void;
  /** Clock in ms, for tests of token expiry and rate limits (default `Date.now`). */
  now?: () => number;
  /**
   * Serve this environment's auth endpoints also without its id (`/as/token`, `/as/authorize`,
   * `/as/device_authorization`), as PingOne does on an environment's custom domain.
   */
  customDomainEnvironmentId?: string;
}

/** One request as the simulator saw it, for tests to assert on. */
export interface RequestLogEntry {
  method: string;
  /** Path and query as requested, e.g. `/v1/environments?limit=2`. */
  path: string;
  /** 0 when the socket was destroyed by a `resets` fault. */
  status: number;
  /** `application:<clientId>` or `user:<userId>` once a token was accepted. */
  actor?: string;
  /** Set on reads of `…/secret`: tests assert the auditor never makes one. */
  secretRead?: true;
  fault?: 'echoRequest' | 'reset' | 'serverError' | 'rateLimited' | 'quotaExceeded' | 'forbidden' | 'malformed' | 'slow' | 'pagingCycle' | 'foreignNextLink' | 'bareObject' | 'tokenExpired';
}

/** A started simulator: its URLs, its request log, and helpers for tests. */
export interface RunningSimulator {
  /** Management API base, `http://127.0.0.1:<port>/v1`. */
  apiUrl: string;
  /** Auth base: tokens at `<authUrl>/<envId>/as/token`. */
  authUrl: string;
  port: number;
  requestLog: RequestLogEntry[];
  /** A token as if `userId` had signed in to app `clientId` (a user grant): the user's roles apply. */
  issueUserToken(userId: string, clientId: string): string;
  /**
   * The browser session `/as/authorize` sees: the user (id or username) it signs in without a login
   * page when the request has no `login_hint`; undefined signs out.
   */
  signInAs(user: string | undefined): void;
  /** The user (id or username) approves the device authorization showing `userCode`; throws when that user may not sign in to the app. */
  approveDevice(userCode: string, user: string): void;
  /** The user denies the device authorization showing `userCode`. */
  denyDevice(userCode: string): void;
  /** Stops listening and drops open connections; calling it again is harmless. */
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** A page for the browser (sign-in, device verification), sent instead of `body`. */
  html?: string;
  /** A Management API resource (HAL), rather than an error or an OAuth answer. */
  hal?: true;
}

const errorReply = (error: ApiError): Reply => ({ status: error.status, body: error.body, headers: error.headers ?? {} });

/** Starts a PingOne look-alike on 127.0.0.1 serving `options.dataset`; see `SimulatorOptions`. */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const now = options.now ?? Date.now;
  const index = indexDataset(options.dataset);
  const injector = createFaultInjector(options.faults);
  const limiter = options.rateLimit === undefined ? undefined : createRateLimiter(options.rateLimit, now);
  const latencyRandom = seededRandom((options.faults?.seed ?? 1) + 1);
  const pageSizes = { ...defaultPageSizes, ...options.pageSize };
  const requestLog: RequestLogEntry[] = [];
  let origin = '';
  const minter = createTokenMinter({
    authUrl: () => origin,
    organizationId: options.dataset.organization.id,
    lifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    now,
  });
  const authenticator = createRequestAuthenticator(index, minter, injector.tokenExpiresAfterRequests);
  const userGrants = createUserGrantStore(now);
  const replay = createAssertionReplayStore(now);
  const grantContext = (issuer: string): UserGrantContext => ({ index, minter, store: userGrants, now, authUrl: origin, replay, issuer });
  let browserUser: string | undefined;

  function answerApi(request: IncomingMessage, url: URL, faults: RequestFaults, entry: RequestLogEntry): Reply {
    const actor = authenticator.authenticate(request.headers.authorization, entry);
    if ('status' in actor) return errorReply(actor);
    const matched = matchRoute(url.pathname.slice('/v1'.length));
    if (matched === undefined) return errorReply(notFound());
    const { route, params } = matched;
    if (route.secret === true) entry.secretRead = true;
    // PingOne's quirk: an environment that does not exist answers 403, not 404.
    if (params.envId !== undefined && index.environment(params.envId) === undefined) return errorReply(insufficientPermissions());
    if (faults.forbidden === true) {
      entry.fault = 'forbidden';
      return errorReply(insufficientPermissions());
    }
    const target = { environmentId: params.envId ?? '', ...(params.appId === undefined ? {} : { applicationId: params.appId }) };
    if (route.area !== undefined && !isAllowed(index, actor, route.area, target)) return errorReply(insufficientPermissions());

    const result = route.resolve({ index, actor, params, query: url.searchParams, href: (path) => `${origin}/v1${path}` });
    if ('error' in result) return errorReply(result.error);
    if ('item' in result) return { status: 200, body: result.item, hal: true };
    if (faults.pagingCycle === true && result.paged !== undefined) entry.fault = 'pagingCycle';
    if (faults.foreignOrigin !== undefined && result.paged !== undefined) entry.fault = 'foreignNextLink';
    const envelope = listEnvelope({
      origin,
      pathname: url.pathname,
      query: url.searchParams,
      key: result.list,
      items: result.items,
      pageCap: result.paged === undefined ? undefined : pageSizes[result.paged],
      faults,
    });
    return 'error' in envelope ? errorReply(envelope.error) : { status: 200, body: envelope.body, hal: true };
  }

  /** Client credentials stay with the worker endpoint; user grants and device authorization are answered by the sign-in side. */
  function answerAuthServer(deviceAuthorization: boolean, environmentId: string, issuer: string, headers: IncomingMessage['headers'], body: string): TokenResponse {
    const form = new URLSearchParams(body);
    const isForm = (headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    if (deviceAuthorization) {
      return isForm
        ? answerDeviceAuthorization(grantContext(issuer), { environmentId, headers, form })
        : { status: 400, body: { error: 'invalid_request', error_description: 'The request body must be application/x-www-form-urlencoded.' } };
    }
    if (isForm && userGrantTypes.has(form.get('grant_type') ?? '')) return answerUserGrant(grantContext(issuer), { environmentId, headers, form });
    return answerTokenRequest({ index, now, replay, audiences: assertionAudiences(issuer, 'token') }, minter, { environmentId, headers, body });
  }

  async function answer(request: IncomingMessage, response: ServerResponse, entry: RequestLogEntry): Promise<Reply | undefined> {
    const url = new URL(request.url ?? '/', origin);
    const isApi = url.pathname === '/v1' || url.pathname.startsWith('/v1/');
    // On a custom domain the environment comes from the domain, not the path.
    const customDomain = options.customDomainEnvironmentId === undefined ? undefined : `/${encodeURIComponent(options.customDomainEnvironmentId)}`;
    const authPath = customDomain !== undefined && url.pathname.startsWith('/as/') ? `${customDomain}${url.pathname}` : url.pathname;
    const issuerOf = (environmentId: string) => (authPath === url.pathname ? `${origin}/${environmentId}/as` : `${origin}/as`);
    const tokenPath = /^\/([^/]+)\/as\/(token|device_authorization)$/.exec(authPath);
    const authorizePath = /^\/([^/]+)\/as\/authorize$/.exec(authPath);
    const devicePath = /^\/([^/]+)\/device$/.exec(url.pathname);
    if (isApi && request.method !== 'GET') return errorReply(methodNotAllowed('GET'));
    if (tokenPath !== null && request.method !== 'POST') return errorReply(methodNotAllowed('POST'));
    if ((authorizePath !== null || devicePath !== null) && request.method !== 'GET') return errorReply(methodNotAllowed('GET'));
    if (!isApi && tokenPath === null && authorizePath === null && devicePath === null) return errorReply(notFound());

    const faults = injector.plan(isApi ? url.pathname.slice('/v1'.length) : url.pathname, isApi);
    if (faults.echoStatus !== undefined) {
      entry.fault = 'echoRequest';
      return echoRequest(faults.echoStatus, request, await readBody(request));
    }
    if (faults.reset === true) {
      entry.fault = 'reset';
      response.socket?.destroy();
      return undefined;
    }
    const allowance = limiter?.take();
    if (allowance !== undefined && !allowance.allowed) return errorReply(requestLimited(allowance.retryAfterSeconds, now()));
    if (faults.rateLimited === true) {
      entry.fault = 'rateLimited';
      return errorReply(requestLimited(1, now()));
    }
    if (faults.quotaExceeded === true) {
      entry.fault = 'quotaExceeded';
      return errorReply(quotaExceeded(1, 1000, now()));
    }
    if (faults.serverError !== undefined) {
      entry.fault = 'serverError';
      return errorReply(serverError(faults.serverError));
    }
    const latency = options.latencyMs === undefined ? 0 : options.latencyMs.min + latencyRandom() * (options.latencyMs.max - options.latencyMs.min);
    if (faults.delayMs > 0) entry.fault = 'slow';
    if (latency + faults.delayMs > 0) await sleep(latency + faults.delayMs);

    let reply: Reply;
    if (authorizePath !== null) {
      reply = answerAuthorize(index, userGrants, decodeURIComponent(authorizePath[1]!), url.searchParams, browserUser);
    } else if (devicePath !== null) {
      const verification = answerDeviceVerification(index, userGrants, now, decodeURIComponent(devicePath[1]!), url.searchParams);
      reply = { status: verification.status, body: {}, headers: pageHeaders(), html: verification.html };
    } else if (tokenPath !== null) {
      const body = await readBody(request);
      const environmentId = decodeURIComponent(tokenPath[1]!);
      const answered = answerAuthServer(tokenPath[2] === 'device_authorization', environmentId, issuerOf(environmentId), request.headers, body);
      if (answered.issued !== undefined) {
        authenticator.noteIssued(answered.issued.jti);
        entry.actor = answered.issued.userId === undefined ? `application:${answered.issued.clientId}` : `user:${answered.issued.userId}`;
      }
      reply = { status: answered.status, body: answered.body, headers: { 'cache-control': 'no-store', pragma: 'no-cache' } };
    } else if (faults.bareObject === true) {
      entry.fault = 'bareObject';
      reply = { status: 200, body: {} };
    } else {
      reply = answerApi(request, url, faults, entry);
    }
    if (faults.malformed === true) entry.fault = 'malformed';
    return reply;
  }

  const server = createServer((request, response) => {
    const entry: RequestLogEntry = { method: request.method ?? 'GET', path: request.url ?? '/', status: 0 };
    requestLog.push(entry);
    answer(request, response, entry)
      .then((reply) => {
        if (reply === undefined) return;
        entry.status = reply.status;
        send(response, reply, entry.fault === 'malformed');
      })
      .catch((error: unknown) => {
        entry.status = 500;
        send(response, errorReply(serverError(500)), false);
        options.log?.(`simulator error on ${entry.method} ${entry.path}: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        options.log?.(`${entry.method} ${entry.path} ${entry.status}${entry.fault === undefined ? '' : ` [${entry.fault}]`}`);
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  origin = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${origin}/v1`,
    authUrl: origin,
    port,
    requestLog,
    issueUserToken(userId, clientId) {
      const user = index.user(userId);
      if (user === undefined || index.application(clientId) === undefined) throw new Error(`unknown user ${userId} or application ${clientId}`);
      return minter.mint({ clientId, environmentId: user.environment.environment.id, userId }).token;
    },
    signInAs(user) {
      if (user !== undefined && findUser(index, user) === undefined) throw new Error(`unknown user ${user}`);
      browserUser = user;
    },
    approveDevice(userCode, user) {
      const device = userGrants.deviceByUserCode(userCode);
      if (device === undefined) throw new Error(`no device authorization shows user code ${userCode}`);
      const approved = approveDeviceAs(index, device, user);
      if ('refused' in approved) throw new Error(approved.refused);
    },
    denyDevice(userCode) {
      const device = userGrants.deviceByUserCode(userCode);
      if (device === undefined) throw new Error(`no device authorization shows user code ${userCode}`);
      device.decision = { denied: true };
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function send(response: ServerResponse, reply: Reply, malformed: boolean): void {
  if (reply.html !== undefined) {
    response.writeHead(reply.status, { 'content-length': Buffer.byteLength(reply.html), ...reply.headers });
    response.end(reply.html);
    return;
  }
  const json = JSON.stringify(reply.body);
  const text = malformed ? json.slice(0, Math.floor(json.length / 2)) : json;
  const contentType = reply.hal === true ? 'application/hal+json;charset=UTF-8' : 'application/json;charset=UTF-8';
  response.writeHead(reply.status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), ...reply.headers });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 65_536) break;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
