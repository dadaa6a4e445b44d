/**
 * Report entries as the build hands them over: an article with problems, a clean article, and the
 * site settings file, with the internal fields (figure offsets, a problem's `file`) still on.
 */
import type { FigureResult, Problem, ReportArticle } from '../../src/types.js'

const verified = {
  text: 'over 7%',
  in: 'body',
  line: 22,
  column: 41,
  value: 7,
  unit: '%',
  approx: 'over',
  direction: 'down',
  status: 'verified',
  actual: -7.41,
  expr: 'pct_change(btc.close, "2025-11-03", "2025-11-04")',
  message: 'stated over 7%, data -7.41%',
  start: 120,
  end: 127,
  sourceStart: 800,
  sourceEnd: 807
} satisfies FigureResult & Record<string, unknown>

/** A figure result exactly in the SPEC's shape (keys and order), as checking makes them. */
export const contradicted: FigureResult = {
  text: '10-12%',
  in: 'body',
  line: 24,
  column: 3,
  value: [10, 12],
  unit: '%',
  approx: 'range',
  direction: null,
  status: 'contradicted',
  actual: 6.2,
  expr: 'eth.change',
  message: 'stated 10-12%, data 6.2% (not between 10% and 12%)'
}

function unchecked(text: string, line: number): FigureResult {
  return {
    text,
    in: 'body',
    line,
    column: 1,
    value: 3,
    unit: 'houses',
    approx: 'exact',
    direction: null,
    status: 'unchecked',
    actual: null,
    expr: null,
    message: 'no check covers this figure'
  }
}

const unknownKey: Problem = {
  severity: 'warning',
  line: 3,
  column: 1,
  rule: 'frontmatter',
  message: 'unknown key "tagz" (did you mean "tags"?)',
  file: 'content/2025/11/04/crypto-day-of-terror.md'
}

/** The crypto article: one verified, one contradicted figure, a warning and an error. */
export const crypto: ReportArticle = {
  file: 'content/2025/11/04/crypto-day-of-terror.md',
  slug: 'crypto-day-of-terror',
  url: '/2025/11/04/crypto-day-of-terror/',
  mode: 'strict',
  figures: [verified, contradicted],
  asserts: [
    {
      expr: 'lowest_since(btc.low, "2025-11-04", "2025-07-01")',
      says: 'lowest level since June',
      status: 'verified',
      message: ''
    }
  ],
  problems: [
    unknownKey,
    {
      severity: 'error',
      line: 24,
      column: 3,
      rule: 'figure-contradicted',
      message: 'stated 10-12%, data 6.2% (not between 10% and 12%)'
    }
  ]
}

/** A clean article in standard mode with two unchecked figures. */
export const storm: ReportArticle = {
  file: 'content/2025/11/05/storm.md',
  slug: 'storm',
  url: '/2025/11/05/storm/',
  mode: 'standard',
  figures: [unchecked('three houses', 7), unchecked('three houses', 9)],
  asserts: [],
  problems: [
    {
      severity: 'warning',
      line: 7,
      column: 1,
      rule: 'figure-unchecked',
      message: 'no check covers "three houses"'
    },
    {
      severity: 'warning',
      line: 9,
      column: 1,
      rule: 'figure-unchecked',
      message: 'no check covers "three houses"'
    }
  ]
}

/** The site settings: not an article, so its slug is empty. */
export const settings: ReportArticle = {
  file: 'data/site.yaml',
  slug: '',
  url: '',
  mode: 'standard',
  figures: [],
  asserts: [],
  problems: [
    {
      severity: 'warning',
      line: 2,
      column: 1,
      rule: 'settings',
      message: 'unknown key "titel" (did you mean "title"?)'
    }
  ]
}
