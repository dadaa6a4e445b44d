import type { Element, Root } from 'hast'
import { select, selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import { describe, expect, it } from 'vitest'
import { renderSite } from '../../src/outputs/render-site.js'
import type { CheckedFile } from '../../src/article/article-file.js'
import type { ImageFacts, ImageTable } from '../../src/images/image-facts.js'
import type { Settings } from '../../src/types.js'
import { makeArticle, makeSettings, projectTemplates, siteInputOf } from './fixtures.js'
import { pageOf } from './site-files.js'

const templates = await projectTemplates()

function render(articles: CheckedFile[], settings: Settings = makeSettings()) {
  const rendered = renderSite(siteInputOf({ settings, articles, templates }))
  expect(rendered.problems).toEqual([])
  return rendered.files
}

/** `count` stories a day apart, in `section`, with leads longer than a line. */
function stories(count: number, section = 'news'): CheckedFile[] {
  return Array.from({ length: count }, (_, index) => {
    const day = String(index + 1).padStart(2, '0')
    return makeArticle({
      slug: `s-${day}`,
      title: `Headline ${day}`,
      date: `2025-10-${day}T09:00:00+08:00`,
      section,
      tags: ['Tagged'],
      body: `Lead of story ${day}, long enough that the listing has to cut it somewhere in the middle.`
    })
  })
}

/** The headline links of a listing page, lead story first, as [href, text]. */
function headlines(page: Root): [string, string][] {
  return selectAll('.lead-story__title a, .story-line__title a', page).map((link) => [
    String(link.properties.href),
    toString(link)
  ])
}

/** Every page of a listing at `base` (`/` or `/news/`), following its "next" links. */
function listingPages(files: ReturnType<typeof render>, base: string): Root[] {
  const pages: Root[] = []
  let path: string | undefined = `${base.slice(1)}index.html`
  while (path !== undefined) {
    const page = pageOf(files, path)
    pages.push(page)
    const next = select('.pagination a[rel="next"]', page)?.properties.href
    path = next === undefined ? undefined : `${String(next).slice(1)}index.html`
  }
  return pages
}

function within(element: Element | undefined, selector: string): Element | undefined {
  return element === undefined ? undefined : select(selector, element)
}

describe('a story line', () => {
  const files = render(stories(3))
  const home = pageOf(files, 'index.html')
  const [line] = selectAll('.story-line', home)

  it('links its headline to the brief', () => {
    const link = within(line, 'h2.story-line__title > a')
    expect(link?.properties.href).toBe('/2025/10/02/s-02/')
    expect(toString(link ?? home)).toBe('Headline 02')
  })

  it('shows under the headline the lead cut to excerpt_length, ellipsis included', () => {
    const text = toString(within(line, '.story-line__title + .story-line__text') ?? home)
    expect(text).toBe('Lead of story 02, long enough that the listing has to cut i…')
    expect([...text]).toHaveLength(60)
  })

  it('gives the time in the site zone and the section, linked to its listing', () => {
    const meta = within(line, '.story-line__meta')
    expect(within(meta, 'time')?.properties.dateTime).toBe('2025-10-02T09:00:00+08:00')
    const section = within(meta, 'a.story-line__section')
    expect([section?.properties.href, toString(section ?? home)]).toEqual(['/news/', 'News'])
  })
})

describe('the lead story', () => {
  it('is shown once on page 1, in full, and not listed again below itself', () => {
    const files = render(stories(3))
    const home = pageOf(files, 'index.html')
    expect(toString(select('.lead-story__lead', home) ?? home)).toBe(
      'Lead of story 03, long enough that the listing has to cut it somewhere in the middle.'
    )
    const listed = selectAll('.story-line a', home).map((link) => link.properties.href)
    expect(listed).not.toContain('/2025/10/03/s-03/')
    expect(selectAll('.story-line', home)).toHaveLength(2)
    expect(selectAll('.story-line__text', home).map((text) => toString(text).slice(0, 16))).toEqual(
      ['Lead of story 02', 'Lead of story 01']
    )
  })

  it('stands alone on page 1 when page_size is 1, with no "no stories" note', () => {
    const files = render(stories(2), makeSettings({ page_size: 1 }))
    const home = pageOf(files, 'index.html')
    expect(headlines(home)).toEqual([['/2025/10/02/s-02/', 'Headline 02']])
    expect(select('.story-lines', home)).toBeUndefined()
    expect(toString(select('main', home) ?? home)).not.toContain('No stories yet.')
    expect(headlines(pageOf(files, 'page/2/index.html'))).toEqual([
      ['/2025/10/01/s-01/', 'Headline 01']
    ])
    expect(select('.lead-story', pageOf(files, 'page/2/index.html'))).toBeUndefined()
  })
})

describe('paging', () => {
  const articles = stories(7)
  const newestFirst = articles.map((article) => article.data.url).reverse()

  it.each([1, 2, 3, 6, 7, 20])(
    'with page_size %i holds every story exactly once, newest first, on home, section and tag pages',
    (size) => {
      const files = render(articles, makeSettings({ page_size: size }))
      for (const base of ['/', '/news/', '/tags/tagged/']) {
        const pages = listingPages(files, base)
        expect(pages, `pages of ${base}`).toHaveLength(Math.ceil(articles.length / size))
        pages.forEach((page, index) => {
          expect(
            headlines(page).length,
            `stories on page ${index + 1} of ${base}`
          ).toBeLessThanOrEqual(size)
        })
        expect(pages.flatMap((page) => headlines(page).map(([href]) => href))).toEqual(newestFirst)
      }
    }
  )
})

describe('a lead photo', () => {
  /** Gives `article` a 2000x1333 lead photo beside it, and returns the image table entry. */
  function withPhoto(article: CheckedFile): [string, ImageFacts] {
    article.data.frontmatter.image = { src: 'photo.jpg', line: 5, column: 8 }
    article.data.frontmatter.image_alt = 'A quay at dawn'
    const path = article.path.replace(/[^/]+$/, 'photo.jpg')
    return [path, { path, digest: 'a'.repeat(64), width: 2000, height: 1333, format: 'jpeg' }]
  }

  it('shows as a small lazy thumbnail beside a story line, and wide over the lead story', () => {
    const articles = stories(3)
    const [oldest, , newest] = articles
    if (oldest === undefined || newest === undefined) throw new TypeError('three stories')
    const images: ImageTable = new Map([withPhoto(oldest), withPhoto(newest)])
    const rendered = renderSite({
      ...siteInputOf({ settings: makeSettings(), articles, templates }),
      images
    })
    expect(rendered.problems).toEqual([])
    const home = pageOf(rendered.files, 'index.html')
    expect(select('.lead-story__photo img', home)?.properties.alt).toBe('A quay at dawn')
    const lines = selectAll('.story-line', home)
    expect(lines.map((line) => select('.story-thumb', line) !== undefined)).toEqual([false, true])
    const thumb = within(lines[1], '.story-thumb')
    expect(thumb?.properties.href).toBe(within(lines[1], '.story-line__title a')?.properties.href)
    const img = within(thumb, 'picture img')
    expect([img?.properties.width, img?.properties.loading, img?.properties.alt]).toEqual([
      480,
      'lazy',
      ''
    ])
  })
})
