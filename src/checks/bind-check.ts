/**
 * Binds a check to the one figure it names (SPEC 6): the check's `figure` text is looked up in the
 * body's plain text, and the matched span must hold exactly one detected figure. Every way this
 * can fail is an error an editor can act on, so a check never silently stops checking after an edit.
 */
import { closest, distance } from 'fastest-levenshtein'
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
  const needle = collapseWhitespace(check.figure).trim()
  const body = collapsedProse(prose)
  const starts = needle === '' ? [] : occurrencesOf(needle, body.text)
  const quoted = `check text "${needle}"`

  if (starts.length === 0) {
    const suggestion = nearestFigureText(needle, figures)
    const hint = suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`
    return { ok: false, rule: 'check-not-found', message: `${quoted} not found in the body${hint}` }
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
  const needle = collapseWhitespace(says).trim()
  return needle !== '' && collapsedProse(prose).text.includes(needle)
}

/** Collapses every whitespace run to one space, as editors read text (SPEC 6). */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ')
}

interface CollapsedText {
  text: string
  /** Offset in the original text of each character of `text`. */
  offsets: Int32Array
}

// An article's checks and asserts all search the same prose: collapse it once per article.
const collapsedByProse = new WeakMap<Prose, CollapsedText>()

function collapsedProse(prose: Prose): CollapsedText {
  let collapsed = collapsedByProse.get(prose)
  if (collapsed === undefined) {
    collapsed = collapsedText(prose.text)
    collapsedByProse.set(prose, collapsed)
  }
  return collapsed
}

function collapsedText(original: string): CollapsedText {
  const offsets = new Int32Array(original.length)
  const parts: string[] = []
  let length = 0
  let index = 0
  while (index < original.length) {
    if (isWhitespace(original.charCodeAt(index))) {
      offsets[length++] = index
      parts.push(' ')
      while (index < original.length && isWhitespace(original.charCodeAt(index))) index++
    } else {
      const start = index
      while (index < original.length && !isWhitespace(original.charCodeAt(index)))
        offsets[length++] = index++
      parts.push(original.slice(start, index))
    }
  }
  return { text: parts.join(''), offsets: offsets.subarray(0, length) }
}

// The characters JavaScript's `\s` matches, so that `collapseWhitespace` and this agree.
function isWhitespace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
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

// Suggests the figure text closest to a check text that went missing, but only when it is close
// enough to be the same figure after an edit: a wild guess would mislead the editor.
function nearestFigureText(needle: string, figures: readonly Figure[]): string | undefined {
  const texts = [...new Set(figures.map((figure) => figure.text))]
  if (texts.length === 0) return undefined
  const nearest = closest(needle, texts)
  const limit = Math.max(3, Math.ceil(Math.max(needle.length, nearest.length) / 2))
  return distance(needle, nearest) <= limit ? nearest : undefined
}
