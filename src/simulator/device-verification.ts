import { findUser } from './authorize-endpoint.js';
import type { DatasetIndex } from './dataset-index.js';
import { signInCandidates, signInRefusal } from './sign-in-policy.js';
import { approveDevicePage, deviceDecidedPage, enterCodePage } from './sign-in-pages.js';
import type { DeviceAuthorization, UserGrantStore } from './user-grants.js';

/** An HTML page for the browser, with its status. */
export interface PageReply {
  status: number;
  html: string;
}

/**
 * The user (id or username) approves `device`, as the verification page or a test does; the refusal
 * when that user is not of the application's environment or its access control turns them away.
 */
export function approveDeviceAs(index: DatasetIndex, device: DeviceAuthorization, user: string): { approvedAs: string } | { refused: string } {
  const match = findUser(index, user);
  const found = match === undefined ? undefined : index.user(match.id);
  const application = index.application(device.clientId)?.application;
  if (found === undefined || application === undefined) return { refused: `No user ${user} in the dataset.` };
  if (found.environment.environment.id !== device.environmentId) return { refused: `${found.user.username} is not a user of the application's environment.` };
  const refusal = signInRefusal(index, application, found.user);
  if (refusal !== undefined) return { refused: refusal };
  device.decision = { approvedUserId: found.user.id };
  return { approvedAs: found.user.username };
}

/** `ABCD-EFGH` whatever the case, with or without the hyphen, as a person types it from a screen. */
function normalizeUserCode(text: string): string {
  const letters = text.toUpperCase().replace(/[^A-Z]/g, '');
  return letters.length === 8 ? `${letters.slice(0, 4)}-${letters.slice(4)}` : text.trim().toUpperCase();
}

/**
 * `GET /{envId}/device`, the verification URI `device_authorization` hands out (RFC 8628 §3.3): enter
 * the code (or arrive with `?user_code=` from `verification_uri_complete`), confirm it, pick a user
 * the application admits, and approve or deny. The device's next poll of the token endpoint then
 * gets its tokens, or `access_denied`.
 */
export function answerDeviceVerification(index: DatasetIndex, store: UserGrantStore, now: () => number, environmentId: string, query: URLSearchParams): PageReply {
  const typed = query.get('user_code') ?? '';
  if (typed.trim() === '') return { status: 200, html: enterCodePage() };
  const device = store.deviceByUserCode(normalizeUserCode(typed));
  const found = device === undefined ? undefined : index.application(device.clientId);
  if (device === undefined || found === undefined || device.environmentId !== environmentId || device.expiresAt <= now() || device.decision !== undefined) {
    return { status: 400, html: enterCodePage(`No sign-in is waiting for the code ${typed}: check it, or start again on the device (codes expire and work once).`) };
  }
  const { application, environment } = found;
  const decision = query.get('decision');
  if (decision === 'deny') {
    device.decision = { denied: true };
    return { status: 200, html: deviceDecidedPage(application, { denied: true }) };
  }
  const candidates = signInCandidates(index, application, environment);
  if (decision === 'approve') {
    const user = query.get('user');
    const approved = user === null ? { refused: 'Pick the user to sign in as.' } : approveDeviceAs(index, device, user);
    if ('refused' in approved) return { status: 400, html: approveDevicePage(application, device.userCode, candidates, approved.refused) };
    return { status: 200, html: deviceDecidedPage(application, approved) };
  }
  return { status: 200, html: approveDevicePage(application, device.userCode, candidates) };
}
