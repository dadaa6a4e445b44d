/**
 * The feeds (SPEC 8): RSS, Atom and JSON Feed of the newest articles. With a memo, feeds of the
 * same articles are kept rather than made.
 */
import { leadPhotoOf } from '../images/lead-photo.js'
import { feedLength, renderFeeds } from '../render/feeds.js'
import type { OutputFile } from '../types.js'
import type { Output } from './output.js'
import { viewKeyText } from './view-key.js'

/** The paths of the feeds, in the order `renderFeeds` makes them. */
const feedPaths = ['feed.xml', 'atom.xml', 'feed.json'] as const

/** `feed.xml`, `atom.xml` and `feed.json`. */
export const feeds: Output = {
  name: 'feeds',
  render(context) {
    const { memo, settings, articles, images } = context
    let made: OutputFile[] | undefined
    const feedsMade = (): OutputFile[] => (made ??= renderFeeds(settings, articles, images))
    // The feeds show the newest articles whole, with their lead photos; the settings are in the
    // frame. Each article is written as the hash of its JSON, worked out once per article (the
    // same object from build to build while it is unchanged): writing 50 whole articles, their
    // bodies and dates, took 10-25 ms of every save at 4,000 articles.
    const newest = articles.slice(0, feedLength)
    const key = memo
      ? memo.pageKey(
          viewKeyText(
            [
              'feeds',
              newest,
              newest.map((article) => leadPhotoOf(article.file, article.frontmatter, images) ?? null)
            ],
            undefined,
            new Set(newest)
          )
        )
      : ''
    for (const [index, path] of feedPaths.entries()) {
      const chunks = (): string[] => {
        const file = feedsMade()[index]
        if (file?.path !== path) throw new Error(`the feeds were made in another order: ${path}`)
        return [
          typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content)
        ]
      }
      context.addReusable({ path, chunks }, 'the feeds', key)
    }
  }
}
