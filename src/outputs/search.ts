/**
 * The search page (issue 19). Its index, `pagefind/`, is made by the build once every brief is
 * known (see `search/brief-search.ts`), since pagefind runs asynchronously in its own process.
 */
import { searchFolder } from '../search/search-index.js'
import { renderSearchPage, searchPath } from '../search/search-page.js'
import { outputFileOf } from '../render/urls.js'
import type { Settings } from '../types.js'
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

/**
 * The folders search writes whole, so that no file of `public/` lands among them: the index
 * (its files are named by their content, and known only once it is made, after every page) and
 * the search page's folder.
 */
export function reservedFolders(
  settings: Pick<Settings, 'search'>
): { folder: string; owner: string }[] {
  if (!settings.search) return []
  return [
    { folder: searchFolder, owner: 'the search index' },
    { folder: searchPath.replace(/^\/|\/$/g, ''), owner: 'the search page' }
  ]
}
