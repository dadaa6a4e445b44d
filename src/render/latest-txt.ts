/**
 * `latest.txt` (SPEC 8), in the seed feed's form: the lead story's whole lead paragraph on the
 * first line, then one cut line per story of the home page's first page, the lead story included,
 * newest first. No titles, no blank lines, a final newline.
 */
import type { ArticleSummary } from '../article/article-records.js'
import type { Settings } from '../types.js'
import { cutLine } from './excerpt.js'
import { collapseWhitespace } from '../text/whitespace.js'

/** The text of `latest.txt` for `sorted` (newest first); empty when there is no article. */
export function renderLatestTxt(settings: Settings, sorted: readonly ArticleSummary[]): string {
  const first = sorted[0]
  if (first === undefined) return ''
  const lines = [
    collapseWhitespace(first.lead),
    ...sorted
      .slice(0, Math.max(1, settings.page_size))
      .map((article) => cutLine(article.lead, settings.excerpt_length))
  ]
  return `${lines.join('\n')}\n`
}
