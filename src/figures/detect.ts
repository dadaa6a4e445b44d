/**
 * Finds every figure in an article's prose (SPEC 5): one left-to-right pass over the tokens that
 * asks, at each token, the phrase readers of `constructs.ts` in order (a `between X and Y` range,
 * a `range from X to Y`, an approximator phrase with its amount, an `X to Y` that is no range, a
 * bare amount), each with a bounded look around. A figure's text then runs through the head of
 * its counted noun, and a change restated in another unit (`fell 318 points, or 0.8%`) takes the
 * direction of the one before. Numbers that are no figures (dates, years, times, ordinals, names,
 * listed phrases) are skipped whole.
 */
import type { Figure, Prose } from '../types.js'
import type { ScanStats } from './tokenize.js'
import type { Construct, FoundFigure, Step } from './construct.js'
import { tokenize } from './tokenize.js'
import { TokenView } from './token-view.js'
import { constructs } from './constructs.js'
import { directionOf, restatedDirection } from './qualifiers.js'
import { coordinatedDirection } from './movement-coordination.js'
import type { CoordinatedFigure } from './movement-coordination.js'
import { countedNounSpan } from './counted-noun.js'
import { markListedNotFigures } from './listed-not-figures.js'
import { marketIndexes } from './market-indexes.js'
import { createLineIndex } from './line-index.js'
import { sourceExtentAt } from './source-align.js'

/** Options of `detectFigures`. */
export interface DetectOptions {
  /** Phrases whose numbers are names, never figures (`not_figures` of SPEC 3); case-sensitive. */
  notFigures: readonly string[]
  /** When given, counts the work done (characters scanned plus tokens read); default none. */
  stats?: ScanStats
  /**
   * The phrase readers, in the order they are tried; default the list of `constructs.ts`. Tests
   * pass the list without one reader to show what that reader alone finds.
   */
  constructs?: readonly Construct[]
}

/**
 * Every figure of `prose` in document order. `markdown` is the source the prose was extracted
 * from (frontmatter blanked), used for `line`, `column`, `sourceStart` and `sourceEnd`.
 */
export function detectFigures(prose: Prose, markdown: string, options: DetectOptions): Figure[] {
  const readers = options.constructs ?? constructs
  const tokens = tokenize(prose, options.stats)
  markListedNotFigures(tokens, prose.text, [...marketIndexes, ...options.notFigures])
  const view = new TokenView(tokens, options.stats)
  const place = createLineIndex(markdown)
  const figures: Figure[] = []
  let index = 0
  let previous: CoordinatedFigure | null = null
  while (index < view.length) {
    const step = figureAt(view, index, readers)
    if (step === null) {
      index++
    } else if (step.kind === 'skip') {
      index = Math.max(step.next, index + 1)
    } else {
      const found = withNounPhrase(view, step.figure)
      const direction: Figure['direction'] =
        found.sign ??
        directionOf(view, found) ??
        restatedDirection(view, found, previous) ??
        coordinatedDirection(view, found, previous)
      figures.push(toFigure(view, prose, markdown, place, found, direction))
      previous = { last: found.last, direction, unit: found.unit }
      index = found.last + 1
    }
  }
  return figures
}

/**
 * What the first reader of `readers` that finds its phrase at `index` read there, or null when
 * none does. Each reader is asked in turn, so a phrase one declines is left to the next.
 */
function figureAt(view: TokenView, index: number, readers: readonly Construct[]): Step {
  for (const reader of readers) {
    const step = reader.read(view, index)
    if (step !== null) return step
  }
  return null
}

/**
 * The figure with its text running through the head of its counted noun (`215 Pakistani
 * soldiers`): the amount reader stops at the first word after the number.
 */
function withNounPhrase(view: TokenView, found: FoundFigure): FoundFigure {
  if (!found.counted || found.unit === null) return found
  const span = countedNounSpan(view, found.last)
  if (span === null || span.noun !== found.unit || span.last <= found.last) return found
  return { ...found, last: span.last }
}

function toFigure(
  view: TokenView,
  prose: Prose,
  markdown: string,
  place: ReturnType<typeof createLineIndex>,
  found: FoundFigure,
  direction: Figure['direction']
): Figure {
  const start = view.at(found.first)?.start ?? 0
  const end = view.at(found.last)?.end ?? start
  const { sourceStart, sourceEnd } = sourceSpan(prose, markdown, start, end)
  const { line, column } = place(sourceStart)
  return {
    text: prose.text.slice(start, end),
    in: 'body',
    value: found.value,
    unit: found.unit,
    approx: found.approx,
    direction,
    line,
    column,
    start,
    end,
    sourceStart,
    sourceEnd
  }
}

/** Source offsets of a prose span: from its first mapped character to the end of its last. */
function sourceSpan(prose: Prose, markdown: string, start: number, end: number) {
  const offsets = prose.sourceOffsets
  let first = start
  while (first < end && (offsets[first] ?? -1) < 0) first++
  let last = end - 1
  while (last > first && (offsets[last] ?? -1) < 0) last--
  const sourceStart = Math.max(0, offsets[first] ?? 0)
  const lastOffset = Math.max(sourceStart, offsets[last] ?? sourceStart)
  return { sourceStart, sourceEnd: lastOffset + sourceExtentAt(markdown, lastOffset) }
}
