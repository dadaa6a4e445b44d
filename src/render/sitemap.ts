/**
 * `sitemap.xml` and `robots.txt` (SPEC 8): every content page with its absolute URL and, where it
 * lists articles, when they last changed. Built with xml-js, which escapes text for XML.
 */
import { js2xml } from 'xml-js'
import type { Settings } from '../types.js'
import type { PageRef } from './render-page.js'
import { absoluteUrl } from './urls.js'

/** The sitemap of `pages`, ordered by address so that it is the same on every build. */
export function renderSitemap(settings: Settings, pages: readonly PageRef[]): string {
  const entries = pages
    .map((page) => ({ loc: absoluteUrl(settings, page.sitePath), lastmod: page.lastmod }))
    .sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0))
    .map(({ loc, lastmod }) => {
      const instant = lastmod?.toUTC().toISO({ suppressMilliseconds: true })
      return instant === undefined || instant === null
        ? { loc: { _text: loc } }
        : { loc: { _text: loc }, lastmod: { _text: instant } }
    })
  const document = {
    _declaration: { _attributes: { version: '1.0', encoding: 'UTF-8' } },
    urlset: { _attributes: { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' }, url: entries }
  }
  return `${js2xml(document, { compact: true, spaces: 2 })}\n`
}

/** Lets every crawler in and points it at the sitemap. */
export function renderRobots(settings: Settings): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(settings, '/sitemap.xml')}\n`
}
