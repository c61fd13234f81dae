/** Whether `value` is a JSON object (an object that is neither null nor an array), its members readable by name. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
