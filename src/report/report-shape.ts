/**
 * The exact shape of the JSON report (SPEC 7): the keys the SPEC shows, in its order, and nothing
 * else. Results travel through the pipeline with internal fields (a problem's `file`, a figure's
 * offsets); copying field by field keeps them out of `factcheck.json`, where CI scripts parse it.
 */
import type {
  AssertResult,
  FigureResult,
  Problem,
  Report,
  ReportArticle,
  Suggestion
} from '../types.js'

/**
 * `report` with exactly the SPEC's keys, in the SPEC's order: a copy, sharing the results that
 * are in that shape already.
 */
export function shapeReport(report: Report, options: ShapeOptions = {}): Report {
  const { summary } = report
  return {
    version: 1,
    summary: {
      articles: summary.articles,
      figures: summary.figures,
      verified: summary.verified,
      contradicted: summary.contradicted,
      unchecked: summary.unchecked,
      errors: summary.errors,
      warnings: summary.warnings,
      exit: summary.exit
    },
    articles: report.articles.map((entry) => shapeArticle(entry, options))
  }
}

/** What the report holds beyond SPEC 7's shape. */
export interface ShapeOptions {
  /**
   * `--suggest` (issue 20): each unchecked figure keeps its `suggestions`, after SPEC 7's keys.
   * Never in `factcheck.json`: suggestions are for the editor, not the public report.
   */
  suggestions?: boolean
}

/** One report entry with exactly the SPEC's keys, in the SPEC's order (see `shapeReport`). */
export function shapeArticle(entry: ReportArticle, options: ShapeOptions = {}): ReportArticle {
  return {
    file: entry.file,
    slug: entry.slug,
    url: entry.url,
    mode: entry.mode,
    figures: entry.figures.map((figure) => {
      const shaped = shapeFigure(figure)
      return options.suggestions === true && figure.suggestions !== undefined
        ? { ...shaped, suggestions: figure.suggestions.map(shapeSuggestion) }
        : shaped
    }),
    asserts: entry.asserts.map(shapeAssert),
    problems: entry.problems.map(shapeProblem)
  }
}

/** The SPEC's keys of a figure result, in its order. */
const figureKeys = [
  'text',
  'in',
  'line',
  'column',
  'value',
  'unit',
  'approx',
  'direction',
  'status',
  'actual',
  'expr',
  'message'
]
const assertKeys = ['expr', 'says', 'status', 'message']
const problemKeys = ['severity', 'line', 'column', 'rule', 'message']

/**
 * Whether `value`'s own keys are exactly `keys`, in order. Checked results mostly are already in
 * the SPEC's shape: they are then shared rather than copied, which at 40,000 articles is half a
 * million figures not held twice.
 */
function inShape(value: object, keys: readonly string[]): boolean {
  let index = 0
  for (const key in value) {
    if (key !== keys[index]) return false
    index++
  }
  return index === keys.length
}

function shapeFigure(figure: FigureResult): FigureResult {
  if (inShape(figure, figureKeys)) return figure
  return {
    text: figure.text,
    in: figure.in,
    line: figure.line,
    column: figure.column,
    value: Array.isArray(figure.value) ? [figure.value[0], figure.value[1]] : figure.value,
    unit: figure.unit,
    approx: figure.approx,
    direction: figure.direction,
    status: figure.status,
    actual: figure.actual,
    expr: figure.expr,
    message: figure.message
  }
}

function shapeSuggestion(suggestion: Suggestion): Suggestion {
  const shaped: Suggestion = {
    expr: suggestion.expr,
    actual: suggestion.actual,
    status: suggestion.status,
    explanation: suggestion.explanation
  }
  if (suggestion.occurrence !== undefined) shaped.occurrence = suggestion.occurrence
  if (suggestion.data !== undefined) shaped.data = { ...suggestion.data }
  return shaped
}

function shapeAssert(assert: AssertResult): AssertResult {
  if (inShape(assert, assertKeys)) return assert
  return { expr: assert.expr, says: assert.says, status: assert.status, message: assert.message }
}

function shapeProblem(problem: Problem): Problem {
  if (inShape(problem, problemKeys)) return problem
  return {
    severity: problem.severity,
    line: problem.line,
    column: problem.column,
    rule: problem.rule,
    message: problem.message
  }
}
