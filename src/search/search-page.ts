/**
 * The search page (issue 19), `/search/`: pagefind's own interface over the index in
 * `pagefind/`, searching for the `q` of the header's search box as soon as it loads. Kept out of
 * search engines and the sitemap: it has no content of its own.
 */
import { type SiteView, pageTitle } from '../render/page-context.js'
import { renderPage } from '../render/render-page.js'
import type { RenderedPage } from '../render/render-page.js'
import type { Templates } from '../render/templates.js'
import { siteHref } from '../render/urls.js'
import type { Settings, SiteProblem } from '../types.js'
import { searchFolder } from './search-index.js'

/** Where the search page is served. */
export const searchPath = '/search/'

/** Renders the search page. */
export function renderSearchPage(
  settings: Settings,
  site: SiteView,
  templates: Templates
): RenderedPage | { problem: SiteProblem } {
  const bundle = siteHref(settings, `/${searchFolder}/`)
  const page = renderPage(templates, 'search', {
    site,
    search: {
      bundle,
      script: `${bundle}pagefind-ui.js`,
      stylesheet: `${bundle}pagefind-ui.css`
    },
    page: {
      title: pageTitle(settings, site.labels.search_title),
      description: settings.description,
      og: [],
      noindex: true
    }
  })
  return 'problem' in page ? page : { sitePath: searchPath, html: page.html }
}
