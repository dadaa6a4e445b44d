/**
 * The brief of one article (SPEC 8): headline, byline, dateline, times in the site's zone,
 * corrections on top, the marked body, the fact-check panel, sources, tags, and the head a
 * newsroom needs to be found and shared: canonical link, Open Graph and NewsArticle JSON-LD.
 */
import type { CheckedFile } from '../article/article-file.js'
import type { Settings, SiteProblem } from '../types.js'
import { inZone, isoInstant, type TimeView, timeView } from './dates.js'
import { cutLine } from './excerpt.js'
import { factLineView, factPanelView } from './fact-panel-view.js'
import { scriptSafeJson } from './json-ld.js'
import { type LinkView, type PageHead, type SiteView, pageTitle } from './page-context.js'
import { type RenderedPage, renderPage } from './render-page.js'
import { sectionName } from './section-name.js'
import type { Templates } from './templates.js'
import { absoluteUrl, isWebUrl, siteHref, tagSlug } from './urls.js'
import type { ImageFacts, ImageTable } from '../images/image-facts.js'
import { leadPhotoOf, leadPhotoView, sharedImage } from '../images/lead-photo.js'
import { cardNames, photoProperties } from '../images/social-meta.js'

/** Characters of the lead in `description` and `og:description`. */
const descriptionLength = 200

/** A link whose target may be missing: shown as text then. */
interface MaybeLink {
  name: string
  href?: string
}

/** Everything a brief needs from the rest of the build. */
export interface BriefInput {
  settings: Settings
  site: SiteView
  templates: Templates
  /** Site-relative paths of the data files copied into the output, e.g. `data/markets/btc-usd.csv`. */
  dataPaths: ReadonlySet<string>
  /** The build's images (issue 18), for the lead photo; without it no lead photo is shown. */
  images?: ImageTable
}

/** Renders the brief of an article's checked file at its permalink. */
export function renderBrief(
  input: BriefInput,
  file: CheckedFile
): RenderedPage | { problem: SiteProblem } {
  const article = file.data
  const photo = leadPhotoOf(file.path, article.frontmatter, input.images)
  const rendered = renderPage(input.templates, 'brief', {
    site: input.site,
    page: briefHead(input.settings, file, photo),
    article: {
      ...briefView(input, article),
      ...(photo ? { leadPhoto: leadPhotoView(photo, article.frontmatter, input.settings) } : {})
    }
  })
  if ('problem' in rendered) return rendered
  return {
    sitePath: article.url,
    html: rendered.html,
    lastmod: article.frontmatter.updated ?? article.frontmatter.date
  }
}

/** What the brief template shows. */
function briefView(input: BriefInput, article: CheckedFile['data']) {
  const { settings, dataPaths } = input
  const { labels } = input.site
  const { frontmatter } = article
  const updated: TimeView | undefined =
    frontmatter.updated === undefined ? undefined : timeView(frontmatter.updated, settings)
  return {
    title: frontmatter.title,
    headlineHtml: article.headlineHtml,
    byline: frontmatter.byline,
    dateline: frontmatter.dateline,
    published: timeView(frontmatter.date, settings),
    updated,
    corrections: [...frontmatter.corrections]
      .sort((a, b) => b.date.toMillis() - a.date.toMillis())
      .map((correction) => ({ time: timeView(correction.date, settings), text: correction.text })),
    html: article.bodyHtml,
    section: {
      name: sectionName(settings, frontmatter.section),
      href: siteHref(settings, `/${frontmatter.section}/`)
    } satisfies LinkView,
    tags: frontmatter.tags.map((name): MaybeLink => {
      const slug = tagSlug(name)
      return slug === '' ? { name } : { name, href: siteHref(settings, `/tags/${slug}/`) }
    }),
    sources: frontmatter.sources.map((source): MaybeLink =>
      source.url !== undefined && isWebUrl(source.url)
        ? { name: source.name, href: source.url }
        : { name: source.name }
    ),
    factLine: factLineView(labels, settings.language, article),
    panel: factPanelView(settings, labels, article, dataPaths),
    factcheckHref: siteHref(settings, '/factcheck/')
  }
}

/** Title, canonical link, Open Graph and JSON-LD of a brief. */
function briefHead(settings: Settings, file: CheckedFile, photo?: ImageFacts): PageHead {
  const article = file.data
  const { frontmatter } = article
  const canonical = absoluteUrl(settings, article.url)
  const description = cutLine(article.lead, descriptionLength)
  const published = isoInstant(inZone(frontmatter.date, settings.timezone))
  const modified = isoInstant(inZone(frontmatter.updated ?? frontmatter.date, settings.timezone))
  const shared = photo && sharedImage(photo, settings)
  const og = [
    { property: 'og:type', content: 'article' },
    { property: 'og:title', content: frontmatter.title },
    { property: 'og:description', content: description },
    { property: 'og:url', content: canonical },
    { property: 'og:site_name', content: settings.title },
    { property: 'article:published_time', content: published },
    ...(frontmatter.updated === undefined
      ? []
      : [{ property: 'article:modified_time', content: modified }]),
    // Open Graph and schema.org both want the section's name, not its URL slug.
    { property: 'article:section', content: sectionName(settings, frontmatter.section) },
    ...frontmatter.tags.map((tag) => ({ property: 'article:tag', content: tag })),
    ...(shared ? photoProperties(shared, frontmatter.image_alt) : [])
  ]
  const jsonLd = scriptSafeJson({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: frontmatter.title,
    description,
    datePublished: published,
    dateModified: modified,
    author:
      frontmatter.byline === undefined
        ? { '@type': 'Organization', name: settings.title }
        : { '@type': 'Person', name: frontmatter.byline },
    publisher: { '@type': 'Organization', name: settings.title, url: absoluteUrl(settings, '/') },
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    url: canonical,
    articleSection: sectionName(settings, frontmatter.section),
    keywords: frontmatter.tags,
    inLanguage: settings.language,
    ...(shared ? { image: [shared.url] } : {})
  })
  return {
    title: pageTitle(settings, frontmatter.title),
    description,
    canonical,
    og,
    ...(shared ? { twitter: cardNames(shared, frontmatter.image_alt) } : {}),
    jsonLd
  }
}
