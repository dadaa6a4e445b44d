/**
 * The listings of the last site this process rendered with a memo, to be taken up again (issue
 * 21). Every listing page is a function of the articles in order (what each shows as a story,
 * its section, tags and last change), of the images, and of its frame (templates, settings,
 * navigation). A resident process (the dev server) rebuilds after each save; when none of these
 * changed, as after an edit to an article's body, the pages and their keys are the last build's,
 * and making a thousand page views to hash them again (most of an article edit's time at 4,000
 * articles) is skipped. Articles are compared by identity first: the build session hands an
 * untouched article's summary on as the same object, so only edited ones are compared by value.
 */
import type { ArticleSummary } from '../article/article-records.js'
import type { ImageTable } from '../images/image-facts.js'
import { leadPhotoOf } from '../images/lead-photo.js'
import type { Listing, ListingPage } from '../render/listing.js'
import { lastChanged } from '../render/order.js'

/** One listing page as the last build made it, with the key it was added under. */
export interface MadeListingPage {
  listing: Listing
  page: ListingPage
  key: string
}

/** What the listings of one build were made from, and the pages they made. */
interface MadeListings {
  frame: string
  images: string
  articles: readonly ArticleSummary[]
  pages: readonly MadeListingPage[]
}

/** What a resident process keeps of its last build's listings: one per build session. */
export class ListingMemory {
  private last: MadeListings | undefined

  /**
   * The last build's listing pages, when this build's listings are made from the same inputs;
   * undefined otherwise (they are made again, and `remember` keeps them for the next build).
   */
  madeBefore(
    articles: readonly ArticleSummary[],
    inputs: ListingInputs
  ): readonly MadeListingPage[] | undefined {
    const made = this.last
    if (made === undefined || made.frame !== inputs.frame) return undefined
    if (made.articles.length !== articles.length) return undefined
    if (made.images !== imagesText(inputs.images)) return undefined
    for (let at = 0; at < articles.length; at++) {
      const now = articles[at] as ArticleSummary
      const before = made.articles[at] as ArticleSummary
      if (now !== before && listed(now, inputs.images) !== listed(before, inputs.images))
        return undefined
    }
    return made.pages
  }

  /** Keeps what this build's listings were made from, and the pages they made, for the next. */
  remember(
    articles: readonly ArticleSummary[],
    inputs: ListingInputs,
    pages: readonly MadeListingPage[]
  ): void {
    this.last = { frame: inputs.frame, images: imagesText(inputs.images), articles, pages }
  }
}

/** What the listings of a build are made from, besides the articles. */
export interface ListingInputs {
  /** The key of the listing pages' frame (templates, settings, navigation). */
  frame: string
  images: ImageTable
}

/**
 * Everything a listing reads of an article, as text: its story (`StoryViews` keys the same
 * fields), where it is listed, and the last change the sitemap gives its pages.
 */
function listed(article: ArticleSummary, images: ImageTable): string {
  const { frontmatter } = article
  return JSON.stringify([
    article.file,
    article.url,
    article.lead,
    frontmatter.title,
    frontmatter.date.toMillis(),
    frontmatter.section,
    frontmatter.tags,
    frontmatter.image_alt ?? null,
    lastChanged(article).toMillis(),
    leadPhotoOf(article.file, frontmatter, images) ?? null
  ])
}

function imagesText(images: ImageTable): string {
  return JSON.stringify([...images])
}
