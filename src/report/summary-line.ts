/**
 * The one-line summary that closes the `text` and `github` outputs, read by people scanning a CI
 * log: `6 articles, 41 figures: 14 verified, 0 contradicted, 27 unchecked; 0 errors, 3 warnings`.
 */
import type { Report } from '../types.js'

/** The summary of `report` in words, without a line ending. */
export function summaryLine(summary: Report['summary']): string {
  const { articles, figures, verified, contradicted, unchecked, errors, warnings } = summary
  return (
    `${count(articles, 'article')}, ${count(figures, 'figure')}: ` +
    `${verified} verified, ${contradicted} contradicted, ${unchecked} unchecked; ` +
    `${count(errors, 'error')}, ${count(warnings, 'warning')}`
  )
}

/** `n` and `noun`, plural unless `n` is 1: `1 article`, `6 articles`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
