/**
 * Suggestion terminates and never throws (issue 20, item 5): for arbitrary figures and small
 * arbitrary datasets, `suggestForArticle` returns for every figure at most three suggestions,
 * and each suggestion's expression, evaluated again by the check language, computes its `actual`.
 */
import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { createDataStore } from '../../src/checks/datasets/dataset.js'
import { evaluateExpression } from '../../src/checks/expression/evaluate-expression.js'
import { defaultSettings } from '../../src/settings/load-settings.js'
import { suggestForArticle } from '../../src/suggest/suggest-article.js'
import type { Figure, Prose } from '../../src/types.js'
import { arbitraryDate, arbitraryFigure, arbitraryStore } from './suite/arbitrary-article.js'
import type { ArbitraryFigure } from './suite/arbitrary-article.js'

const tolerance = defaultSettings().factcheck.tolerance

/** The prose of sentences, one per figure, and the figures placed in it. */
function articleOf(parts: ArbitraryFigure[]): { prose: Prose; figures: Figure[] } {
  let text = ''
  const figures: Figure[] = []
  for (const part of parts) {
    const lead = `${part.before} `
    const start = text.length + lead.length
    const end = start + part.figure.text.length
    text += `${lead}${part.figure.text} ${part.after}. `
    figures.push({
      ...part.figure,
      start,
      end,
      sourceStart: start,
      sourceEnd: end,
      line: 1,
      column: start + 1
    })
  }
  const sourceOffsets = Int32Array.from({ length: text.length }, (_, n) => n)
  return { prose: { text, sourceOffsets }, figures }
}

describe('suggestForArticle on arbitrary figures and data', () => {
  it('returns at most three suggestions per figure, each re-evaluating to its actual', () => {
    // So that the property is not held vacuously: some runs must suggest something of each kind.
    const seen = { verified: 0, contradicted: 0, added: 0 }
    fc.assert(
      fc.property(
        fc.array(arbitraryFigure, { minLength: 1, maxLength: 4 }),
        arbitraryStore,
        arbitraryDate,
        fc.boolean(),
        fc.boolean(),
        (parts, { store, data: files }, date, titled, fromAll) => {
          const { prose, figures } = articleOf(parts)
          // With `--suggest-from all` the article reads one file at most and every other one,
          // plus a path that did not load, is offered under an alias of its own.
          const [first] = Object.entries(files)
          const data = fromAll ? Object.fromEntries(first === undefined ? [] : [first]) : files
          const everyFile = fromAll ? [...Object.values(files), 'missing.csv'] : undefined
          // The first figure is at times the headline's, which is its own sentence.
          const title = titled ? (figures[0]?.text ?? 'A headline') : 'A headline'
          if (titled && figures[0] !== undefined) figures[0] = { ...figures[0], in: 'title' }
          const found = suggestForArticle({
            frontmatter: { title, summary: 'since June', date, data },
            prose,
            figures,
            allFigures: figures,
            store,
            tolerance,
            ...(everyFile === undefined ? {} : { everyFile })
          })
          expect(found.size).toBe(figures.length)
          for (const figure of figures) {
            const suggestions = found.get(figure) ?? []
            expect(suggestions.length).toBeLessThanOrEqual(3)
            for (const suggestion of suggestions) {
              // A suggestion reading a file the article lacks names the `data:` entry to add.
              if (!fromAll) expect(suggestion.data).toBeUndefined()
              if (suggestion.data !== undefined) seen.added += 1
              const aliases = { ...data, ...suggestion.data }
              const evaluation = evaluateExpression(suggestion.expr, { aliases, store })
              expect(evaluation.ok, suggestion.expr).toBe(true)
              if (!evaluation.ok) continue
              expect(typeof evaluation.value).toBe('number')
              const value = Number(evaluation.value)
              expect(
                Object.is(value, suggestion.actual) ||
                  Math.abs(value - suggestion.actual) <=
                    1e-9 * Math.max(1, Math.abs(value), Math.abs(suggestion.actual)),
                `${suggestion.expr} = ${value}, suggested as ${suggestion.actual}`
              ).toBe(true)
              expect(['verified', 'contradicted']).toContain(suggestion.status)
              seen[suggestion.status] += 1
            }
          }
        }
      ),
      { numRuns: 300, seed: 20251104 }
    )
    expect(seen.verified).toBeGreaterThan(0)
    expect(seen.contradicted).toBeGreaterThan(0)
    expect(seen.added).toBeGreaterThan(0)
    console.log(
      `suggestions checked: ${seen.verified} verified, ${seen.contradicted} contradicted, ${seen.added} adding a data file`
    )
  }, 60_000)

  it('gives nothing, quietly, when the article reads no data', () => {
    const { prose, figures } = articleOf([
      {
        figure: { text: '5%', in: 'body', value: 5, unit: '%', approx: 'exact', direction: 'up' },
        before: 'rose',
        after: ''
      }
    ])
    const found = suggestForArticle({
      frontmatter: { title: 'T', date: DateTime.fromISO('2025-06-02T09:00:00Z'), data: {} },
      prose,
      figures,
      allFigures: figures,
      store: createDataStore(new Map()),
      tolerance
    })
    expect(found.get(figures[0] as Figure)).toEqual([])
  })
})
