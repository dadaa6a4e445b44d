/**
 * `sitemap.xml` (SPEC 8): every page listed by the outputs before it, so it comes after every
 * output that lists pages. With a memo, a sitemap of the same pages is kept rather than made.
 */
import { renderSitemap } from '../render/sitemap.js'
import type { Output } from './output.js'

/** The sitemap of the pages listed so far. */
export const sitemap: Output = {
  name: 'sitemap',
  render(context) {
    const { memo, settings, pages } = context
    const chunks = (): string[] => [renderSitemap(settings, pages)]
    // Made of the settings (in the frame) and each page's path and last change, nothing else.
    const key = memo ? memo.pageKey(JSON.stringify(['sitemap', pages])) : ''
    context.addReusable({ path: 'sitemap.xml', chunks }, 'the sitemap', key)
  }
}
