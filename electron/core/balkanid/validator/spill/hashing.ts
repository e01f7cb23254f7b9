// Small seeded 32-bit hashes for hash tables and for choosing a spill partition. They only spread keys: every use
// compares the keys themselves, so a collision costs time, never a wrong finding.

/**
 * FNV-1a over UTF-16 code units, with a final mix; `seed` gives an independent hash for another split. With `start`
 * and `end`, hashes that part of the text exactly as the substring would hash.
 */
export function hashString(text: string, seed = 0, start = 0, end = text.length): number {
  let h = 0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1);
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return finalMix(h);
}

/** The same over bytes (a key read back from a spill file). */
export function hashBytes(bytes: Uint8Array, start: number, end: number, seed = 0): number {
  let h = 0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1);
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return finalMix(h);
}

/** Two 32-bit numbers (a relation's two entity numbers) to one hash. */
export function hashPair(high: number, low: number, seed = 0): number {
  let h = Math.imul(high ^ Math.imul(seed, 0x9e3779b1), 0x85ebca6b) ^ low;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  return finalMix(h);
}

function finalMix(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
