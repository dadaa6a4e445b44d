/**
 * Binds a check to the one figure it names (SPEC 6): the check's `figure` text is looked up in the
 * article's prose (headline, summary, then the body's plain text), and the matched span must hold exactly one detected figure. Every way this
 * can fail is an error an editor can act on, so a check never silently stops checking after an edit.
 */
import { didYouMean, figureTextReach } from '../text/did-you-mean.js'
import { collapseWhitespace, collapseWithOffsets } from '../text/whitespace.js'
import type { CollapsedText } from '../text/whitespace.js'
import type { CheckSpec, Figure, Prose } from '../types.js'

/** The result of binding a check. */
export type Binding =
  | { ok: true; figure: Figure }
  | { ok: false; rule: 'check-not-found' | 'check-ambiguous' | 'check-no-figure'; message: string }

/**
 * Finds the figure `check` names. The text must occur once, or `occurrence` picks the N-th
 * occurrence (1-based); whitespace runs count as one space on both sides; case matters. A figure
 * belongs to the match when its span overlaps the matched span, so `below the $99,000 mark` binds
 * the figure `below the $99,000`.
 */
export function bindCheck(
  check: Pick<CheckSpec, 'figure' | 'occurrence'>,
  prose: Prose,
  figures: readonly Figure[]
): Binding {
  const needle = collapseWhitespace(check.figure)
  const body = collapsedProse(prose)
  const starts = needle === '' ? [] : occurrencesOf(needle, body.text)
  const quoted = `check text "${needle}"`

  if (starts.length === 0) {
    // Only a text close enough to be the same figure after an edit: a wild guess would mislead.
    const figureTexts = new Set(figures.map((figure) => figure.text))
    const hint = didYouMean(needle, figureTexts, { reach: figureTextReach, matchCase: true })
    return {
      ok: false,
      rule: 'check-not-found',
      message: `${quoted} not found in the headline, summary or body${hint}`
    }
  }

  const occurrence = check.occurrence
  let start: number | undefined
  if (occurrence === undefined) {
    if (starts.length > 1) {
      return {
        ok: false,
        rule: 'check-ambiguous',
        message: `${quoted} occurs ${starts.length} times; add occurrence: N (1-${starts.length}) to pick one`
      }
    }
    start = starts[0]
  } else {
    start = Number.isInteger(occurrence) && occurrence >= 1 ? starts[occurrence - 1] : undefined
    if (start === undefined) {
      const times = starts.length === 1 ? 'once' : `${starts.length} times`
      return {
        ok: false,
        rule: 'check-not-found',
        message: `${quoted} occurs ${times}; occurrence: ${occurrence} does not exist (use 1-${starts.length})`
      }
    }
  }
  if (start === undefined) throw new TypeError('`starts` lost its first occurrence')

  const from = body.offsets[start] ?? 0
  const to = (body.offsets[start + needle.length - 1] ?? from) + 1
  const held = figures.filter((figure) => figure.start < to && figure.end > from)

  if (held.length === 1 && held[0] !== undefined) return { ok: true, figure: held[0] }
  if (held.length === 0) {
    return { ok: false, rule: 'check-no-figure', message: `${quoted} holds no figure` }
  }
  const list = held.map((figure) => figure.text).join(', ')
  return {
    ok: false,
    rule: 'check-no-figure',
    message: `${quoted} holds ${held.length} figures (${list}); narrow it to one`
  }
}

/**
 * Whether the words of an assert's `says` occur in the body, under the same whitespace rule as
 * check text.
 */
export function findSays(says: string, prose: Prose): boolean {
  const needle = collapseWhitespace(says)
  return needle !== '' && collapsedProse(prose).text.includes(needle)
}

// An article's checks and asserts all search the same prose: collapse it once per article.
const collapsedByProse = new WeakMap<Prose, CollapsedText>()

function collapsedProse(prose: Prose): CollapsedText {
  let collapsed = collapsedByProse.get(prose)
  if (collapsed === undefined) {
    collapsed = collapseWithOffsets(prose.text)
    collapsedByProse.set(prose, collapsed)
  }
  return collapsed
}

// Every start of `needle` in `text`, overlapping ones included, so that `occurrence` counts what
// an editor counts when reading.
function occurrencesOf(needle: string, text: string): number[] {
  const starts: number[] = []
  let index = text.indexOf(needle)
  while (index !== -1) {
    starts.push(index)
    index = text.indexOf(needle, index + 1)
  }
  return starts
}
