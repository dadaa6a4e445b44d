/**
 * The listings (SPEC 8): the home page, then one per section and one per tag, each paged. With a
 * memo, a page whose view is the same as when it was last rendered is kept from the output; and
 * when every listing is made from the same inputs as in this process's last build, its pages are
 * taken up under their last keys without making their views (`listing-replay.ts`).
 */
import {
  type Listing,
  type ListingPage,
  listingPages,
  listingPageView,
  listingsOf,
  renderListingPage
} from '../render/listing.js'
import { outputFileOf } from '../render/urls.js'
import type { Output, OutputContext } from './output.js'
import type { MadeListingPage } from './listing-replay.js'
import { viewKeyText } from './view-key.js'

/** Every page of every listing. */
export const listings: Output = {
  name: 'listings',
  render(context) {
    const { memo, articles } = context
    const kept = memo?.listings
    if (!memo || !kept) {
      for (const listing of listingsOf(articles))
        for (const page of listingPages(context.settings, listing))
          addListingPage(context, listing, page)
      return
    }
    const inputs = { frame: memo.frame('listing'), images: context.images }
    const before = kept.madeBefore(articles, inputs)
    if (before) {
      for (const made of before) addListingPage(context, made.listing, made.page, made.key)
      // The same in every way a listing reads: compared by identity from now on.
      kept.remember(articles, inputs, before)
      return
    }
    const made: MadeListingPage[] = []
    for (const listing of listingsOf(articles)) {
      for (const page of listingPages(context.settings, listing)) {
        const key = addListingPage(context, listing, page)
        if (key !== undefined) made.push({ listing, page, key })
      }
    }
    kept.remember(articles, inputs, made)
  }
}

/**
 * One page of `listing`; with a memo, returns the key it was added under (`key` when given: the
 * key of the same page, made from the same inputs, in the last build).
 */
function addListingPage(
  context: OutputContext,
  listing: Listing,
  page: ListingPage,
  key?: string
): string | undefined {
  const { settings, site, templates, problems, memo } = context
  const owner = `the listing ${page.sitePath}`
  const ownerFile = listing.articles[0]?.file
  const viewOf = () =>
    listingPageView({ settings, site, templates, story: context.story }, listing, page)
  if (!memo) {
    const rendered = renderListingPage({ templates }, viewOf(), page)
    if ('problem' in rendered) problems.push(rendered.problem)
    else context.addPage(rendered, owner, ownerFile)
    return undefined
  }
  // Unchanged stories, listed as before: the output already holds the page. A page that fails
  // to render fails the build, so the empty file it leaves is never published.
  const path = outputFileOf(page.sitePath)
  const before = problems.length
  let view = key === undefined ? viewOf() : undefined
  const chunks = (): string[] => {
    const rendered = renderListingPage({ templates }, (view ??= viewOf()), page)
    if (!('problem' in rendered)) return [rendered.html]
    problems.push(rendered.problem)
    return []
  }
  // Keyed by the very view the template is handed: whatever a page shows is in its key.
  const pageKey = key ?? keyOf(context, (view ??= viewOf()), page)
  if (
    context.addReusable({ path, chunks }, owner, pageKey, ownerFile) &&
    problems.length === before
  )
    context.list(page)
  return pageKey
}

function keyOf(
  context: OutputContext,
  view: ReturnType<typeof listingPageView>,
  page: ListingPage
): string {
  const stories = new Set<object>(page.articles.map((article) => context.story(article)))
  return (context.memo as NonNullable<OutputContext['memo']>).pageKey(
    viewKeyText(view, context.site, stories),
    'listing'
  )
}
