/**
 * `404.html` (SPEC 8). Hosts serve it at whatever address was missed, at any depth, which is why
 * every link on every page is base-absolute rather than relative.
 */
import type { Settings, SiteProblem } from '../types.js'
import { type SiteView, pageTitle } from './page-context.js'
import { renderPage } from './render-page.js'
import type { Templates } from './templates.js'

/** Renders the page for addresses that do not exist. */
export function renderNotFound(
  settings: Settings,
  site: SiteView,
  templates: Templates
): { html: string } | { problem: SiteProblem } {
  return renderPage(templates, 'not-found', {
    site,
    page: {
      title: pageTitle(settings, site.labels.not_found_title),
      description: settings.description,
      og: [],
      noindex: true
    }
  })
}
