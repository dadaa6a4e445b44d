/**
 * News listings (SPEC 8): the home page, one listing per section and one per tag, each paged by
 * `page_size` at `page/N/`. Page 1 opens with the lead story (headline and whole lead), then the
 * other stories of the page, each a linked headline over its cut lead line, newest first. The lead
 * story is one of page 1's `page_size` stories and is not listed again under itself, so each
 * story is on exactly one page. (`latest.txt` keeps the seed feed's form, lead line included.)
 */
import type { ArticleSummary } from '../article/article-records.js'
import type { DateTime } from 'luxon'
import { type Labels, fillLabel } from '../i18n/labels.js'
import type { Settings, SiteProblem } from '../types.js'
import { lastChanged, latest } from './order.js'
import { type PageHead, type SiteView, pageTitle, plainHead } from './page-context.js'
import { type RenderedPage, renderPage } from './render-page.js'
import { sectionName } from './section-name.js'
import type { StoryView } from './story-view.js'
import type { Templates } from './templates.js'
import { pagePath, siteHref, tagSlug } from './urls.js'
import { byCodeUnits } from '../text/code-unit-order.js'

/**
 * What a listing gathers: every story, one section (by slug) or one tag (named as first seen).
 * Its heading and title are worded when a page is viewed, where the settings name sections.
 */
export type ListingSubject =
  { kind: 'home' } | { kind: 'section'; slug: string } | { kind: 'tag'; name: string }

/** One listing before paging: where it lives, what it gathers and its stories, newest first. */
export interface Listing {
  sitePath: string
  subject: ListingSubject
  articles: readonly ArticleSummary[]
}

/** What the listing template gets. */
interface ListingView {
  heading: string
  /** Page 1's newest story, shown in full. */
  lead?: StoryView
  /** The page's other stories, one headline and line each. */
  stories: StoryView[]
  page: number
  pages: number
  /** `Page 2 of 5`, in the site's language. */
  where: string
  /** Whether there is more than one page, so that pagination is shown. */
  paged: boolean
  previous?: string
  next?: string
}

/** Everything a listing renderer needs. */
export interface ListingInput {
  settings: Settings
  site: SiteView
  templates: Templates
  /** The story view of an article, made once however many listings show it. */
  story(article: ArticleSummary): StoryView
}

/** The home listing, then one per section and one per tag, each in a stable order. */
export function listingsOf(sorted: readonly ArticleSummary[]): Listing[] {
  const sections = new Map<string, ArticleSummary[]>()
  const tags = new Map<string, { name: string; articles: ArticleSummary[] }>()
  for (const article of sorted) {
    const section = article.frontmatter.section
    const inSection = sections.get(section) ?? []
    inSection.push(article)
    sections.set(section, inSection)
    for (const name of article.frontmatter.tags) {
      const slug = tagSlug(name)
      if (slug === '') continue
      // Tags that differ only in case or punctuation share a page, named as first seen.
      const group = tags.get(slug) ?? { name, articles: [] }
      if (group.articles.at(-1) !== article) group.articles.push(article)
      tags.set(slug, group)
    }
  }
  const listings: Listing[] = [{ sitePath: '/', subject: { kind: 'home' }, articles: sorted }]
  for (const [section, articles] of [...sections].sort(byKey)) {
    listings.push({
      sitePath: `/${section}/`,
      subject: { kind: 'section', slug: section },
      articles
    })
  }
  for (const [slug, tag] of [...tags].sort(byKey)) {
    listings.push({
      sitePath: `/tags/${slug}/`,
      subject: { kind: 'tag', name: tag.name },
      articles: tag.articles
    })
  }
  return listings
}

/** One page of a listing, before it is rendered. */
export interface ListingPage {
  sitePath: string
  /** 1-based. */
  page: number
  /** Pages in the listing. */
  count: number
  articles: readonly ArticleSummary[]
  lastmod?: DateTime
}

/** The pages of one listing, unrendered: `renderListingPage` renders each. */
export function listingPages(settings: Settings, listing: Listing): ListingPage[] {
  const size = Math.max(1, settings.page_size)
  const count = Math.max(1, Math.ceil(listing.articles.length / size))
  const pages: ListingPage[] = []
  for (let page = 1; page <= count; page++) {
    const articles = listing.articles.slice((page - 1) * size, page * size)
    const sitePath = pagePath(listing.sitePath, page)
    const lastmod = latest(articles.map(lastChanged))
    pages.push({ sitePath, page, count, articles, ...(lastmod === undefined ? {} : { lastmod }) })
  }
  return pages
}

/** What the listing template is handed for one page: all a rendering of it can show. */
export type ListingPageView = {
  site: SiteView
  page: PageHead
  listing: ListingView
}

/** The view of one page of a listing, as its template receives it. */
export function listingPageView(
  input: ListingInput,
  listing: Listing,
  page: ListingPage
): ListingPageView {
  const { settings } = input
  const { labels } = input.site
  const stories = page.articles.map((article) => input.story(article))
  // Page 1's first story leads; shown there in full, it is not listed again below itself.
  const lead = page.page === 1 ? stories.shift() : undefined
  const view: ListingView = {
    heading: wording(settings, labels, listing.subject).heading,
    stories,
    page: page.page,
    pages: page.count,
    where: fillLabel(labels.pagination_where, { page: page.page, pages: page.count }),
    paged: page.count > 1
  }
  if (lead !== undefined) view.lead = lead
  if (page.page > 1) view.previous = siteHref(settings, pagePath(listing.sitePath, page.page - 1))
  if (page.page < page.count)
    view.next = siteHref(settings, pagePath(listing.sitePath, page.page + 1))
  return { site: input.site, page: head(input, listing, page.page, page.sitePath), listing: view }
}

/** One page of a listing, rendered from its view. */
export function renderListingPage(
  input: Pick<ListingInput, 'templates'>,
  view: ListingPageView,
  page: ListingPage
): RenderedPage | { problem: SiteProblem } {
  const rendered = renderPage(input.templates, 'listing', view)
  if ('problem' in rendered) return rendered
  return page.lastmod === undefined
    ? { sitePath: page.sitePath, html: rendered.html }
    : { sitePath: page.sitePath, html: rendered.html, lastmod: page.lastmod }
}

/** The head of one listing page. */
function head(input: ListingInput, listing: Listing, page: number, sitePath: string): PageHead {
  const { settings } = input
  const { labels } = input.site
  const paged = (title: string): string =>
    page > 1 ? fillLabel(labels.title_page, { title, page }) : title
  const { name } = wording(settings, labels, listing.subject)
  const title = name === undefined ? paged(settings.title) : pageTitle(settings, paged(name))
  return plainHead(settings, sitePath, title, settings.description)
}

/**
 * The heading of a listing, and the name its page titles carry (none for the home page, whose
 * title is the site's). Sections go by their display name (`sections:` in site.yaml).
 */
function wording(
  settings: Settings,
  labels: Labels,
  subject: ListingSubject
): { heading: string; name?: string } {
  switch (subject.kind) {
    case 'home':
      return { heading: labels.listing_home }
    case 'section': {
      const name = sectionName(settings, subject.slug)
      return { heading: name, name }
    }
    case 'tag':
      return { heading: fillLabel(labels.listing_tag, { tag: subject.name }), name: subject.name }
  }
}

/** Orders `[key, value]` entries by key, code point by code point. */
function byKey<T>(a: [string, T], b: [string, T]): number {
  return byCodeUnits(a[0], b[0])
}
