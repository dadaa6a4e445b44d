/**
 * The listings (SPEC 8): the home page, then one per section and one per tag, each paged. With a
 * memo, a page whose view is the same as when it was last rendered is kept from the output.
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
import { viewKeyText } from './view-key.js'

/** Every page of every listing. */
export const listings: Output = {
  name: 'listings',
  render(context) {
    for (const listing of listingsOf(context.articles)) {
      for (const page of listingPages(context.settings, listing))
        addListingPage(context, listing, page)
    }
  }
}

/** One page of `listing`. */
function addListingPage(context: OutputContext, listing: Listing, page: ListingPage): void {
  const { settings, site, templates, problems, memo } = context
  const owner = `the listing ${page.sitePath}`
  const ownerFile = listing.articles[0]?.file
  const view = listingPageView({ settings, site, templates, story: context.story }, listing, page)
  const render = () => renderListingPage({ templates }, view, page)
  if (!memo) {
    const rendered = render()
    if ('problem' in rendered) problems.push(rendered.problem)
    else context.addPage(rendered, owner, ownerFile)
    return
  }
  // Unchanged stories, listed as before: the output already holds the page. A page that fails
  // to render fails the build, so the empty file it leaves is never published.
  const path = outputFileOf(page.sitePath)
  const before = problems.length
  const chunks = (): string[] => {
    const rendered = render()
    if (!('problem' in rendered)) return [rendered.html]
    problems.push(rendered.problem)
    return []
  }
  // Keyed by the very view the template is handed: whatever a page shows is in its key.
  const stories = new Set<object>(page.articles.map((article) => context.story(article)))
  const key = memo.pageKey(viewKeyText(view, site, stories), 'listing')
  if (context.addReusable({ path, chunks }, owner, key, ownerFile) && problems.length === before)
    context.list(page)
}
