import { select, selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import { describe, expect, it } from 'vitest'
import { renderSite } from '../../src/outputs/render-site.js'
import type { CheckedFile } from '../../src/article/article-file.js'
import type { Settings } from '../../src/types.js'
import {
  makeArticle,
  makeArticles,
  makeSettings,
  projectTemplates,
  siteInputOf
} from './fixtures.js'
import { pageOf, textOf } from './site-files.js'

const templates = await projectTemplates()

function render(articles: CheckedFile[], settings: Settings = makeSettings()) {
  return renderSite(siteInputOf({ settings, articles, templates }))
}

/** The brief links of a listing page's headlines, the lead story's first, in page order. */
function storyLinks(files: ReturnType<typeof render>['files'], path: string): string[] {
  return selectAll('.lead-story__title a, .story-line__title a', pageOf(files, path)).map((link) =>
    String(link.properties.href)
  )
}

describe('home listing', () => {
  it('lists stories newest first, page_size to a page (the lead story counts on page 1)', () => {
    const articles = makeArticles(45)
    const { files, problems } = render([...articles].reverse(), makeSettings({ page_size: 20 }))
    expect(problems).toEqual([])
    const first = storyLinks(files, 'index.html')
    const second = storyLinks(files, 'page/2/index.html')
    const third = storyLinks(files, 'page/3/index.html')
    expect([first.length, second.length, third.length]).toEqual([20, 20, 5])
    expect(first[0]).toBe('/2025/11/03/story-045/')
    expect(third.at(-1)).toBe('/2025/11/01/story-001/')
    const all = [...first, ...second, ...third]
    expect(new Set(all).size).toBe(45)
    expect(files.some((file) => file.path === 'page/4/index.html')).toBe(false)
  })

  it('links pages to their neighbours', () => {
    const { files } = render(makeArticles(45), makeSettings({ page_size: 20 }))
    const rel = (path: string, kind: string) =>
      select(`.pagination a[rel="${kind}"]`, pageOf(files, path))?.properties.href
    expect(rel('index.html', 'prev')).toBeUndefined()
    expect(rel('index.html', 'next')).toBe('/page/2/')
    expect(rel('page/2/index.html', 'prev')).toBe('/')
    expect(rel('page/2/index.html', 'next')).toBe('/page/3/')
    expect(rel('page/3/index.html', 'next')).toBeUndefined()
  })

  it('breaks ties between equal times by file path', () => {
    const date = '2025-11-04T09:00:00+08:00'
    const articles = ['zeta', 'alpha', 'mid'].map((slug) => makeArticle({ slug, date }))
    expect(storyLinks(render(articles).files, 'index.html')).toEqual([
      '/2025/11/04/alpha/',
      '/2025/11/04/mid/',
      '/2025/11/04/zeta/'
    ])
  })

  it('opens page 1 with the lead story: its headline and whole lead paragraph', () => {
    const long =
      'A lead paragraph that is much longer than sixty characters and must be shown in full on the home page.'
    const articles = [
      makeArticle({ slug: 'older', date: '2025-11-03T09:00:00+08:00' }),
      makeArticle({
        slug: 'newest',
        title: 'Newest story',
        date: '2025-11-04T09:00:00+08:00',
        body: long
      })
    ]
    const { files } = render(articles)
    const home = pageOf(files, 'index.html')
    expect(toString(select('.lead-story__title', home) ?? home)).toBe('Newest story')
    expect(toString(select('.lead-story__lead', home) ?? home)).toBe(long)
    expect(select('.lead-story__title a', home)?.properties.href).toBe('/2025/11/04/newest/')
    expect(storyLinks(files, 'index.html')).toEqual(['/2025/11/04/newest/', '/2025/11/03/older/'])
  })

  it('shows each story with its time in the site zone and its section', () => {
    const articles = [
      makeArticle({ slug: 'lead', date: '2025-11-05T10:30:00Z' }),
      makeArticle({ slug: 'x', date: '2025-11-04T10:30:00Z', section: 'markets' })
    ]
    const line = select('.story-line', pageOf(render(articles).files, 'index.html'))
    expect(line).toBeDefined()
    expect(select('time', line ?? { type: 'root', children: [] })?.properties.dateTime).toBe(
      '2025-11-04T18:30:00+08:00'
    )
    expect(
      select('a.story-line__section', line ?? { type: 'root', children: [] })?.properties.href
    ).toBe('/markets/')
  })

  it('renders an empty site with one home page and no stories', () => {
    const { files, problems } = render([])
    expect(problems).toEqual([])
    const home = pageOf(files, 'index.html')
    expect(selectAll('.story-line, .lead-story', home)).toHaveLength(0)
    expect(toString(select('main', home) ?? home)).toContain('No stories yet.')
    expect(textOf(files, 'latest.txt')).toBe('')
  })
})

describe('section and tag listings', () => {
  const articles = [
    makeArticle({
      slug: 'btc',
      date: '2025-11-04T18:30:00+08:00',
      section: 'markets',
      tags: ['Bitcoin', 'S&P 500']
    }),
    makeArticle({
      slug: 'boj',
      date: '2025-11-03T09:00:00+08:00',
      section: 'markets',
      tags: ['bitcoin']
    }),
    makeArticle({
      slug: 'png',
      date: '2025-11-02T09:00:00+08:00',
      section: 'world',
      tags: ['Papua New Guinea', '日本']
    })
  ]
  const { files, problems } = render(articles, makeSettings({ page_size: 1 }))

  it('gives each section its own paged listing', () => {
    expect(problems).toEqual([])
    expect(storyLinks(files, 'markets/index.html')).toEqual(['/2025/11/04/btc/'])
    expect(storyLinks(files, 'markets/page/2/index.html')).toEqual(['/2025/11/03/boj/'])
    expect(storyLinks(files, 'world/index.html')).toEqual(['/2025/11/02/png/'])
  })

  it.each([
    ['Bitcoin', 'tags/bitcoin/index.html', ['/2025/11/04/btc/']],
    ['S&P 500', 'tags/s-p-500/index.html', ['/2025/11/04/btc/']],
    ['Papua New Guinea', 'tags/papua-new-guinea/index.html', ['/2025/11/02/png/']]
  ])('lists tag %s at a lower-case, dash-separated path', (tag, path, links) => {
    expect(storyLinks(files, path)).toEqual(links)
    expect(toString(select('h1', pageOf(files, path)) ?? { type: 'root', children: [] })).toContain(
      tag
    )
  })

  it('puts tags that differ only in case on one page', () => {
    expect(storyLinks(files, 'tags/bitcoin/page/2/index.html')).toEqual(['/2025/11/03/boj/'])
  })

  it('shows a tag with no Latin letter or digit without a page', () => {
    expect(
      files.some((file) => file.path.startsWith('tags/-') || file.path === 'tags/index.html')
    ).toBe(false)
    const brief = pageOf(files, '2025/11/02/png/index.html')
    const tags = selectAll('.brief__tags li', brief).map((item) => [
      toString(item),
      select('a', item)?.properties.href
    ])
    expect(tags).toEqual([
      ['Papua New Guinea', '/tags/papua-new-guinea/'],
      ['日本', undefined]
    ])
  })
})

describe('latest.txt', () => {
  it('has the lead paragraph, then one cut line per story of the first page, newest first', () => {
    const articles = [
      makeArticle({ slug: 'a', date: '2025-11-03T09:00:00+08:00', body: 'Short lead.' }),
      makeArticle({
        slug: 'b',
        date: '2025-11-04T09:00:00+08:00',
        body: 'According to a report citing the Messenger Post of Papua New Guinea,\na severe landslide occurred.'
      }),
      makeArticle({ slug: 'c', date: '2025-11-01T09:00:00+08:00', body: 'Off the first page.' })
    ]
    const text = textOf(render(articles, makeSettings({ page_size: 2 })).files, 'latest.txt')
    expect(text).toBe(
      [
        'According to a report citing the Messenger Post of Papua New Guinea, a severe landslide occurred.',
        'According to a report citing the Messenger Post of Papua Ne…',
        'Short lead.',
        ''
      ].join('\n')
    )
  })
})
