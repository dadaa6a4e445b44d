/** `404.html` (SPEC 8): a page, but no address of its own, so not in the sitemap. */
import { renderNotFound } from '../render/not-found.js'
import type { Output } from './output.js'

/** The page for addresses that do not exist. */
export const notFound: Output = {
  name: 'not-found',
  render(context) {
    const page = renderNotFound(context.settings, context.site, context.templates)
    if ('problem' in page) context.problems.push(page.problem)
    else context.add({ path: '404.html', content: page.html }, 'the 404 page')
  }
}
