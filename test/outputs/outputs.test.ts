import { describe, expect, it } from 'vitest'
import { type ContentDigest, contentDigest } from '../../src/output/content-digest.js'
import type { Output, PageMemory } from '../../src/outputs/output.js'
import { outputs } from '../../src/outputs/outputs.js'
import { type SiteInput, renderSite } from '../../src/outputs/render-site.js'
import type { CheckedFile } from '../../src/article/article-file.js'
import type { ChunkedFile, OutputFile } from '../../src/types.js'
import {
  makeArticle,
  makeArticles,
  makeSettings,
  projectTemplates,
  siteInputOf
} from '../render/fixtures.js'
import { textOf } from '../render/site-files.js'

const templates = await projectTemplates()
const settings = makeSettings({ page_size: 2 })
const csv = new TextEncoder().encode('date,close\n2025-11-04,99000\n')
const articles = makeArticles(5)

function input(siteArticles: readonly CheckedFile[] = articles): SiteInput {
  return siteInputOf({
    settings,
    articles: siteArticles,
    dataFiles: [{ path: 'data/markets/btc-usd.csv', content: csv }],
    templates
  })
}

/** A search index of the kind a site might add: one entry, one module. */
const searchIndex: Output = {
  name: 'search-index',
  render(context) {
    const entries = context.articles.map((article) => ({
      url: article.url,
      title: article.frontmatter.title
    }))
    context.add(
      { path: 'search.json', content: `${JSON.stringify(entries)}\n` },
      'the search index'
    )
  }
}

/** A sink recording what reaches it, in order, answering chunked files with their digest. */
function recordingSink() {
  const written: string[] = []
  const sink = (file: OutputFile | ChunkedFile): ContentDigest | undefined => {
    written.push(file.path)
    if (!('chunks' in file)) return undefined
    return contentDigest(Buffer.from([...file.chunks()].join('')))
  }
  return { written, sink }
}

describe('the outputs table', () => {
  it('has one entry per name', () => {
    const names = outputs.map((output) => output.name)
    expect(new Set(names).size).toBe(names.length)
  })

  it('adds a registered output’s file and leaves every other file as it was', () => {
    const plain = renderSite(input())
    const extended = renderSite(input(), [...outputs, searchIndex])
    expect(extended.problems).toEqual([])
    expect(JSON.parse(textOf(extended.files, 'search.json'))).toEqual(
      [...articles]
        .reverse()
        .map((article) => ({ url: article.data.url, title: article.data.frontmatter.title }))
    )
    expect(extended.files.filter((file) => file.path !== 'search.json')).toEqual(plain.files)
    expect(extended.count).toBe(plain.count + 1)
  })

  it('refuses to render a site when an article’s brief was never rendered', () => {
    const briefs = new Map(input().briefs)
    const missing = articles[0]!.path
    briefs.delete(missing)
    expect(() => renderSite({ ...input(), briefs })).toThrow(
      `${missing}: its brief was never rendered`
    )
  })

  it('streams files to the sink in the table’s order, keeping none', () => {
    const { written, sink } = recordingSink()
    const result = renderSite({ ...input(), sink })
    expect(result.files).toEqual([])
    expect(result.count).toBe(written.length)
    const briefs = [...articles]
      .reverse()
      .map((article) => `${article.data.url.slice(1)}index.html`)
    expect(written).toEqual([
      expect.stringMatching(/^assets\/style\.[0-9a-f]{10}\.css$/),
      expect.stringMatching(/^assets\/figure-marks\.[0-9a-f]{10}\.js$/),
      'data/markets/btc-usd.csv',
      ...briefs,
      'index.html',
      'page/2/index.html',
      'page/3/index.html',
      'markets/index.html',
      'markets/page/2/index.html',
      'markets/page/3/index.html',
      'factcheck/index.html',
      '404.html',
      'factcheck.json',
      'latest.txt',
      'feed.xml',
      'atom.xml',
      'feed.json',
      'sitemap.xml',
      'robots.txt'
    ])
  })

  it('lists in the sitemap the pages an output before it adds', () => {
    const about: Output = {
      name: 'about',
      render(context) {
        context.addPage({ sitePath: '/about/', html: '<!doctype html>\n' }, 'the about page')
      }
    }
    const table = [...outputs]
    table.splice(table.indexOf(outputs.find((output) => output.name === 'sitemap')!), 0, about)
    const { files } = renderSite(input(), table)
    expect(textOf(files, 'sitemap.xml')).toContain('<loc>https://news.example.org/about/</loc>')
  })

  it('refuses a registered output’s file at a path a brief has, blaming the article', () => {
    const first = [...articles].reverse()[0]!
    const clash: Output = {
      name: 'clash',
      render(context) {
        context.add({ path: `${first.data.url.slice(1)}index.html`, content: 'x' }, 'the clash')
      }
    }
    const result = renderSite(input(), [...outputs, clash])
    expect(result.problems).toMatchObject([
      { rule: 'permalink-duplicate', file: first.path, severity: 'error' }
    ])
    expect(textOf(result.files, `${first.data.url.slice(1)}index.html`)).not.toBe('x')
  })
})

describe('pages kept from an earlier build', () => {
  /** Renders `siteArticles` into a sink, with a memo that outlives the rendering. */
  function build(memory: PageMemory & { records: Map<string, unknown> }, siteArticles = articles) {
    const { written, sink } = recordingSink()
    const kept: string[] = []
    const result = renderSite({
      ...input(siteArticles),
      sink,
      reuse: {
        reportKey: 'report',
        memo: memory,
        keep: (path) => (kept.push(path), true)
      }
    })
    expect(result.problems).toEqual([])
    return { written, kept }
  }
  function memory() {
    const records = new Map<string, { key: string; digest: ContentDigest }>()
    return {
      records,
      known: (path: string, key: string) => {
        const record = records.get(path)
        return record?.key === key ? record.digest : undefined
      },
      record: (path: string, key: string, digest: ContentDigest) =>
        void records.set(path, { key, digest })
    }
  }

  it('keeps the listings and the report when nothing they show changed', () => {
    const memo = memory()
    const cold = build(memo)
    expect(cold.kept).toEqual([])
    expect([...memo.records.keys()]).toContain('factcheck.json')
    const warm = build(memo)
    expect(warm.kept).toEqual([...memo.records.keys()])
    expect(warm.written).toEqual(cold.written.filter((path) => !memo.records.has(path)))
  })

  it('renders again the listing pages showing a story whose title changed', () => {
    const memo = memory()
    build(memo)
    const newest = [...articles].reverse()[0]!
    const retitled = articles.map((article) =>
      article === newest
        ? makeArticle({
            slug: article.data.frontmatter.slug,
            date: article.data.frontmatter.date.toISO() ?? '',
            section: article.data.frontmatter.section,
            title: 'A new title'
          })
        : article
    )
    const warm = build(memo, retitled)
    expect(warm.written).toContain('index.html')
    expect(warm.kept).not.toContain('index.html')
    expect(warm.kept).toContain('page/2/index.html')
  })
})
