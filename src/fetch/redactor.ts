/**
 * The one place where text a server sent (error bodies, `error_description`, `details[]`, headers)
 * loses every secret the run knows before it reaches an error, a log line, the snapshot's collection
 * record or any other file. Some token endpoints and gateways echo the request they refused, Basic
 * header and form included; some APIs echo the bearer token in a 403.
 */
export interface Redactor {
  /**
   * Registers a secret (client secret, private key, client assertion, access or refresh token, a
   * whole `Authorization` header value). From then on its raw, URL-encoded, form-encoded, base64
   * and base64url forms are replaced. Values shorter than {@link shortestSecret} are ignored: they
   * would blank out ordinary words, and no PingOne credential is that short.
   */
  add(value: string): void;
  /** `text` with every registered secret, and anything shaped like a bearer token, JWT or Basic credential, replaced by `[redacted]`. */
  redact(text: string): string;
  /**
   * `text` with every registered secret replaced, and nothing else: for data (a 2xx answer) that
   * may legitimately hold token-shaped strings but must never hold this run's credentials.
   */
  redactKnown(text: string): string;
}

export const redactedMark = '[redacted]';
/** Characters; PingOne's client secrets are 64, its tokens hundreds. */
export const shortestSecret = 8;

// Credentials the run did not send (a proxy's own, an earlier token), recognised by their shape.
const credentialShapes = [
  /\b(Bearer|Basic)\s+[\w\-.~+/]{16,}=*/gi,
  /\beyJ[\w-]*\.[\w-]*\.[\w-]*/g,
];

export function createRedactor(): Redactor {
  const forms = new Set<string>();
  // Longest first, so that a secret inside a registered header is replaced whole.
  let ordered: string[] = [];
  function redactKnown(text: string): string {
    let result = text;
    for (const form of ordered) if (result.includes(form)) result = result.split(form).join(redactedMark);
    return result;
  }
  return {
    add(value) {
      if (value.length < shortestSecret) return;
      const before = forms.size;
      for (const form of encodings(value)) if (form.length >= shortestSecret) forms.add(form);
      if (forms.size !== before) ordered = [...forms].sort((a, b) => b.length - a.length);
    },
    redactKnown,
    redact(text) {
      let result = redactKnown(text);
      for (const shape of credentialShapes) result = result.replace(shape, (_match, scheme: unknown) => (typeof scheme === 'string' ? `${scheme} ${redactedMark}` : redactedMark));
      return result;
    },
  };
}

function encodings(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  return [
    value,
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    bytes.toString('base64'),
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
    JSON.stringify(value).slice(1, -1),
  ];
}
