/**
 * "Did you mean" suggestions for misspelt names: the closest candidate by edit distance, when it
 * is close enough to be a plausible typo.
 */
import { distance } from 'fastest-levenshtein'

/** The candidate nearest to `name`, or undefined when none is within a typo's reach. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  const reach = Math.max(2, Math.floor(name.length / 3))
  return bestDistance <= reach ? best : undefined
}
