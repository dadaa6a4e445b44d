/**
 * The one-line summaries people read at the end of a run. `summaryLine` closes the `text` and
 * `github` outputs (`6 articles, 41 figures: 14 verified, 0 contradicted, 27 unchecked; 0 errors,
 * 3 warnings`); `runSummaryLine` is the line the CLI prints on stderr after `build` or `check`,
 * the one an editor's loop and a CI log are scanned for.
 */
import type { Report } from '../types.js'

/** The summary of `report` in words, without a line ending. */
export function summaryLine(summary: Report['summary']): string {
  const { articles, figures, verified, contradicted, unchecked, errors, warnings } = summary
  return (
    `${count(articles, 'article')}, ${count(figures, 'figure')}: ` +
    `${format(verified)} verified, ${format(contradicted)} contradicted, ${format(unchecked)} unchecked; ` +
    `${count(errors, 'error')}, ${count(warnings, 'warning')}`
  )
}

/** What the stderr summary of a `build` or `check` is made of. */
export interface RunSummary {
  /** `dev` builds into memory: its files are served, not written. */
  command: 'build' | 'check' | 'dev'
  report: Report
  exit: 0 | 1 | 2
  /** Files written to the output folder (0 for `check`, or a build that failed). */
  written: number
  /** How long the run took, in milliseconds. */
  ms: number
}

/**
 * `factdesk build: fact check failed; 6 articles, nothing written; 42 figures: 14 verified,
 * 1 contradicted, 27 unchecked; 2 broken checks; 1.23s`. A count of zero is left out unless
 * the zero is news: "0 contradicted" is what an editor looks for, and "nothing written" says why
 * `dist/` did not change; an article without figures says "no figures", and broken checks
 * (checks and asserts that could not be evaluated) appear only when there are some.
 */
export function runSummaryLine(run: RunSummary): string {
  const { summary } = run.report
  const verdict = run.exit === 0 ? 'passed' : run.exit === 1 ? 'fact check failed' : 'input errors'
  const articles = count(summary.articles, 'article')
  const files =
    run.command === 'check'
      ? ''
      : run.command === 'dev'
        ? `, ${count(run.written, 'file')}`
        : run.written > 0
          ? `, ${count(run.written, 'file')} written`
          : ', nothing written'
  const broken = brokenChecks(run.report)
  return [
    `factdesk ${run.command}: ${verdict}`,
    `${articles}${files}`,
    figuresPart(summary),
    ...(broken > 0 ? [count(broken, 'broken check')] : []),
    `${(run.ms / 1000).toFixed(2)}s`
  ].join('; ')
}

/** Checks and asserts of `report` that could not be evaluated (status `error`). */
export function brokenChecks(report: Report): number {
  // The dev server prints a line after every save, often for the same (kept) report.
  const known = counted.get(report)
  if (known !== undefined) return known
  let broken = 0
  for (const entry of report.articles) {
    for (const figure of entry.figures) if (figure.status === 'error') broken++
    for (const assert of entry.asserts) if (assert.status === 'error') broken++
  }
  counted.set(report, broken)
  return broken
}

/** The broken checks of each report counted, by report. */
const counted = new WeakMap<Report, number>()

function figuresPart(summary: Report['summary']): string {
  if (summary.figures === 0) return 'no figures'
  const parts = [
    ...(summary.verified > 0 ? [`${format(summary.verified)} verified`] : []),
    `${format(summary.contradicted)} contradicted`,
    ...(summary.unchecked > 0 ? [`${format(summary.unchecked)} unchecked`] : [])
  ]
  return `${count(summary.figures, 'figure')}: ${parts.join(', ')}`
}

/** `n` and `noun`, plural unless `n` is 1: `1 article`, `6 articles`, `24,800 figures`. */
export function count(n: number, noun: string): string {
  return `${format(n)} ${noun}${n === 1 ? '' : 's'}`
}

/** `n` with thousands separated as the summaries print them: `24,800`. */
function format(n: number): string {
  return n.toLocaleString('en-US')
}
