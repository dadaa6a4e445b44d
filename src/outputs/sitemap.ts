/**
 * `sitemap.xml` (SPEC 8): every page listed by the outputs before it, so it comes after every
 * output that lists pages.
 */
import { renderSitemap } from '../render/sitemap.js'
import type { Output } from './output.js'

/** The sitemap of the pages listed so far. */
export const sitemap: Output = {
  name: 'sitemap',
  render(context) {
    const content = renderSitemap(context.settings, context.pages)
    context.add({ path: 'sitemap.xml', content }, 'the sitemap')
  }
}
