/**
 * Fields a snapshot never stores, whatever the API returns: a snapshot is meant to be committed and
 * shared, and PingOne's list answers do not carry secrets today (an application's secret has its own
 * endpoint, which the collector refuses to read), but a proxy, a future API version or a hostile
 * server may add them. Names are matched case-insensitively at every depth, and only string values
 * are dropped: `passwordPolicy: { id }` or an object named `password` is configuration, not a secret.
 */
const SECRET_FIELD_NAMES: readonly string[] = [
  'secret',
  'clientSecret',
  'previousSecret',
  'sharedSecret',
  'privateKey',
  'password',
  'apiKey',
  'accessToken',
  'refreshToken',
  'idToken',
  'clientAssertion',
];

const secretNames = new Set(SECRET_FIELD_NAMES.map((name) => name.toLowerCase()));
// PEM (RFC 7468 §10, §11): whatever the field is called, a private key is never stored.
const privateKeyPem = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** Opens the manifest note that says which fields were dropped; the values are never named. */
export const SECRET_FIELDS_NOTE = 'Secret-like fields dropped before writing';

/**
 * `value` without its secret-like fields, and how many of each name were dropped. Copies only the
 * objects on the way to a dropped field; everything else is returned as is.
 */
export function withoutSecretFields<T>(value: T): { value: T; dropped: Map<string, number> } {
  const dropped = new Map<string, number>();
  return { value: strip(value, dropped), dropped };
}

/** The note for a snapshot's manifest (`clientSecret ×2, privateKey ×1`), undefined when nothing was dropped. */
export function secretFieldsNote(dropped: ReadonlyMap<string, number>): string | undefined {
  if (dropped.size === 0) return undefined;
  const names = [...dropped].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, count]) => `${name} ×${count}`);
  return `${SECRET_FIELDS_NOTE} (pingone-audit never stores a secret): ${names.join(', ')}.`;
}

function strip<T>(value: T, dropped: Map<string, number>): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const stripped = strip(item, dropped);
      if (stripped !== item) (copy ??= [...value])[index] = stripped;
    });
    return (copy ?? value) as T;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  let changed = false;
  const kept: Array<[string, unknown]> = [];
  for (const [key, child] of entries) {
    if (isSecret(key, child)) {
      dropped.set(key, (dropped.get(key) ?? 0) + 1);
      changed = true;
      continue;
    }
    const stripped = strip(child, dropped);
    changed ||= stripped !== child;
    kept.push([key, stripped]);
  }
  // fromEntries defines properties, so even a "__proto__" key stays data.
  return (changed ? Object.fromEntries(kept) : value) as T;
}

function isSecret(key: string, value: unknown): boolean {
  return typeof value === 'string' && (secretNames.has(key.toLowerCase()) || privateKeyPem.test(value));
}
