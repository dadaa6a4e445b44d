/**
 * The order of every listing, feed and report (SPEC 8): newest first. Equal times fall back to the
 * file path, so the order never depends on how the articles were read from disk.
 */
import type { ArticleSummary } from '../article/article-records.js'
import type { DateTime } from 'luxon'

/** A copy of `articles`, newest `frontmatter.date` first, then by file path. */
export function newestFirst<T extends Pick<ArticleSummary, 'file' | 'frontmatter'>>(
  articles: readonly T[]
): T[] {
  // Each date read once, not in every comparison: a newsroom's site sorts thousands.
  const keyed = articles.map((article) => ({ article, time: article.frontmatter.date.toMillis() }))
  keyed.sort(
    (a, b) =>
      b.time - a.time ||
      (a.article.file < b.article.file ? -1 : a.article.file > b.article.file ? 1 : 0)
  )
  return keyed.map((entry) => entry.article)
}

/** When an article last changed: its `updated`, or its publication. */
export function lastChanged(article: Pick<ArticleSummary, 'frontmatter'>): DateTime {
  return article.frontmatter.updated ?? article.frontmatter.date
}

/** The latest of `moments`, or undefined for none. */
export function latest(moments: readonly DateTime[]): DateTime | undefined {
  let found: DateTime | undefined
  for (const moment of moments) {
    if (found === undefined || moment.toMillis() > found.toMillis()) found = moment
  }
  return found
}
