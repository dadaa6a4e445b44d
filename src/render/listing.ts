/**
 * News listings (SPEC 8): the home page, one listing per section and one per tag, each paged by
 * `page_size` at `page/N/`. Page 1 opens with the lead story (title and whole lead), then every
 * story of the page, the lead story too, one line each, newest first.
 */
import type { ArticleSummary } from '../article/article-records.js'
import type { DateTime } from 'luxon'
import type { Settings, SiteProblem } from '../types.js'
import { lastChanged, latest } from './order.js'
import { type PageHead, type SiteView, pageTitle, plainHead } from './page-context.js'
import { type RenderedPage, renderPage } from './render-page.js'
import type { StoryView } from './story-view.js'
import type { Templates } from './templates.js'
import { pagePath, siteHref, tagSlug } from './urls.js'

/** One listing before paging: where it lives, what it is called and its stories, newest first. */
export interface Listing {
  sitePath: string
  heading: string
  /** Names the listing in page titles; absent for the home page, which carries the site's title. */
  name?: string
  articles: readonly ArticleSummary[]
}

/** What the listing template gets. */
interface ListingView {
  heading: string
  lead?: StoryView
  stories: StoryView[]
  page: number
  pages: number
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
  const listings: Listing[] = [{ sitePath: '/', heading: 'Latest news', articles: sorted }]
  for (const [section, articles] of [...sections].sort(byKey)) {
    listings.push({ sitePath: `/${section}/`, heading: section, name: section, articles })
  }
  for (const [slug, tag] of [...tags].sort(byKey)) {
    listings.push({
      sitePath: `/tags/${slug}/`,
      heading: `Tagged “${tag.name}”`,
      name: tag.name,
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
  const stories = page.articles.map((article) => input.story(article))
  const view: ListingView = {
    heading: listing.heading,
    stories,
    page: page.page,
    pages: page.count,
    paged: page.count > 1
  }
  const lead = page.page === 1 ? stories[0] : undefined
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
  const paged = page > 1 ? ` (page ${page})` : ''
  const title =
    listing.name === undefined
      ? `${settings.title}${paged}`
      : pageTitle(settings, `${listing.name}${paged}`)
  return plainHead(settings, sitePath, title, settings.description)
}

/** Orders `[key, value]` entries by key, code point by code point. */
function byKey<T>(a: [string, T], b: [string, T]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0
}
