import { inspect } from 'node:util';

const redacted = '[redacted]';

/**
 * A client secret or access token. Every way an object is commonly turned into text
 * (template strings, `JSON.stringify`, `console.log`, `util.inspect`) prints `[redacted]`;
 * only `reveal()` gives the value, and only the code that sends it should call it.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return redacted;
  }

  toJSON(): string {
    return redacted;
  }

  [inspect.custom](): string {
    return redacted;
  }
}
