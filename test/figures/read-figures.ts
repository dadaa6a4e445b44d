/**
 * Runs the real pipeline the build uses on a Markdown string (the production parser,
 * `parseMarkdown`, then prose extraction and detection), so that figure tests read like the
 * articles editors write.
 */
import { expect } from 'vitest'
import { parseMarkdown } from '../../src/markdown/parse-markdown.js'
import type { Approx, Direction, Figure, Prose } from '../../src/types.js'
import type { Construct } from '../../src/figures/construct.js'
import { extractProse } from '../../src/figures/prose.js'
import { detectFigures } from '../../src/figures/detect.js'

/** What a detection table row expects of one figure. */
export type Expected = readonly [
  text: string,
  value: Figure['value'],
  unit: string | null,
  approx: Approx,
  direction: Direction | null
]

/** Parse `markdown` as the build does and return its prose. */
export function proseOf(markdown: string): Prose {
  return extractProse(parseMarkdown(markdown), markdown)
}

/** Every figure of `markdown`, as the build would find it. */
export function readFigures(markdown: string, notFigures: readonly string[] = []): Figure[] {
  return detectFigures(proseOf(markdown), markdown, { notFigures })
}

/** Every figure of `markdown` as read by `constructs` alone, in their order. */
export function readFiguresWith(markdown: string, constructs: readonly Construct[]): Figure[] {
  return detectFigures(proseOf(markdown), markdown, { notFigures: [], constructs })
}

/** The fields a detection table compares, in table order. */
export function summarize(figures: readonly Figure[]): Expected[] {
  return figures.map((figure) => [
    figure.text,
    figure.value,
    figure.unit,
    figure.approx,
    figure.direction
  ])
}

/** Asserts that `markdown` reads as exactly the `expected` rows (`notFigures` as in `readFigures`). */
export function expectFigures(
  markdown: string,
  expected: readonly Expected[],
  notFigures: readonly string[] = []
): void {
  expect(summarize(readFigures(markdown, notFigures))).toEqual(expected)
}
