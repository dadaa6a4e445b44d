/**
 * Eleventy 3 configuration for the benchmark: the same pages factdesk publishes, without fact
 * checks. Input is the corpus's `content/` folder, so Eleventy's default permalinks
 * (`/2025/11/04/slug/`) match factdesk's; every other page (home, section and tag listings, paged
 * by 20, RSS, sitemap, 404) is a virtual template, so nothing is written into the corpus.
 * `build.mjs` adds the site settings as global data `site`.
 */
import { readFileSync } from 'node:fs'
import { URL, fileURLToPath } from 'node:url'
import { DateTime } from 'luxon'

const templatesDir = fileURLToPath(new URL('./templates/', import.meta.url))

/** Listing pages hold this many stories, as `page_size: 20` in the corpus's site settings. */
const pageSize = 20

/** Listing lines are cut at this many characters, the ellipsis included (SPEC 3 default). */
const excerptLength = 60

/** How many stories the RSS feed carries (SPEC 8). */
const feedLength = 50

/** Registers the templates, collections and filters. */
export default function configure(eleventyConfig) {
  // The corpus lives under os.tmpdir(), which may sit under an ignored folder of some checkout;
  // Eleventy obeys .gitignore and would then build an empty site that looks fast.
  eleventyConfig.setUseGitIgnore(false)
  eleventyConfig.setQuietMode(true)
  eleventyConfig.addGlobalData('layout', 'brief.njk')
  eleventyConfig.addGlobalData('sectionNames', ['markets', 'world', 'economy', 'business'])

  eleventyConfig.addTemplate('_includes/base.njk', template('base.njk'))
  eleventyConfig.addTemplate('_includes/brief.njk', template('brief.njk'))
  eleventyConfig.addTemplate('listing.njk', template('listing.njk'), {
    layout: 'base.njk',
    pagination: {
      data: 'collections.listingPages',
      size: 1,
      alias: 'listing',
      addAllPagesToCollections: true
    },
    permalink: '{{ listing.path }}index.html',
    eleventyComputed: { title: '{{ listing.title }}' }
  })
  eleventyConfig.addTemplate('feed.njk', template('feed.njk'), {
    layout: false,
    permalink: '/feed.xml',
    eleventyExcludeFromCollections: true
  })
  eleventyConfig.addTemplate('sitemap.njk', template('sitemap.njk'), {
    layout: false,
    permalink: '/sitemap.xml',
    eleventyExcludeFromCollections: true
  })
  eleventyConfig.addTemplate('not-found.njk', template('not-found.njk'), {
    layout: 'base.njk',
    title: 'Page not found',
    permalink: '/404.html',
    eleventyExcludeFromCollections: true
  })

  eleventyConfig.addCollection('listingPages', (api) => listingPages(articlesOf(api)))
  eleventyConfig.addCollection('feedStories', (api) =>
    articlesOf(api).slice(0, feedLength).map(storyOf)
  )

  eleventyConfig.addFilter('siteTime', (date) => shanghai(date).toFormat('d LLL yyyy, HH:mm'))
  eleventyConfig.addFilter('isoTime', (date) =>
    shanghai(date).toISO({ suppressMilliseconds: true })
  )
  eleventyConfig.addFilter('rfc822', (date) =>
    DateTime.fromJSDate(date, { zone: 'utc' }).toRFC2822()
  )
  eleventyConfig.addFilter('absoluteUrl', function (path) {
    return new URL(path, this.ctx?.site?.url ?? 'https://bench.example.org/').href
  })

  return {
    // Article bodies are Markdown only: never run them through Liquid, as factdesk does not.
    markdownTemplateEngine: false,
    htmlTemplateEngine: 'njk',
    templateFormats: ['md', 'njk']
  }
}

/** A template's text from `templates/`. */
function template(name) {
  return readFileSync(`${templatesDir}${name}`, 'utf8')
}

/** The articles (the corpus's Markdown files), newest first. */
function articlesOf(api) {
  return api
    .getAll()
    .filter((item) => item.inputPath.endsWith('.md'))
    .sort((a, b) => b.date - a.date || (a.url < b.url ? -1 : 1))
}

/**
 * Every listing page: the home listing, then one per section and one per tag, each paged by
 * `pageSize` at `page/N/`, as factdesk lays them out (SPEC 8).
 */
function listingPages(articles) {
  const pages = []
  const bySection = groupBy(articles, (item) => [item.data.section ?? 'news'])
  const byTag = groupBy(articles, (item) => item.data.tags ?? [])
  paginate(pages, '/', 'Latest news', undefined, articles)
  for (const [section, items] of bySection) paginate(pages, `/${section}/`, section, section, items)
  for (const [tag, items] of byTag) paginate(pages, `/tags/${tag}/`, `Tagged “${tag}”`, tag, items)
  return pages
}

function paginate(pages, path, heading, name, items) {
  const count = Math.max(1, Math.ceil(items.length / pageSize))
  const pathOf = (page) => (page === 1 ? path : `${path}page/${page}/`)
  for (let page = 1; page <= count; page++) {
    const stories = items.slice((page - 1) * pageSize, page * pageSize).map(storyOf)
    pages.push({
      path: pathOf(page),
      heading,
      title: name === undefined ? '' : page > 1 ? `${name} (page ${page})` : name,
      lead: page === 1 ? stories[0] : undefined,
      stories,
      page,
      pages: count,
      previous: page > 1 ? pathOf(page - 1) : undefined,
      next: page < count ? pathOf(page + 1) : undefined
    })
  }
}

/** Groups items under each key `keysOf` gives, keys in code point order. */
function groupBy(items, keysOf) {
  const groups = new Map()
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key)
      if (group === undefined) groups.set(key, [item])
      else group.push(item)
    }
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/** What a listing line shows: the lead paragraph as plain text, cut for the line. */
function storyOf(item) {
  const summary = leadParagraph(item.rawInput ?? item.page.rawInput ?? '')
  const characters = [...summary]
  const excerpt =
    characters.length <= excerptLength
      ? summary
      : `${characters
          .slice(0, excerptLength - 1)
          .join('')
          .trimEnd()}…`
  return {
    title: item.data.title,
    url: item.url,
    date: item.date,
    section: item.data.section,
    summary,
    excerpt
  }
}

/** The first paragraph of a Markdown body, links reduced to their text. */
function leadParagraph(markdown) {
  const first = markdown.trim().split(/\n\s*\n/)[0] ?? ''
  return first
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
}

function shanghai(date) {
  return DateTime.fromJSDate(date, { zone: 'Asia/Shanghai' })
}
