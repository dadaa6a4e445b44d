/**
 * One figure of an article made wrong on purpose (issue 20, the closest-line measure): its
 * number moved by 8-15% of its value (5-20% once rounded as it was written), written with the
 * same decimals and grouping, in the direction that makes the original check contradict it. Only the digits change, so the figure
 * keeps its place, approximator, unit and movement word.
 */
import { judgeFigure } from '../../../src/checks/verdict.js'
import type { Figure, FigureResult, Tolerance } from '../../../src/types.js'

/** The digits of a written number: `1,230`, `3.2`, `99,000.50`. */
const numberPattern = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/gu

export interface Altered {
  /** The article's source with the figure's digits replaced. */
  source: string
  /** The figure's new text. */
  text: string
  /** The figure's new value, as the figure reader should find it. */
  value: number | [number, number]
}

/**
 * `source` with `figure` (found at its line and column) moved so that `actual`, the value its
 * check computed, contradicts it; undefined when the figure has no digits to move (a spelled
 * number), is not written verbatim there, or neither direction contradicts.
 * @param index picks the size of the move, from 8% to 15%, so the suite tries several sizes.
 */
export function alterFigure(
  source: string,
  figure: FigureResult,
  actual: number,
  tolerance: Tolerance,
  index: number
): Altered | undefined {
  const at = offsetOf(source, figure.line, figure.column)
  if (at === undefined || !source.startsWith(figure.text, at)) return undefined
  const tokens = [...figure.text.matchAll(numberPattern)]
  const values = Array.isArray(figure.value) ? figure.value : [figure.value]
  if (tokens.length !== values.length) return undefined
  // A written zero has no size to move by a share of it.
  if (tokens.some((token) => parseWritten(token[0]) === 0)) return undefined
  const size = 0.08 + (0.07 * ((index * 3) % 8)) / 7
  for (const factor of [1 + size, 1 - size]) {
    let text = ''
    let last = 0
    const moved: number[] = []
    let movable = true
    for (const [n, token] of tokens.entries()) {
      const written = moveNumber(token[0], factor)
      if (written === undefined) {
        movable = false
        break
      }
      const ratio = parseWritten(written) / parseWritten(token[0])
      moved.push((values[n] ?? NaN) * ratio)
      text += figure.text.slice(last, token.index) + written
      last = token.index + token[0].length
    }
    if (!movable) continue
    text += figure.text.slice(last)
    const value: number | [number, number] =
      moved.length === 2 ? [moved[0] ?? NaN, moved[1] ?? NaN] : (moved[0] ?? NaN)
    if (!contradicts({ ...figure, text, value }, actual, tolerance)) continue
    const edited = source.slice(0, at) + text + source.slice(at + figure.text.length)
    return { source: edited, text, value }
  }
  return undefined
}

/** Whether the SPEC 5 verdict on `figure` against `actual` is a contradiction. */
export function contradicts(
  figure: Omit<FigureResult, 'status'> | FigureResult,
  actual: number,
  tolerance: Tolerance
): boolean {
  const judged: Figure = {
    text: figure.text,
    in: figure.in,
    value: figure.value,
    unit: figure.unit,
    approx: figure.approx,
    direction: figure.direction,
    line: figure.line,
    column: figure.column,
    start: 0,
    end: figure.text.length,
    sourceStart: 0,
    sourceEnd: figure.text.length
  }
  return judgeFigure(judged, actual, { tolerance }).status === 'contradicted'
}

/** The share a written number may end up moved by, once rounded to how it is written. */
const movedShare = { least: 0.05, most: 0.2 }

/**
 * `written` times `factor`, with its decimals, its thousands grouping and, for a round whole
 * number, its round places (`470,000` moves to `540,000`, not `535,800`), or fewer of them when
 * rounding would move it too little or too much; undefined when no such writing moves it by
 * 5-20% (a single digit like `3` moves by a third at least).
 */
export function moveNumber(written: string, factor: number): string | undefined {
  const decimals = written.includes('.') ? written.length - written.indexOf('.') - 1 : 0
  const before = parseWritten(written)
  const digits = written.replaceAll(',', '')
  const roundPlaces =
    decimals > 0
      ? 0
      : Math.min(digits.length - 1, digits.length - digits.replace(/0+$/u, '').length)
  for (let places = roundPlaces; places >= 0; places--) {
    const step = 10 ** places
    const after =
      places > 0
        ? Math.round((before * factor) / step) * step
        : Number((before * factor).toFixed(decimals))
    const share = Math.abs(after - before) / before
    if (after > 0 && share >= movedShare.least && share <= movedShare.most)
      return writeLike(after, decimals, written.includes(','))
  }
  return undefined
}

function writeLike(value: number, decimals: number, grouped: boolean): string {
  const fixed = value.toFixed(decimals)
  if (!grouped) return fixed
  const [whole = '', fraction] = fixed.split('.')
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/gu, ',')
  return fraction === undefined ? withCommas : `${withCommas}.${fraction}`
}

function parseWritten(written: string): number {
  return Number(written.replaceAll(',', ''))
}

/** The offset in `source` of the 1-based `line` and `column`. */
function offsetOf(source: string, line: number, column: number): number | undefined {
  let at = 0
  for (let n = 1; n < line; n++) {
    const next = source.indexOf('\n', at)
    if (next < 0) return undefined
    at = next + 1
  }
  return at + column - 1
}
