/**
 * Seeded randomness for the synthetic newsroom. mulberry32 is tiny, fast and gives the same
 * sequence on every machine and Node version, which is what makes the corpus deterministic:
 * two runs with the same seed write byte-identical files, so timings are comparable across days.
 */

/**
 * A random source over one mulberry32 stream.
 * @param {number} seed any 32-bit integer
 */
export function createRandom(seed) {
  let state = seed >>> 0
  /** A float in [0, 1). */
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    /** An integer in [min, max], both included. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /** A float in [min, max). */
    between: (min, max) => min + next() * (max - min),
    /** One element of a non-empty array. */
    pick: (items) => items[Math.floor(next() * items.length)],
    /** `count` distinct elements of `items`, in the order drawn. */
    sample: (items, count) => {
      const pool = [...items]
      const chosen = []
      while (chosen.length < count && pool.length > 0) {
        chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0])
      }
      return chosen
    },
    /** True with probability `p`. */
    chance: (p) => next() < p
  }
}
