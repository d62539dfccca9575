// Deterministic randomness: a seeded generator for new IDs, and a stateless hash for fault rolls, so a
// given seed reproduces the same IDs and the same injected faults on every run.

/** mulberry32: small, fast, good enough for IDs and test decisions (not for secrets). */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)] ?? '';
    return out;
  }
}

/** FNV-1a over a string, then a finalizer: a stable 32-bit hash. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A float in [0, 1) that depends only on its inputs: the same (seed, key, n) always rolls the same. */
export function roll(seed: number, key: string, n: number): number {
  return hash32(`${seed}:${key}:${n}`) / 4294967296;
}

export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const DIGITS = '0123456789';
export const HEX = '0123456789abcdef';
