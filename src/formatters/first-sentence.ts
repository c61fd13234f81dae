/**
 * The message up to the end of its first sentence: a full stop, question or exclamation mark
 * followed by a space and a capital letter (so "e.g. a", "1.5" and host names do not end it).
 */
export function firstSentence(message: string): string {
  const end = /[.!?](?=\s+[A-Z])/.exec(message);
  return end === null ? message : message.slice(0, end.index + 1);
}
