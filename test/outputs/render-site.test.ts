import { createHash } from 'node:crypto'
import { XMLParser } from 'fast-xml-parser'
import { select, selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import { HtmlValidate } from 'html-validate'
import { describe, expect, it } from 'vitest'
import { formatJson } from '../../src/report/format-json.js'
import { renderSite } from '../../src/outputs/render-site.js'
import type { CheckedFile } from '../../src/article/article-file.js'
import type { Settings } from '../../src/types.js'
import {
  makeArticle,
  makeArticles,
  makeFigure,
  makeReport,
  makeSettings,
  projectTemplates,
  siteInputOf
} from '../render/fixtures.js'
import { htmlFiles, linksOf, pageOf, targetOf, textOf } from '../render/site-files.js'

const templates = await projectTemplates()
const settings = makeSettings({ base: '/news/', page_size: 4 })
const csv = new TextEncoder().encode('date,close\n2025-11-04,99000\n')

function site(articles: CheckedFile[], siteSettings: Settings = settings) {
  return renderSite(
    siteInputOf({
      settings: siteSettings,
      articles,
      dataFiles: [{ path: 'data/markets/btc-usd.csv', content: csv }],
      templates
    })
  )
}

const articles = [
  ...makeArticles(9),
  makeArticle({
    slug: 'crypto',
    date: '2025-11-04T18:30:00+08:00',
    section: 'markets',
    tags: ['Bitcoin', 'S&P 500'],
    body: 'Bitcoin fell over 7% and [see the data](https://example.org/).',
    marks: [{ text: 'over 7%', status: 'contradicted', title: 'Contradicted: data -6.1%' }],
    figures: [
      { ...makeFigure('7%', 'unchecked'), in: 'title' },
      makeFigure('over 7%', 'contradicted')
    ],
    panel: [
      {
        figure: 'over 7%',
        status: 'contradicted',
        explanation: 'btc close fell 6.1%',
        actual: -6.1,
        expr: 'pct_change(btc.close, "2025-11-03", "2025-11-04")',
        dataFiles: ['data/markets/btc-usd.csv', 'data/markets/not-copied.csv'],
        message: 'stated over 7%, data -6.1%'
      }
    ]
  }),
  makeArticle({
    slug: 'landslide',
    date: '2025-11-02T09:00:00+08:00',
    section: 'world',
    tags: ['Papua New Guinea']
  })
]
const rendered = site(articles)
const { files } = rendered

describe('renderSite', () => {
  it('renders without problems', () => {
    expect(rendered.problems).toEqual([])
  })

  it.each([
    'index.html',
    'page/2/index.html',
    'latest.txt',
    'markets/index.html',
    'markets/page/2/index.html',
    'world/index.html',
    'tags/bitcoin/index.html',
    'tags/s-p-500/index.html',
    'tags/papua-new-guinea/index.html',
    '2025/11/04/crypto/index.html',
    'factcheck/index.html',
    'factcheck.json',
    'feed.xml',
    'atom.xml',
    'feed.json',
    'sitemap.xml',
    'robots.txt',
    '404.html',
    'data/markets/btc-usd.csv'
  ])('writes %s', (path) => {
    expect(files.map((file) => file.path)).toContain(path)
  })

  it('resolves every internal href and src to a file of the site under base /news/', () => {
    const paths = new Set(files.map((file) => file.path))
    const broken: string[] = []
    for (const file of htmlFiles(files)) {
      for (const link of linksOf(pageOf(files, file.path))) {
        const target = targetOf(link, '/news/')
        if (target !== undefined && !paths.has(target)) broken.push(`${file.path}: ${link}`)
      }
    }
    expect(broken).toEqual([])
  })

  it('renders byte-identical files from the same input', () => {
    const again = site(articles).files
    expect(again.map((file) => file.path)).toEqual(files.map((file) => file.path))
    again.forEach((file, index) => expect(file.content).toEqual(files[index]?.content))
  })

  it('does not depend on the order the articles come in', () => {
    const reversed = renderSite(
      siteInputOf({
        settings,
        articles: [...articles].reverse(),
        report: makeReport(articles),
        dataFiles: [{ path: 'data/markets/btc-usd.csv', content: csv }],
        templates
      })
    )
    expect(reversed.files).toEqual(files)
  })

  it('publishes the stylesheet under its content hash and links it from every page', () => {
    const hash = createHash('sha256').update(templates.stylesheet).digest('hex').slice(0, 10)
    const path = `assets/style.${hash}.css`
    expect(textOf(files, path)).toBe(templates.stylesheet)
    for (const file of htmlFiles(files)) {
      expect(select('link[rel="stylesheet"]', pageOf(files, file.path))?.properties.href).toBe(
        `/news/${path}`
      )
    }
  })

  it('publishes the figure marks\' script under its content hash and loads it on briefs only', () => {
    const hash = createHash('sha256').update(templates.script).digest('hex').slice(0, 10)
    const path = `assets/figure-marks.${hash}.js`
    expect(textOf(files, path)).toBe(templates.script)
    const scripts = (file: string) =>
      selectAll('script[src]', pageOf(files, file)).map((script) => script.properties.src)
    expect(scripts('2025/11/04/crypto/index.html')).toEqual([`/news/${path}`])
    expect(scripts('index.html')).toEqual([])
    expect(scripts('factcheck/index.html')).toEqual([])
  })

  it('copies data files byte for byte and links only those it copied', () => {
    expect(files.find((file) => file.path === 'data/markets/btc-usd.csv')?.content).toEqual(csv)
    const data = select('.check__data', pageOf(files, '2025/11/04/crypto/index.html'))
    expect(
      selectAll('a', data ?? { type: 'root', children: [] }).map((link) => link.properties.href)
    ).toEqual(['/news/data/markets/btc-usd.csv'])
    expect(toString(data ?? { type: 'root', children: [] })).toContain(
      'data/markets/not-copied.csv'
    )
  })

  it('writes factcheck.json exactly as the JSON report', () => {
    expect(textOf(files, 'factcheck.json')).toBe(formatJson(makeReport(articles)))
  })

  it.each(htmlFiles(files).map((file) => file.path))(
    'makes %s a valid HTML5 document',
    async (path) => {
      const html = textOf(files, path)
      expect(html.startsWith('<!doctype html>\n')).toBe(true)
      const page = pageOf(files, path)
      expect(select('html', page)?.properties.lang).toBe('en')
      expect(select('meta[charset="utf-8"]', page)).toBeDefined()
      expect(select('meta[name="viewport"]', page)).toBeDefined()
      expect(toString(select('title', page) ?? page)).not.toBe('')
      for (const landmark of ['header', 'main', 'nav', 'footer'])
        expect(select(landmark, page)).toBeDefined()
      const report = await new HtmlValidate({ extends: ['html-validate:standard'] }).validateString(
        html,
        path
      )
      expect(
        report.results.flatMap((result) => result.messages.map((message) => message.message))
      ).toEqual([])
    }
  )
})

describe('hosting files', () => {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' })

  it('lists every content page in the sitemap with absolute URLs and lastmod', () => {
    const sitemap = parser.parse(textOf(files, 'sitemap.xml')) as {
      urlset: { url: { loc: string; lastmod?: string }[] }
    }
    const locs = sitemap.urlset.url.map((url) => url.loc)
    const expected = htmlFiles(files)
      .filter((file) => file.path !== '404.html')
      .map((file) => `https://news.example.org/news/${file.path.replace(/index\.html$/, '')}`)
      .sort()
    expect(locs).toEqual(expected)
    const crypto = sitemap.urlset.url.find((url) => url.loc.endsWith('/2025/11/04/crypto/'))
    expect(crypto?.lastmod).toBe('2025-11-04T10:30:00Z')
  })

  it('points robots.txt at the sitemap', () => {
    expect(textOf(files, 'robots.txt')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://news.example.org/news/sitemap.xml\n'
    )
  })

  it('uses only base-absolute links on the 404 page, which is served at any depth', () => {
    const links = linksOf(pageOf(files, '404.html')).filter((link) => !link.startsWith('#'))
    expect(links.length).toBeGreaterThan(0)
    expect(links.every((link) => link.startsWith('/news/'))).toBe(true)
  })

  it('shows every figure and its status on the fact-check page, linked to the brief', () => {
    const page = pageOf(files, 'factcheck/index.html')
    const section = selectAll('.report-article', page).find((element) =>
      selectAll('a', element).some((link) => link.properties.href === '/news/2025/11/04/crypto/')
    )
    expect(section).toBeDefined()
    const rows = selectAll('.report-article__figures li', section ?? page).map((row) => ({
      status: String(row.properties.className),
      text: toString(row)
    }))
    // Readers find a headline figure by the word; what was computed is in their words, no code,
    // no positions and no stated/actual message (those stay in factcheck.json).
    expect(rows).toEqual([
      { status: 'check--unchecked', text: '7% (in the headline) Not checked' },
      {
        status: 'check--contradicted',
        text: 'over 7% Contradicted by our data — btc close fell 6.1%.'
      }
    ])
  })
})

describe('output safety', () => {
  it.each([
    ['a permalink climbing out of the site', { url: '/../../etc/' }],
    ['a percent-encoded climb', { url: '/%2e%2e/x/' }],
    ['a section with a slash', { section: '../x' }]
  ])('refuses %s as a path-unsafe problem', (_, change) => {
    // The file is changed before its summary is made and its brief rendered: both carry the change.
    const bad = makeArticle({ slug: 'bad', date: '2025-11-04T09:00:00+08:00' })
    if ('url' in change) bad.data.url = change.url
    if ('section' in change)
      bad.data.frontmatter = { ...bad.data.frontmatter, section: change.section }
    const result = site([bad])
    expect(result.problems).toMatchObject([
      { rule: 'path-unsafe', file: bad.path, severity: 'error' }
    ])
    expect(result.files.every((file) => !file.path.includes('..'))).toBe(true)
  })

  it('refuses a data file outside data/', () => {
    const result = renderSite(
      siteInputOf({
        settings,
        articles: [],
        dataFiles: [
          { path: 'index.html', content: csv },
          { path: 'data/../../secret.csv', content: csv }
        ],
        templates
      })
    )
    expect(result.problems.map((problem) => problem.rule)).toEqual(['path-unsafe', 'path-unsafe'])
    expect(result.files.find((file) => file.path === 'index.html')?.content).not.toEqual(csv)
  })

  it('reports two pages at one path instead of overwriting one with the other', () => {
    const clash = makeArticle({
      slug: 'markets',
      date: '2025-11-04T09:00:00+08:00',
      section: 'markets'
    })
    // Its summary and its brief both sit at the section's path.
    clash.data.url = '/markets/'
    const result = site([clash])
    expect(result.problems).toMatchObject([{ rule: 'permalink-duplicate', severity: 'error' }])
    expect(result.files.filter((file) => file.path === 'markets/index.html')).toHaveLength(1)
  })
})
