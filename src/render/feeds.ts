/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the latest articles (SPEC 8), built with the `feed`
 * library. Times come from the articles, never from the clock, so a rebuild gives the same bytes.
 */
import type { ArticleSummary } from '../article/article-records.js'
import { Feed, type FeedOptions, type Item } from 'feed'
import { DateTime } from 'luxon'
import type { OutputFile, Settings } from '../types.js'
import { collapseWhitespace } from '../text/whitespace.js'
import { lastChanged, latest } from './order.js'
import { absoluteUrl, tagSlug } from './urls.js'
import type { ImageTable } from '../images/image-facts.js'
import { leadPhotoOf, sharedImage } from '../images/lead-photo.js'

/** How many articles a feed carries. */
export const feedLength = 50

/** How a feed format takes text: Atom's `type="html"` fields and RSS descriptions are HTML. */
type Flavour = 'rss' | 'atom' | 'json'

/**
 * `feed.xml`, `atom.xml` and `feed.json` for the newest `feedLength` of `sorted` (newest first),
 * each item with its lead photo's social-card JPEG when `images` has it (issue 18).
 */
export function renderFeeds(
  settings: Settings,
  sorted: readonly ArticleSummary[],
  images?: ImageTable
): OutputFile[] {
  const articles = sorted.slice(0, feedLength)
  const updated = latest(articles.map(lastChanged)) ?? DateTime.fromMillis(0, { zone: 'utc' })
  const build = (flavour: Flavour): Feed => {
    const feed = new Feed(feedOptions(settings, updated.toJSDate(), flavour))
    for (const article of articles) {
      const item = feedItem(settings, article, flavour)
      const photo = leadPhotoOf(article.file, article.frontmatter, images)
      const shared = photo && sharedImage(photo, settings)
      feed.addItem(shared ? { ...item, image: { url: shared.url, type: shared.type } } : item)
    }
    return feed
  }
  return [
    { path: 'feed.xml', content: `${build('rss').rss2()}\n` },
    { path: 'atom.xml', content: `${ltInCategories(build('atom').atom1())}\n` },
    {
      path: 'feed.json',
      content: `${JSON.stringify(toJsonFeed11(build('json').json1(), settings), null, 2)}\n`
    }
  ]
}

/** The channel: the site, its home page and the three feed addresses. */
function feedOptions(settings: Settings, updated: Date, flavour: Flavour): FeedOptions {
  const home = absoluteUrl(settings, '/')
  const text = plainTextFor(flavour)
  return {
    id: home,
    title: text(settings.title),
    description: text(settings.description),
    link: home,
    language: settings.language,
    updated,
    generator: 'factdesk',
    author: { name: text(settings.title), link: home },
    feedLinks: {
      rss: absoluteUrl(settings, '/feed.xml'),
      atom: absoluteUrl(settings, '/atom.xml'),
      json: absoluteUrl(settings, '/feed.json')
    }
  }
}

/** One article as a feed entry, its text shaped for `flavour`. */
function feedItem(settings: Settings, article: ArticleSummary, flavour: Flavour): Item {
  const { frontmatter } = article
  const link = absoluteUrl(settings, article.url)
  const title = xmlSafe(frontmatter.title)
  const lead = xmlSafe(collapseWhitespace(article.lead))
  // The build keeps the body of the articles the feeds show, and only theirs (SPEC 8).
  const html = article.bodyHtml
  if (html === undefined) throw new Error(`${article.file}: no body kept for the feeds`)
  return {
    id: link,
    link,
    title:
      flavour === 'atom'
        ? cdataSafe(escapeHtml(title))
        : flavour === 'rss'
          ? cdataSafe(escapeHtml(title))
          : title,
    description: flavour === 'json' ? lead : cdataSafe(escapeHtml(lead)),
    content: flavour === 'json' ? html : cdataSafe(xmlSafe(html)),
    date: lastChanged(article).toJSDate(),
    published: frontmatter.date.toJSDate(),
    author: [{ name: plainTextFor(flavour)(frontmatter.byline ?? settings.title) }],
    category: frontmatter.tags.map((tag) => {
      const name = xmlSafe(collapseWhitespace(tag))
      return { name, term: name.includes('<') ? tagSlug(name) : name }
    })
  }
}

/**
 * The library writes JSON Feed version 1; 1.1 renamed `author` to an `authors` list and added
 * `language`. Keys are rebuilt in a fixed order.
 */
function toJsonFeed11(json: string, settings: Settings): Record<string, unknown> {
  const channel = JSON.parse(json) as Record<string, unknown>
  const items = Array.isArray(channel.items) ? (channel.items as unknown[]) : []
  const author = channel.author
  delete channel.version
  delete channel.author
  delete channel.items
  return {
    version: 'https://jsonfeed.org/version/1.1',
    ...channel,
    language: settings.language,
    ...(author === undefined ? {} : { authors: [author] }),
    items: items.map((item) => {
      if (typeof item !== 'object' || item === null || !('author' in item)) return item
      const { author: itemAuthor, ...rest } = item
      return { ...rest, authors: [itemAuthor] }
    })
  }
}

/**
 * The library escapes `&` and `"` in attribute values but not `<`, which XML forbids there: a tag
 * named `</script>` would make the Atom feed unreadable. Tags are the only article text Atom puts
 * in attributes, each `<category label=".." term=".."/>` on a line of its own; text elsewhere had
 * its `<` escaped, so no other line can start like that.
 */
function ltInCategories(xml: string): string {
  return xml.replace(
    /^(\s*<category label=")([^"\n]*)(" term=")([^"\n]*)("\/>)$/gm,
    (_line, open: string, label: string, middle: string, term: string, close: string) =>
      `${open}${label.replaceAll('<', '&lt;')}${middle}${term.replaceAll('<', '&lt;')}${close}`
  )
}

/**
 * How plain text (the channel's title and description, author names) is handed to the library for
 * `flavour`. For XML the library escapes such text itself, but first turns every `&amp;` back into
 * `&` so as not to escape twice: a description reading `Fish &amp; Chips` would come out as
 * `Fish & Chips`. Escaping each `&` beforehand gives it exactly one `&amp;` per `&` to undo, so
 * the text a reader parses is the text written, whatever it holds (`<script>`, `]]>`, `&`).
 */
function plainTextFor(flavour: Flavour): (text: string) => string {
  return flavour === 'json' ? xmlSafe : (text) => xmlSafe(text).replaceAll('&', '&amp;')
}

/** Text as HTML source: `&`, `<`, `>` and quotes escaped. */
function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/**
 * HTML that cannot end a CDATA section early: the library guards only the first `]]>`. In HTML
 * `&gt;` means `>`, so the reader sees the same text.
 */
function cdataSafe(html: string): string {
  return html.replaceAll(']]>', ']]&gt;')
}

/** Text without the characters XML 1.0 forbids (C0 controls but tab and newlines, lone surrogates). */
function xmlSafe(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
  )
}
