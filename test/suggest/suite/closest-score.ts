/**
 * The second measure of the suggestion suite (issue 20, item 5): for each figure whose check
 * verified, a copy of its article (checks stripped) where only that figure is moved to disagree
 * with the data. The right answer is a first suggestion that is the "closest" (contradicted) line
 * computing the original check's value; readings that agree with the altered figure may follow. Every altered copy sits in one site, beside the
 * others, so one build and one suggestion pass measure them all.
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { FigureResult, Report } from '../../../src/types.js'
import { alterFigure, contradicts } from './alter-figure.js'
import {
  checkSite,
  copySite,
  placeOf,
  sameValue,
  suggestSite,
  verifiedFigures
} from './site-build.js'
import { markdownFiles, stripChecks } from './strip-checks.js'

export interface ClosestScore {
  corpus: string
  /** Figures altered so that their original check contradicts them. */
  altered: number
  /** Altered figures with no verified suggestion and a closest line computing the original. */
  rightClosest: number
  /** Altered figures for which some other candidate verified instead. */
  otherVerified: number
  /** Altered figures whose closest line computes something other than the original check. */
  wrongClosest: number
  /** Altered figures with no suggestion at all. */
  nothing: number
  /** Verified figures that could not be altered (a spelled number, a figure not written verbatim). */
  skipped: number
  /** One line per altered figure without the right closest line. */
  failures: string[]
}

/**
 * Scores the closest line on altered copies of the articles of the site at `root`.
 * @param maxArticles how many articles (in file order) to make altered copies of
 */
export async function closestScore(
  corpus: string,
  root: string,
  maxArticles = Infinity
): Promise<ClosestScore> {
  const { report, settings } = await checkSite(root)
  const truth = verifiedFigures(report)
  const tolerance = settings.factcheck.tolerance
  const copy = await copySite(root)
  const score: ClosestScore = {
    corpus,
    altered: 0,
    rightClosest: 0,
    otherVerified: 0,
    wrongClosest: 0,
    nothing: 0,
    skipped: 0,
    failures: []
  }
  try {
    const targets = new Map<string, FigureResult>()
    let articles = 0
    let index = 0
    for (const path of await markdownFiles(join(copy, 'content'))) {
      const file = relative(copy, path)
      const figures = figuresOf(report, file).filter((figure) => truth.has(placeOf(file, figure)))
      const source = await readFile(path, 'utf8')
      await rm(path)
      if (figures.length === 0 || articles >= maxArticles) continue
      articles += 1
      const stripped = stripChecks(source)
      for (const [n, figure] of figures.entries()) {
        const altered = alterFigure(stripped, figure, figure.actual ?? NaN, tolerance, index++)
        if (altered === undefined) {
          score.skipped += 1
          continue
        }
        const copyPath = path.replace(/\.md$/u, `-altered-${n + 1}.md`)
        await writeFile(copyPath, altered.source)
        targets.set(placeOf(relative(copy, copyPath), figure), figure)
      }
    }
    const suggested = await suggestSite(copy)
    for (const article of suggested.report.articles)
      for (const figure of article.figures) {
        const original = targets.get(placeOf(article.file, figure))
        if (original === undefined || original.actual === null) continue
        // As the figure reader found it in the copy: the move must have made it disagree.
        if (figure.status !== 'unchecked' || !contradicts(figure, original.actual, tolerance)) {
          score.skipped += 1
          continue
        }
        score.altered += 1
        judge(score, article.file, figure, original)
      }
    return score
  } finally {
    await rm(copy, { recursive: true, force: true })
  }
}

function judge(score: ClosestScore, file: string, figure: FigureResult, original: FigureResult) {
  const suggestions = figure.suggestions ?? []
  const closest = suggestions.filter((suggestion) => suggestion.status === 'contradicted')
  // The closest line is the first suggestion, contradicted; readings that agree may follow it.
  const first = suggestions[0]
  if (first?.status === 'contradicted' && sameValue(first.actual, original.actual ?? NaN)) {
    score.rightClosest += 1
    return
  }
  if (first?.status === 'verified') score.otherVerified += 1
  else if (closest.length > 0) score.wrongClosest += 1
  else score.nothing += 1
  const got = suggestions
    .map((one) => `${one.expr}=${Number(one.actual.toPrecision(6))} (${one.status})`)
    .join(' | ')
  score.failures.push(
    `${file}:${figure.line} "${figure.text}" (was "${original.text}") want closest ${original.expr ?? ''}=${Number((original.actual ?? NaN).toPrecision(6))} got ${got === '' ? 'nothing' : got}`
  )
}

function figuresOf(report: Report, file: string): FigureResult[] {
  return report.articles.find((article) => article.file === file)?.figures ?? []
}
