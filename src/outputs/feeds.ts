/** The feeds (SPEC 8): RSS, Atom and JSON Feed of the newest articles. */
import { renderFeeds } from '../render/feeds.js'
import type { Output } from './output.js'

/** `feed.xml`, `atom.xml` and `feed.json`. */
export const feeds: Output = {
  name: 'feeds',
  render(context) {
    for (const feed of renderFeeds(context.settings, context.articles, context.images))
      context.add(feed, 'the feeds')
  }
}
