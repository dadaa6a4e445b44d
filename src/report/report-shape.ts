/**
 * The exact shape of the JSON report (SPEC 7): the keys the SPEC shows, in its order, and nothing
 * else. Results travel through the pipeline with internal fields (a problem's `file`, a figure's
 * offsets); copying field by field keeps them out of `factcheck.json`, where CI scripts parse it.
 */
import type { AssertResult, FigureResult, Problem, Report, ReportArticle } from '../types.js'

/** A copy of `report` with exactly the SPEC's keys, in the SPEC's order. */
export function shapeReport(report: Report): Report {
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
    articles: report.articles.map(shapeArticle)
  }
}

/** A copy of one report entry with exactly the SPEC's keys, in the SPEC's order. */
export function shapeArticle(entry: ReportArticle): ReportArticle {
  return {
    file: entry.file,
    slug: entry.slug,
    url: entry.url,
    mode: entry.mode,
    figures: entry.figures.map(shapeFigure),
    asserts: entry.asserts.map(shapeAssert),
    problems: entry.problems.map(shapeProblem)
  }
}

function shapeFigure(figure: FigureResult): FigureResult {
  return {
    text: figure.text,
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

function shapeAssert(assert: AssertResult): AssertResult {
  return { expr: assert.expr, says: assert.says, status: assert.status, message: assert.message }
}

function shapeProblem(problem: Problem): Problem {
  return {
    severity: problem.severity,
    line: problem.line,
    column: problem.column,
    rule: problem.rule,
    message: problem.message
  }
}
