/**
 * The first measure of the suggestion suite (issue 20, item 5): a site's articles with their
 * checks stripped are given suggestions, and each figure whose check verified in the original
 * counts a top-1 hit when the first suggestion computes the check's value, a top-3 hit when one
 * of the first three does.
 */
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { FigureResult } from '../../../src/types.js'
import {
  checkSite,
  copySite,
  placeOf,
  sameValue,
  suggestSite,
  verifiedFigures
} from './site-build.js'
import { stripSite } from './strip-checks.js'

export interface RankScore {
  corpus: string
  /** Figures whose check verified in the original site. */
  figures: number
  top1: number
  top3: number
  /** Seconds the suggestion pass took (the build before it not counted). */
  suggestSeconds: number
  /** One line per figure no top-3 suggestion reaches: `file:line "figure" want EXPR got ...`. */
  misses: string[]
}

/** Scores the suggestions on a stripped copy of the site at `root`. */
export async function rankScore(corpus: string, root: string): Promise<RankScore> {
  const truth = verifiedFigures((await checkSite(root)).report)
  const copy = await copySite(root)
  try {
    await stripSite(join(copy, 'content'))
    const { report, suggestSeconds } = await suggestSite(copy)
    const score: RankScore = { corpus, figures: 0, top1: 0, top3: 0, suggestSeconds, misses: [] }
    for (const article of report.articles)
      for (const figure of article.figures) {
        const original = truth.get(placeOf(article.file, figure))
        if (original === undefined || original.actual === null) continue
        score.figures += 1
        const ranked = figure.suggestions ?? []
        const hits = ranked.map((suggestion) =>
          sameValue(suggestion.actual, original.actual ?? NaN)
        )
        if (hits[0] === true) score.top1 += 1
        if (hits.slice(0, 3).includes(true)) score.top3 += 1
        else score.misses.push(missLine(article.file, figure, original))
      }
    return score
  } finally {
    await rm(copy, { recursive: true, force: true })
  }
}

/** `file:line "figure" want EXPR got EXPR=VALUE | ...` for a figure no suggestion reached. */
export function missLine(file: string, figure: FigureResult, original: FigureResult): string {
  const got = (figure.suggestions ?? [])
    .map((suggestion) => `${suggestion.expr}=${round(suggestion.actual)} (${suggestion.status})`)
    .join(' | ')
  return `${file}:${figure.line} "${figure.text}" want ${original.expr ?? ''}=${round(original.actual ?? NaN)} got ${got === '' ? 'nothing' : got}`
}

function round(value: number): string {
  return String(Number(value.toPrecision(6)))
}
