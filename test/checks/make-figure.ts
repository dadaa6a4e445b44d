/**
 * Builds the figures and prose the checks read, as detection would, so the check tests do not
 * depend on detection: the text is laid out as plain prose and each figure's offsets point into it.
 */
import type { Approx, Direction, Figure, Prose } from '../../src/types.js'

/** What a test says about a figure; the rest gets neutral defaults. */
export interface FigureSketch {
  value: number | [number, number]
  unit?: string | null
  approx?: Approx
  direction?: Direction | null
  line?: number
  column?: number
  start?: number
  in?: Figure['in']
}

/** A figure with `text` and `sketch`, at offset `start` (0 by default) of the plain text. */
export function makeFigure(text: string, sketch: FigureSketch): Figure {
  const start = sketch.start ?? 0
  return {
    text,
    in: sketch.in ?? 'body',
    value: sketch.value,
    unit: sketch.unit ?? null,
    approx: sketch.approx ?? 'exact',
    direction: sketch.direction ?? null,
    line: sketch.line ?? 1,
    column: sketch.column ?? start + 1,
    start,
    end: start + text.length,
    sourceStart: start,
    sourceEnd: start + text.length
  }
}

/** Prose whose source offsets are its own offsets, as for a one-paragraph body. */
export function makeProse(text: string): Prose {
  return { text, sourceOffsets: Int32Array.from({ length: text.length }, (_, index) => index) }
}

/**
 * Places each phrase in `text` (the `nth` occurrence, 1-based) and returns it as a figure there.
 * Figures land on line `line`, with the column of their first character.
 */
export function figureIn(
  text: string,
  phrase: string,
  sketch: FigureSketch & { nth?: number }
): Figure {
  let start = -1
  for (let seen = 0; seen < (sketch.nth ?? 1); seen++) {
    start = text.indexOf(phrase, start + 1)
    if (start === -1) throw new TypeError(`\`${phrase}\` is not in the test text`)
  }
  return makeFigure(phrase, { ...sketch, start })
}
