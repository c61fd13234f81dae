import { createHmac, randomBytes } from 'node:crypto';
import type { Snapshot, User } from './model.js';

/** Opens the manifest note of a snapshot whose personal data was replaced. */
export const PII_NOTE =
  "Personal data replaced by pseudonyms (--redact-pii): users' email, email-shaped username and last sign-on IP, each by HMAC-SHA256 under a key made for this snapshot and not kept.";

/**
 * The snapshot with admin users' email addresses (and usernames that are email addresses) and
 * last sign-on IPs replaced by pseudonyms, for a snapshot that is shared beyond the people who may
 * see the directory. A pseudonym is HMAC-SHA256 of the value under `key`: the same address or IP
 * gets the same pseudonym throughout the snapshot (so findings still join on it), and without the
 * key no one can test a guessed address against it. The default key is random and thrown away, so
 * two snapshots do not share pseudonyms (a fixed key would let anyone who learns it confirm guesses).
 * Addresses become `user-<16 hex>@redacted.invalid` (RFC 2606 §2 reserves `.invalid`); IPv4 addresses
 * fall in 240.0.0.0/4 and IPv6 in 2001:db8::/32 (RFC 5737, RFC 3849), which no real client has.
 */
export function redactPii(snapshot: Snapshot, key: Uint8Array = randomBytes(32)): Snapshot {
  const digest = (value: string) => createHmac('sha256', key).update(value).digest();
  const email = (value: string) => `user-${digest(value.toLowerCase()).toString('hex').slice(0, 16)}@redacted.invalid`;
  const ip = (value: string) => {
    const bytes = digest(value.toLowerCase());
    if (value.includes(':')) return `2001:db8:${bytes.readUInt16BE(0).toString(16)}:${bytes.readUInt16BE(2).toString(16)}::${bytes.readUInt16BE(4).toString(16)}`;
    return `${240 + (bytes[0]! & 0x0f)}.${bytes[1]}.${bytes[2]}.${bytes[3]}`;
  };
  const user = (original: User): User => {
    const copy: User = { ...original };
    if (typeof copy.email === 'string') copy.email = email(copy.email);
    if (typeof copy.username === 'string' && copy.username.includes('@')) copy.username = email(copy.username);
    if (typeof copy.lastSignOn?.remoteIp === 'string') copy.lastSignOn = { ...copy.lastSignOn, remoteIp: ip(copy.lastSignOn.remoteIp) };
    return copy;
  };
  const notes = [...(snapshot.manifest.collection.notes ?? []).filter((note) => note !== PII_NOTE), PII_NOTE];
  return {
    ...snapshot,
    manifest: { ...snapshot.manifest, collection: { ...snapshot.manifest.collection, notes } },
    environments: snapshot.environments.map((env) => ({ ...env, users: env.users.map(user) })),
  };
}
