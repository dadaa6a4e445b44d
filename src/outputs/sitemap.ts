/**
 * `sitemap.xml` (SPEC 8): every page listed by the outputs before it, so it comes after every
 * output that lists pages. With a memo, a sitemap of the same pages is kept rather than made.
 */
import { renderSitemap } from '../render/sitemap.js'
import type { PageRef } from '../render/render-page.js'
import type { Output } from './output.js'

/** The sitemap of the pages listed so far. */
export const sitemap: Output = {
  name: 'sitemap',
  render(context) {
    const { memo, settings, pages } = context
    const chunks = (): string[] => [renderSitemap(settings, pages)]
    // Made of the settings (in the frame) and each page's path and last change, nothing else.
    // The instant as a number: luxon's ISO text for each of thousands of pages took 10-15 ms of
    // every save at 4,000 articles, and the sitemap shows only the instant, in UTC.
    const key = memo
      ? memo.pageKey(
          JSON.stringify(['sitemap', pages.map((page) => [page.sitePath, instantOf(page)])])
        )
      : ''
    context.addReusable({ path: 'sitemap.xml', chunks }, 'the sitemap', key)
  }
}

/** The instant a page last changed, as `renderSitemap` shows it: none when it has no valid one. */
function instantOf(page: PageRef): number | null {
  const millis = page.lastmod?.toMillis()
  return millis === undefined || Number.isNaN(millis) ? null : millis
}
