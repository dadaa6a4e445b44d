import type { Root } from 'hast'
import { select, selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import { describe, expect, it } from 'vitest'
import { renderSite } from '../../src/outputs/render-site.js'
import { makeArticle, makeSettings, projectTemplates, siteInputOf } from './fixtures.js'
import { pageOf } from './site-files.js'

const templates = await projectTemplates()

const articles = [
  makeArticle({ slug: 'jobs', date: '2025-11-04T09:00:00+08:00', section: 'us' }),
  makeArticle({ slug: 'rates', date: '2025-11-03T09:00:00+08:00', section: 'us' }),
  makeArticle({ slug: 'homes', date: '2025-11-02T09:00:00+08:00', section: 'real-estate' })
]
const settings = makeSettings({ sections: { us: 'U.S.' } })
const { files, problems } = renderSite(siteInputOf({ settings, articles, templates }))

function text(page: Root, selector: string): string {
  const found = select(selector, page)
  expect(found, selector).toBeDefined()
  return toString(found ?? page)
}

describe('section display names', () => {
  const home = pageOf(files, 'index.html')

  it('name the sections in the navigation, configured or from the slug', () => {
    expect(problems).toEqual([])
    const nav = selectAll('.site-nav a', home).map((link) => [toString(link), link.properties.href])
    expect(nav).toContainEqual(['U.S.', '/us/'])
    expect(nav).toContainEqual(['Real Estate', '/real-estate/'])
  })

  it('head a section listing and its page title', () => {
    const section = pageOf(files, 'us/index.html')
    expect(text(section, 'h1')).toBe('U.S.')
    expect(text(section, 'title')).toBe('U.S. — The Ledger')
    expect(text(pageOf(files, 'real-estate/index.html'), 'h1')).toBe('Real Estate')
  })

  it('label the lead story and each story line', () => {
    expect(text(home, '.lead-story__meta a')).toBe('U.S.')
    const lines = selectAll('.story-line__section', home).map((link) => toString(link))
    expect(lines).toEqual(['U.S.', 'Real Estate'])
  })

  it('label the brief, its Open Graph section and its JSON-LD section', () => {
    const brief = pageOf(files, '2025/11/04/jobs/index.html')
    expect(text(brief, '.brief__section a')).toBe('U.S.')
    expect(select('meta[property="article:section"]', brief)?.properties.content).toBe('U.S.')
    const jsonLd: unknown = JSON.parse(text(brief, 'script[type="application/ld+json"]'))
    expect(jsonLd).toMatchObject({ articleSection: 'U.S.' })
  })

  it('leave URLs on the slug', () => {
    expect(
      select('.brief__section a', pageOf(files, '2025/11/02/homes/index.html'))?.properties.href
    ).toBe('/real-estate/')
  })
})
