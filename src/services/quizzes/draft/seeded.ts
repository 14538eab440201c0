/**
 * Deterministic randomness for drafts: the same document always yields the same options in
 * the same order, so a reviewer's approval of a draft stays valid when drafts are rebuilt.
 */

/** FNV-1a over UTF-16 code units: a stable 32-bit seed from a text. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small, fast generator of floats in [0, 1). */
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

/** Fisher–Yates with a generator seeded by the text. */
export function seededShuffle<T>(items: readonly T[], seedText: string): T[] {
  const out = [...items];
  const random = seededRandom(hashText(seedText));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** One item picked by the text's seed; undefined for an empty list. */
export function seededPick<T>(items: readonly T[], seedText: string): T | undefined {
  if (items.length === 0) return undefined;
  return items[hashText(seedText) % items.length];
}
