/**
 * The one place where text a server sent (error bodies, `error_description`, `details[]`, headers)
 * loses every secret the run knows before it reaches an error, a log line, the snapshot's collection
 * record or any other file. Some token endpoints and gateways echo the request they refused, Basic
 * header and form included; some APIs echo the bearer token in a 403.
 */
export interface Redactor {
  /**
   * Registers a secret (client secret, private key, client assertion, access or refresh token, a
   * whole `Authorization` header value). From then on its raw, URL-encoded, form-encoded, JSON-escaped
   * and hex forms are replaced, and its base64 and base64url forms even inside a longer encoded
   * text. Values shorter than {@link shortestSecret} are ignored: they would blank out ordinary
   * words, and no PingOne credential is that short.
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

/** What a credential is replaced with in server text. */
export const redactedMark = '[redacted]';
/** Characters; PingOne's client secrets are 64, its tokens hundreds. */
const shortestSecret = 8;

// Credentials the run did not send (a proxy's own, an earlier token), recognised by their shape.
const credentialShapes = [/\b(Bearer|Basic)\s+[\w\-.~+/]{16,}=*/gi, /\beyJ[\w-]*\.[\w-]*\.[\w-]*/g];

/** A {@link Redactor} that knows no secret yet: `add` registers them as the run meets them. */
export function createRedactor(): Redactor {
  const forms = new Set<string>();
  // Every request registers its Authorization header again: its forms are worked out once.
  const added = new Set<string>();
  // Longest first, so that a secret inside a registered header is replaced whole.
  let ordered: string[] = [];
  function redactKnown(text: string): string {
    let result = text;
    for (const form of ordered) if (result.includes(form)) result = result.split(form).join(redactedMark);
    return result;
  }
  return {
    add(value) {
      if (value.length < shortestSecret || added.has(value)) return;
      added.add(value);
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
  // What travelled (the form-encoded secret in a token request's body) is what an encoding echo holds.
  const texts = new Set([value, encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2), JSON.stringify(value).slice(1, -1)]);
  return [...texts].flatMap((text) => {
    const bytes = Buffer.from(text, 'utf8');
    const hex = bytes.toString('hex');
    return [
      text,
      bytes.toString('base64'),
      bytes.toString('base64').replace(/=+$/, ''),
      bytes.toString('base64url'),
      hex,
      hex.toUpperCase(),
      ...[0, 1, 2].flatMap((offset) => {
        const core = base64Core(bytes, offset);
        return [core, core.replace(/\+/g, '-').replace(/\//g, '_')];
      }),
    ];
  });
}

/**
 * The base64 characters that depend on `bytes` alone when they sit `offset` bytes (mod 3) into a
 * longer encoded text: a gateway that base64-encodes a whole refused request (headers, form) puts a
 * secret at any offset, and none of the forms above appears in it. The one or two characters shared
 * with the neighbouring bytes are left out.
 */
function base64Core(bytes: Buffer, offset: number): string {
  const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
  const end = Math.floor((offset + bytes.length) / 3) * 4;
  return encoded.slice([0, 2, 3][offset], end);
}
