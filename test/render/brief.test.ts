import type { Element, Root } from 'hast'
import { select, selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import { describe, expect, it } from 'vitest'
import { renderSite } from '../../src/outputs/render-site.js'
import type { CheckedFile } from '../../src/article/article-file.js'
import type { Settings } from '../../src/types.js'
import { makeArticle, makeFigure, makeSettings, projectTemplates, siteInputOf } from './fixtures.js'
import { pageOf } from './site-files.js'

const templates = await projectTemplates()

/** The element `selector` finds in `root`, failing the test when there is none (never the page). */
function one(selector: string, root: Root | Element): Element {
  const found = select(selector, root)
  expect(found, `no ${selector} on the page`).toBeDefined()
  return found as Element
}

/** `element`, failing the test when a selection found nothing. */
function required(element: Element | undefined): Element {
  expect(element).toBeDefined()
  return element as Element
}
const settings = makeSettings({ base: '/news/' })

const hostileTitle = 'Bitcoin </script><script>alert(1)</script> & “more” {{title}}'

const article = makeArticle({
  slug: 'crypto-day-of-terror',
  title: hostileTitle,
  date: '2025-11-04T10:30:00Z',
  updated: '2025-11-05T01:00:00Z',
  section: 'markets',
  tags: ['bitcoin', 'Ethereum'],
  byline: 'Markets desk',
  dateline: 'HONG KONG',
  body: 'Bitcoin plummeted over 7% in a single day; 470,000 investors were liquidated.\n\nSecond paragraph.',
  marks: [
    { text: 'over 7%', status: 'verified', title: 'Verified: -7.41% (data/markets/btc-usd.csv)' },
    {
      text: '470,000 investors',
      status: 'unchecked',
      title: 'Unchecked: no check covers this figure'
    }
  ],
  figures: [makeFigure('over 7%'), makeFigure('470,000 investors', 'unchecked')],
  corrections: [
    { date: '2025-11-05T02:00:00Z', text: 'Older correction.' },
    { date: '2025-11-06T02:00:00Z', text: 'Newer correction.' }
  ],
  sources: [
    { name: 'CoinGlass', url: 'https://www.coinglass.com/' },
    { name: 'Trap', url: 'javascript:alert(1)' },
    { name: 'Newsroom notes' }
  ],
  panel: [
    {
      figure: 'over 7%',
      status: 'verified',
      explanation: 'btc close fell 7.41% from 3 Nov to 4 Nov 2025',
      actual: -7.41,
      expr: 'pct_change(btc.close, "2025-11-03", "2025-11-04")',
      note: 'closing prices, UTC',
      dataFiles: ['data/markets/btc-usd.csv'],
      message: 'stated over 7%, data -7.41%'
    }
  ],
  asserts: [
    {
      expr: 'lowest_since(btc.low, "2025-11-04", "2025-07-01")',
      says: 'lowest level since June',
      status: 'verified',
      message: ''
    }
  ]
})

function renderBrief(articles: CheckedFile[], siteSettings: Settings = settings): Root {
  const { files } = renderSite(
    siteInputOf({
      settings: siteSettings,
      articles,
      dataFiles: [
        { path: 'data/markets/btc-usd.csv', content: new TextEncoder().encode('date,close\n') }
      ],
      templates
    })
  )
  return pageOf(files, `${articles[0]?.data.url.slice(1)}index.html`)
}

const page = renderBrief([article])
const meta = (property: string): string | undefined => {
  const element = select(`meta[property="${property}"]`, page)
  return element === undefined ? undefined : String(element.properties.content)
}

describe('brief head', () => {
  it('links the canonical absolute URL under base', () => {
    expect(select('link[rel="canonical"]', page)?.properties.href).toBe(
      'https://news.example.org/news/2025/11/04/crypto-day-of-terror/'
    )
  })

  it.each([
    ['og:type', 'article'],
    ['og:title', hostileTitle],
    ['og:url', 'https://news.example.org/news/2025/11/04/crypto-day-of-terror/'],
    ['og:site_name', 'The Ledger'],
    [
      'og:description',
      'Bitcoin plummeted over 7% in a single day; 470,000 investors were liquidated.'
    ],
    ['article:published_time', '2025-11-04T18:30:00+08:00']
  ])('carries Open Graph %s', (property, content) => {
    expect(meta(property)).toBe(content)
  })

  it('has NewsArticle JSON-LD that parses and that a </script> title cannot close', () => {
    // The one inline script: the marks' script is a file (`src`), and nothing may leak out of this one.
    const scripts = selectAll('script:not([src])', page)
    expect(scripts).toHaveLength(1)
    const [script] = scripts
    expect(script?.properties.type).toBe('application/ld+json')
    const data = JSON.parse(toString(script as Element)) as Record<string, unknown>
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: hostileTitle,
      datePublished: '2025-11-04T18:30:00+08:00',
      dateModified: '2025-11-05T09:00:00+08:00',
      author: { name: 'Markets desk' },
      publisher: { name: 'The Ledger' },
      mainEntityOfPage: { '@id': 'https://news.example.org/news/2025/11/04/crypto-day-of-terror/' },
      url: 'https://news.example.org/news/2025/11/04/crypto-day-of-terror/'
    })
  })

  it('prints the title as text everywhere', () => {
    expect(toString(one('title', page))).toBe(`${hostileTitle} — The Ledger`)
    expect(toString(one('h1', page))).toBe(hostileTitle)
  })
})

