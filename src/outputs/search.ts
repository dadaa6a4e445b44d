/**
 * The search page (issue 19). Its index, `pagefind/`, is made by the build once every brief is
 * known (see `search/search-index.ts`), since pagefind runs asynchronously in its own process.
 */
import { renderSearchPage } from '../search/search-page.js'
import { outputFileOf } from '../render/urls.js'
import type { Output } from './output.js'

/** `search/index.html`, not listed: it is `noindex`, so it stays out of the sitemap. */
export const search: Output = {
  name: 'search',
  render(context) {
    if (!context.settings.search) return
    const page = renderSearchPage(context.settings, context.site, context.templates)
    if ('problem' in page) context.problems.push(page.problem)
    else context.add({ path: outputFileOf(page.sitePath), content: page.html }, 'the search page')
  }
}
