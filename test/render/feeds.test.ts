import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { renderFeeds } from '../../src/render/feeds.js'
import { newestFirst } from '../../src/render/order.js'
import type { CheckedFile } from '../../src/article/article-file.js'
import type { OutputFile } from '../../src/types.js'
import { makeArticle, makeArticles, makeSettings, summaryOf } from './fixtures.js'

const settings = makeSettings({ base: '/news/' })
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name, jpath) => name === 'item' || name === 'entry' || jpath === 'feed.entry.link'
})

/** The feeds of `articles`, from their summaries with the bodies kept, as the build keeps them. */
function feeds(articles: CheckedFile[]): Record<string, string> {
  const summaries = articles.map((article) => summaryOf(article, true))
  return Object.fromEntries(
    renderFeeds(settings, newestFirst(summaries)).map((file: OutputFile) => [
      file.path,
      String(file.content)
    ])
  )
}

interface Rss {
  rss: {
    channel: {
      link: string
      lastBuildDate: string
      item: { title: string; link: string; description: string }[]
    }
  }
}
interface Atom {
  feed: {
    updated: string
    entry: { title: { '#text': string }; id: string; link: { '@href': string }[] }[]
  }
}
interface JsonFeed {
  version: string
  language: string
  home_page_url: string
  feed_url: string
  authors: { name: string }[]
  author?: unknown
  items: {
    url: string
    id: string
    title: string
    summary: string
    authors: { name: string }[]
    author?: unknown
  }[]
}

const sixty = makeArticles(60)
const output = feeds(sixty)
const rss = parser.parse(output['feed.xml'] ?? '') as Rss
const atom = parser.parse(output['atom.xml'] ?? '') as Atom
const json = JSON.parse(output['feed.json'] ?? '') as JsonFeed
const newestUrl = 'https://news.example.org/news/2025/11/03/story-060/'

describe('renderFeeds', () => {
  it.each(['feed.xml', 'atom.xml'])('writes %s as well-formed XML', (path) => {
    expect(XMLValidator.validate(output[path] ?? '')).toBe(true)
  })

  it('carries the latest 50 articles, newest first, in every format', () => {
    expect(rss.rss.channel.item).toHaveLength(50)
    expect(atom.feed.entry).toHaveLength(50)
    expect(json.items).toHaveLength(50)
    expect(rss.rss.channel.item[0]?.link).toBe(newestUrl)
    expect(atom.feed.entry[0]?.link[0]?.['@href']).toBe(newestUrl)
    expect(json.items[0]?.url).toBe(newestUrl)
    expect(json.items.at(-1)?.url).toBe('https://news.example.org/news/2025/11/01/story-011/')
  })

  it('uses absolute URLs with base for every link', () => {
    const links = [
      rss.rss.channel.link,
      ...rss.rss.channel.item.map((item) => item.link),
      ...atom.feed.entry.flatMap((entry) => entry.link.map((link) => link['@href'])),
      json.home_page_url,
      json.feed_url,
      ...json.items.flatMap((item) => [item.url, item.id])
    ]
    expect(links.every((link) => link.startsWith('https://news.example.org/news/'))).toBe(true)
  })

  it('takes the feed time from the newest change, never from the clock', () => {
    const updated = makeArticle({
      slug: 'old',
      date: '2025-10-01T09:00:00+08:00',
      updated: '2025-11-10T09:00:00+08:00'
    })
    const again = feeds([...sixty.slice(0, 3), updated])
    const atomAgain = parser.parse(again['atom.xml'] ?? '') as Atom
    expect(atomAgain.feed.updated).toBe('2025-11-10T01:00:00.000Z')
    expect(atom.feed.updated).toBe('2025-11-03T11:00:00.000Z')
    expect(rss.rss.channel.lastBuildDate).toBe('Mon, 03 Nov 2025 11:00:00 GMT')
    expect(feeds(sixty)).toEqual(output)
  })

  it('writes JSON Feed 1.1: authors lists and the language', () => {
    expect(json.version).toBe('https://jsonfeed.org/version/1.1')
    expect(json.language).toBe('en')
    expect(json.authors).toEqual([{ name: 'The Ledger', url: 'https://news.example.org/news/' }])
    expect(json.author).toBeUndefined()
    expect(json.items.every((item) => item.author === undefined && item.authors.length === 1)).toBe(
      true
    )
  })

  it('keeps titles that look like markup or CDATA ends as text', () => {
    const title = 'Markets ]]> crash <b>hard</b> ]]> & “recover”'
    const tricky = feeds([
      makeArticle({ slug: 'tricky', title, date: '2025-11-04T09:00:00+08:00', tags: ['<3 & co'] })
    ])
    expect(XMLValidator.validate(tricky['feed.xml'] ?? '')).toBe(true)
    expect(XMLValidator.validate(tricky['atom.xml'] ?? '')).toBe(true)
    const atomTitle =
      (parser.parse(tricky['atom.xml'] ?? '') as Atom).feed.entry[0]?.title['#text'] ?? ''
    // Atom titles are type="html": the markup is escaped, so readers show it as text.
    expect(atomTitle).toBe('Markets ]]&gt; crash &lt;b&gt;hard&lt;/b&gt; ]]&gt; &amp; “recover”')
    expect((JSON.parse(tricky['feed.json'] ?? '') as JsonFeed).items[0]?.title).toBe(title)
  })

  it('refuses a feed article whose summary kept no body', () => {
    const [article] = makeArticles(1)
    if (!article) throw new Error('no article made')
    expect(() => renderFeeds(settings, [summaryOf(article, false)])).toThrow(
      `${article.path}: no body kept for the feeds`
    )
  })
})