describe('brief body', () => {
  it('shows byline, dateline and times in the site time zone', () => {
    expect(toString(one('.brief__byline', page))).toContain('Markets desk')
    expect(toString(one('.brief__dateline', page))).toBe('HONG KONG')
    const times = selectAll('.brief__times time', page).map((time) => time.properties.dateTime)
    expect(times).toEqual(['2025-11-04T18:30:00+08:00', '2025-11-05T09:00:00+08:00'])
  })

  it('puts corrections before the body, newest first', () => {
    const corrections = selectAll('.corrections li', page).map((item) => toString(item))
    expect(corrections).toHaveLength(2)
    expect(corrections[0]).toContain('Newer correction.')
    expect(corrections[1]).toContain('Older correction.')
    const order = selectAll('.corrections, .brief__body', page).map(
      (element) => element.properties.className
    )
    expect(order).toEqual([['corrections'], ['brief__body']])
  })

  it('marks each figure of the body with its status and hover text', () => {
    const marks = selectAll('.brief__body span.fd-fig', page).map((mark) => [
      toString(mark),
      mark.properties.dataStatus,
      mark.properties.title
    ])
    expect(marks).toEqual([
      ['over 7%', 'verified', 'Verified: -7.41% (data/markets/btc-usd.csv)'],
      ['470,000 investors', 'unchecked', 'Unchecked: no check covers this figure']
    ])
  })

  it('lists each check in the folded panel in plain words, the computation behind a disclosure', () => {
    const panel = required(select('aside.fact-panel', page))
    const list = one('details.fact-panel__list', panel)
    const check = one('.check', list)
    const text = toString(check)
    expect(text).toContain('Matches our data')
    expect(text).toContain('over 7%')
    expect(text).toContain('btc close fell 7.41% from 3 Nov to 4 Nov 2025.')
    // Readers see no code: the expression, the raw result and the note are behind "How this was computed".
    expect(text).not.toContain('pct_change')
    expect(text).not.toContain('-7.41')
    expect(select('a[href="/news/data/markets/btc-usd.csv"]', check)).toBeDefined()
    const how = one('details.fact-panel__how', list)
    expect(toString(one('summary', how))).toBe('How this was computed')
    expect(toString(how)).toContain('pct_change')
    expect(toString(how)).toContain('-7.41')
    expect(toString(how)).toContain('closing prices, UTC')
    expect(toString(one('.fact-panel__asserts', panel))).toContain('lowest level since June')
    expect(toString(one('.fact-panel__summary', panel))).toBe(
      '1 figure checked against our data'
    )
  })

  it('names the figures no check covers, and why, in their own fold', () => {
    const unchecked = one('details.fact-panel__unchecked', required(select('aside.fact-panel', page)))
    expect(toString(one('summary', unchecked))).toBe('1 figure not checked')
    expect(toString(unchecked)).toContain('No check binds these figures to our data')
    expect(selectAll('li', unchecked).map((item) => toString(item))).toEqual(['470,000 investors'])
  })

  it('counts the checked figures in one line at the top, linked to the panel, with a legend', () => {
    const line = one('.fact-line', page)
    const link = one('a', line)
    expect(link.properties.href).toBe('#fact-check')
    expect(toString(link)).toBe('1 figure checked against our data')
    expect(selectAll('.legend', line).map((item) => item.properties.dataStatus)).toEqual([
      'verified',
      'unchecked'
    ])
  })

  it('links only sources with http(s) URLs', () => {
    const sources = selectAll('.brief__sources li', page).map((item) => [
      toString(item),
      select('a', item)?.properties.href
    ])
    expect(sources).toEqual([
      ['CoinGlass', 'https://www.coinglass.com/'],
      ['Trap', undefined],
      ['Newsroom notes', undefined]
    ])
  })

  it('links each tag to its page', () => {
    expect(selectAll('.brief__tags a', page).map((link) => link.properties.href)).toEqual([
      '/news/tags/bitcoin/',
      '/news/tags/ethereum/'
    ])
  })

  it('has no inline event handler or script other than the JSON-LD', () => {
    const handlers = selectAll('*', page).filter((element) =>
      Object.keys(element.properties).some((name) => /^on[A-Z]/.test(name))
    )
    expect(handlers).toEqual([])
  })
})
