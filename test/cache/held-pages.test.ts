/**
 * The in-memory output and page memo of a session's builds (issue 21, `src/cache/held-pages.ts`):
 * files are gathered as rendered, a page whose key is unchanged is taken from the session, and
 * the session keeps what this build rendered and asked about, and nothing else.
 */
import { describe, expect, it } from 'vitest'
import { createBuildSession } from '../../src/cache/build-session.js'
import { holdPages } from '../../src/cache/held-pages.js'
import type { HeldPage } from '../../src/cache/build-session.js'

const bytes = new Uint8Array([0, 1, 2, 250])

function sessionWith(pages: Record<string, HeldPage>): { pages: Map<string, HeldPage> } {
  return { pages: new Map(Object.entries(pages)) }
}

describe('the pages held for a session', () => {
  it('gathers text, bytes and chunked files, and gives them back ordered by path', () => {
    const held = holdPages(createBuildSession())
    const text = held.sink({ path: 'tags/index.html', content: 'tags' })
    const binary = held.sink({ path: 'data/markets/coin.csv', content: bytes })
    const chunked = held.sink({
      path: 'factcheck.json',
      *chunks() {
        yield '{"a":'
        yield '1}'
      }
    })
    held.sink({ path: 'index.html', content: 'home' })
    expect(held.files()).toEqual([
      { path: 'data/markets/coin.csv', content: bytes },
      { path: 'factcheck.json', content: '{"a":1}' },
      { path: 'index.html', content: 'home' },
      { path: 'tags/index.html', content: 'tags' }
    ])
    // The bytes themselves are held, not copies.
    expect(held.files()[0]?.content).toBe(bytes)
    // Each digest gives the size of what was taken.
    expect([text.size, binary.size, chunked.size]).toEqual([4, 4, 7])
  })

  it('keeps the last content sunk at a path', () => {
    const held = holdPages(createBuildSession())
    held.sink({ path: 'index.html', content: 'first' })
    held.sink({ path: 'index.html', content: 'second' })
    expect(held.files()).toEqual([{ path: 'index.html', content: 'second' }])
  })

  it('knows a page of the session only under the key it was rendered with', () => {
    const session = sessionWith({ 'factcheck/index.html': { key: 'k1', content: 'report' } })
    const held = holdPages(session)
    expect(held.memo.known('factcheck/index.html', 'k1')?.size).toBe(6)
    expect(held.memo.known('factcheck/index.html', 'k2')).toBeUndefined()
    expect(held.memo.known('index.html', 'k1')).toBeUndefined()
    // Knowing is not taking: nothing is in this build's files until kept.
    expect(held.files()).toEqual([])
  })

  it('records in the session what the sink took, under the key it was rendered with', () => {
    const session = createBuildSession()
    const held = holdPages(session)
    const digest = held.sink({ path: 'index.html', content: 'home' })
    held.memo.record('index.html', 'k1', digest)
    expect(session.pages.get('index.html')).toEqual({ key: 'k1', content: 'home' })
    // A path the sink never took leaves the session as it was.
    held.memo.record('page/2/index.html', 'k1', digest)
    expect(session.pages.has('page/2/index.html')).toBe(false)
    // The next build knows the page under that key and takes its content.
    const next = holdPages(session)
    expect(next.memo.known('index.html', 'k1')?.size).toBe(4)
    expect(next.keep('index.html')).toBe(true)
    expect(next.files()).toEqual([{ path: 'index.html', content: 'home' }])
  })

  it('records chunked files as the text their chunks make', () => {
    const session = createBuildSession()
    const held = holdPages(session)
    const digest = held.sink({ path: 'feed.xml', chunks: () => ['<rss>', '</rss>'] })
    held.memo.record('feed.xml', 'k1', digest)
    expect(session.pages.get('feed.xml')).toEqual({ key: 'k1', content: '<rss></rss>' })
  })

  it('puts the page the session holds into this build when kept, and only then', () => {
    const session = sessionWith({
      'factcheck.json': { key: 'k1', content: '{}' },
      'data/x.csv': { key: 'k1', content: bytes }
    })
    const held = holdPages(session)
    held.sink({ path: 'index.html', content: 'home' })
    expect(held.keep('factcheck.json')).toBe(true)
    expect(held.keep('data/x.csv')).toBe(true)
    expect(held.keep('page/9/index.html')).toBe(false)
    expect(held.files()).toEqual([
      { path: 'data/x.csv', content: bytes },
      { path: 'factcheck.json', content: '{}' },
      { path: 'index.html', content: 'home' }
    ])
  })

  it('lets go, on save, of the pages this build did not ask about', async () => {
    const session = sessionWith({
      'index.html': { key: 'k1', content: 'home' },
      'page/9/index.html': { key: 'k1', content: 'old listing' },
      'tags/index.html': { key: 'k1', content: 'tags' }
    })
    const held = holdPages(session)
    // Asked about and known; asked about under another key and rendered again; not asked.
    held.memo.known('index.html', 'k1')
    held.memo.known('tags/index.html', 'k2')
    const digest = held.sink({ path: 'tags/index.html', content: 'new tags' })
    held.memo.record('tags/index.html', 'k2', digest)
    await held.memo.save()
    expect([...session.pages.keys()].sort()).toEqual(['index.html', 'tags/index.html'])
    expect(session.pages.get('tags/index.html')).toEqual({ key: 'k2', content: 'new tags' })
  })

  it('keeps, on save, a page only recorded in this build', async () => {
    const session = createBuildSession()
    const held = holdPages(session)
    held.memo.record('404.html', 'k1', held.sink({ path: '404.html', content: 'lost' }))
    await held.memo.save()
    expect(session.pages.get('404.html')).toEqual({ key: 'k1', content: 'lost' })
  })

  it('makes a deferrable file when its content is first read, once, and keeps it so', () => {
    const session = createBuildSession()
    let made = 0
    const report = {
      path: 'factcheck.json',
      deferrable: true,
      *chunks() {
        made += 1
        yield '{"articles":'
        yield '[]}'
      }
    }
    const first = holdPages(session)
    first.sink(report)
    first.memo.record('factcheck.json', 'report-key', { size: 0, hash: '' })
    const [file] = first.files()
    expect(made).toBe(0)
    expect(file && 'later' in file).toBe(true)
    expect(file?.content).toBe('{"articles":[]}')
    expect(file?.content).toBe('{"articles":[]}')
    expect(made).toBe(1)
    // The next build keeps it under the same key: still made once.
    const next = holdPages(session)
    expect(next.memo.known('factcheck.json', 'report-key')).toBeDefined()
    expect(next.keep('factcheck.json')).toBe(true)
    expect(next.files()[0]?.content).toBe('{"articles":[]}')
    expect(made).toBe(1)
  })

  it('makes a file that is not deferrable at once', () => {
    let made = 0
    const held = holdPages(createBuildSession())
    held.sink({
      path: 'factcheck/index.html',
      *chunks() {
        made += 1
        yield '<p>report</p>'
      }
    })
    expect(made).toBe(1)
    expect(held.files()).toEqual([{ path: 'factcheck/index.html', content: '<p>report</p>' }])
  })
})
