/** A small deterministic PRNG (mulberry32): the same seed gives the same faults and datasets. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4-shaped UUID drawn from `random`. */
export function seededUuid(random: () => number): string {
  const codes: number[] = [];
  for (let i = 0; i < 32; i++) {
    if (i === 8 || i === 12 || i === 16 || i === 20) codes.push(DASH);
    // Every digit is drawn, version and variant too, so that the same seed gives the same UUIDs as before.
    const digit = Math.floor(random() * 16);
    codes.push(HEX.charCodeAt(i === 12 ? 4 : digit));
  }
  const variant = HEX.charCodeAt(Math.floor(random() * 4) + 8);
  codes[19] = variant;
  // One flat string: a template of slices is a tree of string pieces, several times its size,
  // which at a million generated users was a third of the benchmark snapshot's memory.
  return String.fromCharCode(...codes);
}

const HEX = '0123456789abcdef';
const DASH = 45;
