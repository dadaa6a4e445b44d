/**
 * The one "did you mean" of factdesk: the candidate nearest a misspelt name by edit distance, when
 * it is close enough to be a plausible typo, and the phrase that offers it. What "close enough"
 * means is the caller's: a frontmatter key, a dataset or column name and a figure's text are
 * misspelt in different ways, so each has its reach, all three kept here side by side.
 */
import { distance } from 'fastest-levenshtein'

/** A candidate within a typo's reach of a name, and how many edits away it is. */
export interface NearMiss {
  candidate: string
  distance: number
}

/** How many edits `name` may be from `candidate` and still be taken for a misspelling of it. */
export type Reach = (name: string, candidate: string) => number

/** How `nearestTo` and `didYouMean` compare a name with its candidates. */
export interface NearOptions {
  /** How far a candidate may be; default `keyReach`. */
  reach?: Reach
  /** Whether case counts as an edit; default `false`, case ignored. */
  matchCase?: boolean
}

/**
 * Frontmatter keys (SPEC 4): two edits, or a third of the name's length (rounded down) for longer
 * names.
 */
export const keyReach: Reach = (name) => Math.max(2, Math.floor(name.length / 3))

/**
 * Names in a check's expression (datasets, functions, columns, keys; SPEC 6): two edits (a
 * swapped pair of letters counts two) or a third of the name (rounded up), whichever is more, and
 * fewer edits than the name has letters, so that `bct` suggests `btc` but `gold` does not.
 */
export const nameReach: Reach = (name) =>
  Math.min(Math.max(2, Math.ceil(name.length / 3)), name.length - 1)

/**
 * A check's figure text (SPEC 6), matched with case: three edits, or half the longer of the two
 * texts (rounded up), so an edited figure is still found but a wild guess is not offered.
 */
export const figureTextReach: Reach = (text, candidate) =>
  Math.max(3, Math.ceil(Math.max(text.length, candidate.length) / 2))

/**
 * A data file's path under `data/` (`markets/btc-usd.csv`, issue 18): two edits, or a quarter of
 * the path, so a slip in a long path is still caught but another folder's file is not offered.
 */
export const pathReach: Reach = (path) => Math.max(2, Math.floor(path.length / 4))

/**
 * The candidate nearest to `name` (the first of equals, in the candidates' order) with its edit
 * distance; undefined when there is none or it is beyond `options.reach` of `name`.
 */
export function nearestTo(
  name: string,
  candidates: Iterable<string>,
  options: NearOptions = {}
): NearMiss | undefined {
  const { reach = keyReach, matchCase = false } = options
  const wanted = matchCase ? name : name.toLowerCase()
  let best: NearMiss | undefined
  for (const candidate of candidates) {
    const edits = distance(wanted, matchCase ? candidate : candidate.toLowerCase())
    if (best === undefined || edits < best.distance) best = { candidate, distance: edits }
  }
  return best !== undefined && best.distance <= reach(name, best.candidate) ? best : undefined
}

/** ` (did you mean "x"?)` for the candidate `nearestTo` finds, or an empty string. */
export function didYouMean(
  name: string,
  candidates: Iterable<string>,
  options: NearOptions = {}
): string {
  const near = nearestTo(name, candidates, options)
  return near === undefined ? '' : ` (did you mean "${near.candidate}"?)`
}
