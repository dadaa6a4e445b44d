import { describe, expect, it } from 'vitest'
import { scriptSafeJson } from '../../src/render/json-ld.js'
import {
  absoluteUrl,
  isSafeFilePath,
  isSafeSitePath,
  outputFileOf,
  pagePath,
  siteHref,
  tagSlug
} from '../../src/render/urls.js'
import { makeSettings } from './fixtures.js'

describe('tagSlug', () => {
  it.each([
    ['Bitcoin', 'bitcoin'],
    ['S&P 500', 's-p-500'],
    ['  Papua New Guinea ', 'papua-new-guinea'],
    ['--AI--', 'ai'],
    ['C++', 'c'],
    ['Café', 'caf'],
    ['日本', '']
  ])('turns %j into %j', (tag, slug) => {
    expect(tagSlug(tag)).toBe(slug)
  })
})

describe('links under base', () => {
  const settings = makeSettings({ base: '/news/', url: 'https://example.org/' })

  it.each([
    ['/', '/news/', 'https://example.org/news/'],
    ['/2025/11/04/x/', '/news/2025/11/04/x/', 'https://example.org/news/2025/11/04/x/'],
    ['/feed.xml', '/news/feed.xml', 'https://example.org/news/feed.xml']
  ])('links %s as %s and %s', (path, href, absolute) => {
    expect(siteHref(settings, path)).toBe(href)
    expect(absoluteUrl(settings, path)).toBe(absolute)
  })

  it.each([
    ['/', 1, '/'],
    ['/', 2, '/page/2/'],
    ['/tags/x/', 3, '/tags/x/page/3/']
  ])('puts page %s:%s at %s', (path, page, expected) => {
    expect(pagePath(path, page)).toBe(expected)
  })

  it.each([
    ['/', 'index.html'],
    ['/markets/', 'markets/index.html'],
    ['/feed.xml', 'feed.xml']
  ])('serves %s from %s', (path, file) => {
    expect(outputFileOf(path)).toBe(file)
  })
})

describe('path safety', () => {
  it.each([
    ['/2025/11/04/slug/', true],
    ['/markets/', true],
    ['/../x/', false],
    ['/a/./b/', false],
    ['/%2E%2E/x/', false],
    ['/a\\..\\b/', false],
    ['//evil.example/', false],
    ['relative/', false],
    ['/a/%zz/', false],
    ['/tab\there/', false]
  ])('site path %j is safe: %s', (path, safe) => {
    expect(isSafeSitePath(path)).toBe(safe)
  })

  it.each([
    ['data/markets/btc-usd.csv', true],
    ['data/../index.html', false],
    ['/etc/passwd', false],
    ['data/', false],
    ['', false]
  ])('file path %j is safe: %s', (path, safe) => {
    expect(isSafeFilePath(path)).toBe(safe)
  })
})

describe('scriptSafeJson', () => {
  it.each([
    ['</script><script>alert(1)</script>'],
    ['<!-- comment'],
    ['a & b > c'],
    ['line\u2028separator\u2029paragraph']
  ])('escapes %j so that it cannot change the script element and still parses back', (text) => {
    const json = scriptSafeJson({ headline: text })
    expect(json).not.toMatch(/[<>&\u2028\u2029]/)
    expect(JSON.parse(json)).toEqual({ headline: text })
  })
})
