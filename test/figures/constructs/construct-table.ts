/**
 * One loop for the test table of each figure phrase reader (`src/figures/constructs.ts`): the
 * rows a reader claims are read through the real pipeline, and must read otherwise once the
 * reader is taken out of the list, so that no row passes without the reader it tests.
 */
import { describe, expect, it } from 'vitest'
import type { Construct } from '../../../src/figures/construct.js'
import type { Expected } from '../read-figures.js'
import { constructs } from '../../../src/figures/constructs.js'
import { readFigures, readFiguresWith, summarize } from '../read-figures.js'

/** A Markdown text and the figures expected of it, in document order. */
export type Row = readonly [markdown: string, expected: readonly Expected[]]

/** The rows of one reader's table. */
export interface ConstructTable {
  /** Texts this reader reads: without it they must read otherwise. */
  reads: readonly Row[]
  /**
   * Texts it declines (its phrase is not complete) or skips as the others would: they read the
   * same without it, so that the reader is shown not to claim too much.
   */
  same: readonly Row[]
}

/** Declare the tests of `construct`'s table. */
export function describeConstruct(construct: Construct, table: ConstructTable): void {
  describe(`the ${construct.name} reader`, () => {
    const others = constructs.filter((entry) => entry !== construct)

    it('is in the list of readers', () => {
      expect(constructs).toContain(construct)
    })
    it.each(table.reads)('reads %s', (markdown, expected) => {
      expect(summarize(readFigures(markdown))).toEqual(expected)
    })
    it.each(table.reads)('is needed to read %s so', (markdown, expected) => {
      expect(summarize(readFiguresWith(markdown, others))).not.toEqual(expected)
    })
    it.each(table.same)('reads %s the same without it', (markdown, expected) => {
      expect(summarize(readFigures(markdown))).toEqual(expected)
      expect(summarize(readFiguresWith(markdown, others))).toEqual(expected)
    })
  })
}
