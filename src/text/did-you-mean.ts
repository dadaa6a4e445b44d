/**
 * "Did you mean" suggestions for misspelt names: the closest candidate by edit distance, when it
 * is close enough to be a plausible typo.
 */
import { distance } from 'fastest-levenshtein'

/** A candidate within a typo's reach of a name, and how many edits away it is. */
export interface NearMiss {
  candidate: string
  distance: number
}

/** The candidate nearest to `name`, or undefined when none is within a typo's reach. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  return nearestTo(name, candidates)?.candidate
}

/**
 * The candidate nearest to `name` (the first of equals, in the candidates' order) with its edit
 * distance, case ignored; undefined when none is within a typo's reach: two edits, or a third of
 * the name's length for longer names.
 */
export function nearestTo(name: string, candidates: Iterable<string>): NearMiss | undefined {
  let best: NearMiss | undefined
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase())
    if (best === undefined || d < best.distance) best = { candidate, distance: d }
  }
  return best !== undefined && best.distance <= typoReach(name) ? best : undefined
}

/** How many edits a misspelling of `name` may plausibly hold. */
function typoReach(name: string): number {
  return Math.max(2, Math.floor(name.length / 3))
}
