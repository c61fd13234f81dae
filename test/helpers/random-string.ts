/** A string of up to `length` units drawn from `units`, or from every UTF-16 code unit when `units` is undefined. */
export function randomString(random: () => number, length: number, units?: readonly string[]): string {
  let text = '';
  const size = Math.floor(random() * (length + 1));
  for (let i = 0; i < size; i++) text += units === undefined ? String.fromCharCode(Math.floor(random() * 0x10000)) : (units[Math.floor(random() * units.length)] ?? '');
  return text;
}
