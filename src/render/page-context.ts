/**
 * What every page shows around its content (SPEC 8): the site's name and navigation, the hashed
 * stylesheet and the feed links, and the page's own head: title, canonical link, Open Graph.
 */
import { type Labels, labelsFor } from '../i18n/labels.js'
import { scriptFile, stylesheetFile } from './assets.js'
import type { Settings } from '../types.js'
import { sectionName } from './section-name.js'
import { absoluteUrl, siteHref } from './urls.js'

/** A link as templates print it. */
export interface LinkView {
  name: string
  href: string
}

/** The site part of every page's context. */
export interface SiteView {
  title: string
  description: string
  language: string
  home: string
  stylesheet: string
  /** The figure marks' script (issue 19), which briefs load. */
  script?: string
  rss: string
  atom: string
  jsonFeed: string
  factcheck: string
  /** The search page, which the header's search box submits to (issue 19), when `search: true`. */
  search?: string
  sections: LinkView[]
  /** Every interface string in the site's language, `labels:` applied (issue 19). */
  labels: Labels
}

/** A `<meta property>` of Open Graph. */
export interface MetaProperty {
  property: string
  content: string
}

/** A `<meta name>`, as X (Twitter) cards are written. */
export interface MetaName {
  name: string
  content: string
}

/** The head of one page. */
export interface PageHead {
  title: string
  description: string
  /** Absolute URL of the page; absent on pages with no address of their own (404). */
  canonical?: string
  og: MetaProperty[]
  /** X (Twitter) card names, for a page with a lead photo. */
  twitter?: MetaName[]
  /** Script-safe JSON-LD, printed unescaped. */
  jsonLd?: string
  /** Keeps pages that are not content (404) out of search engines. */
  noindex?: boolean
}

/** The site view of a build whose templates are `templates`: its assets under their hashed names. */
export function siteViewOf(
  settings: Settings,
  articles: readonly { frontmatter: { section: string } }[],
  templates: { stylesheet: string; script: string }
): SiteView {
  return siteView(
    settings,
    articles,
    stylesheetFile(templates.stylesheet).path,
    scriptFile(templates.script).path
  )
}

/** The site view shared by every page of one build. */
export function siteView(
  settings: Settings,
  articles: readonly { frontmatter: { section: string } }[],
  stylesheetPath: string,
  scriptPath?: string
): SiteView {
  const sections = [...new Set(articles.map((article) => article.frontmatter.section))].sort()
  return {
    title: settings.title,
    description: settings.description,
    language: settings.language,
    home: siteHref(settings, '/'),
    stylesheet: siteHref(settings, `/${stylesheetPath}`),
    ...(scriptPath === undefined ? {} : { script: siteHref(settings, `/${scriptPath}`) }),
    rss: siteHref(settings, '/feed.xml'),
    atom: siteHref(settings, '/atom.xml'),
    jsonFeed: siteHref(settings, '/feed.json'),
    factcheck: siteHref(settings, '/factcheck/'),
    ...(settings.search ? { search: siteHref(settings, '/search/') } : {}),
    sections: sections.map((section) => ({
      name: sectionName(settings, section),
      href: siteHref(settings, `/${section}/`)
    })),
    labels: labelsFor(settings)
  }
}

/** The head of a page that is not a brief: a website, not an article, for Open Graph. */
export function plainHead(
  settings: Settings,
  sitePath: string,
  title: string,
  description: string
): PageHead {
  const canonical = absoluteUrl(settings, sitePath)
  return {
    title,
    description,
    canonical,
    og: [
      { property: 'og:type', content: 'website' },
      { property: 'og:title', content: title },
      { property: 'og:description', content: description },
      { property: 'og:url', content: canonical },
      { property: 'og:site_name', content: settings.title }
    ]
  }
}

/** `name — site`, the page title every page but the home page uses. */
export function pageTitle(settings: Settings, name: string): string {
  return `${name} — ${settings.title}`
}
