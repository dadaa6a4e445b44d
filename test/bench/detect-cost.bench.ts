/**
 * What figure detection costs next to the Markdown parse it follows (SPEC 5): run with
 * `npx vitest bench --run test/bench/detect-cost.bench.ts`. Detection is meant to cost well under
 * the parse on an ordinary article.
 */
import { readFileSync } from 'node:fs'
import { bench, describe } from 'vitest'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import { extractProse } from '../../src/figures/prose.js'
import { detectFigures } from '../../src/figures/detect.js'

const markdown = readFileSync(
  new URL('../figures/fixtures/market-article.md', import.meta.url),
  'utf8'
)
const processor = unified().use(remarkParse).use(remarkGfm)
const tree = processor.parse(markdown)
const options = { notFigures: ['S&P 500'] }

describe(`a ${markdown.length}-character market article`, () => {
  bench('remark-parse + remark-gfm parse', () => {
    processor.parse(markdown)
  })

  bench('extractProse + detectFigures', () => {
    detectFigures(extractProse(tree, markdown), markdown, options)
  })
})
