/**
 * How the index's gatherer lets stage 2 keep unchanged briefs (issue 19): a brief whose `<main>`
 * the memo knows is kept in the output by its digest like every unchanged page; one it does not
 * know is refused, so the cache reads it back and `put`s it, and the index has its text.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { contentDigest } from '../../src/output/content-digest.js'
import type { ContentDigest } from '../../src/output/content-digest.js'
import { BriefSearch } from '../../src/search/brief-search.js'
import { openSearchMemo } from '../../src/search/search-memo.js'
import { SearchPages, searchFiles } from '../../src/search/search-index.js'
import type { OutputFile } from '../../src/types.js'

const folders: string[] = []
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })))
})

const settings = { base: '/', language: 'en' }

const brief = (words: string): string =>
  `<html><body><nav>menu</nav><main><h1>${words}</h1><p>${words}.</p></main></body></html>`

/** A sink that holds every brief it was given, and keeps one by digest only when it holds it. */
function outputSink(): {
  put(file: OutputFile): void
  keep(path: string, digest: ContentDigest): boolean
  kept: string[]
  written: Map<string, string>
} {
  const written = new Map<string, string>()
  const kept: string[] = []
  return {
    written,
    kept,
    put: (file) => void written.set(file.path, String(file.content)),
    keep(path, digest) {
      const held = written.get(path)
      if (held === undefined || contentDigest(Buffer.from(held)).hash !== digest.hash) return false
      kept.push(path)
      return true
    }
  }
}

describe('the briefs gathered for the index', () => {
  it('are kept by digest when the memo knows them, and refused otherwise', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'factdesk-brief-search-'))
    folders.push(cache)
    const output = outputSink()
    const html = brief('Zebra crossing opens')
    const digest = contentDigest(Buffer.from(html))
    const path = 'us/zebra/index.html'

    const first = new BriefSearch(openSearchMemo(cache, 'salt'), settings)
    const sink = first.through(output)
    // Nothing remembered yet: the brief must be read and put, so that the index has it.
    expect(sink.keep(path, digest)).toBe(false)
    sink.put({ path, content: html })
    expect(await first.publish(new Map(), output)).toEqual([])

    const second = new BriefSearch(openSearchMemo(cache, 'salt'), settings)
    expect(second.through(output).keep(path, digest)).toBe(true)
    expect(output.kept).toContain(path)

    // Another code fingerprint's memo is none.
    const other = new BriefSearch(openSearchMemo(cache, 'another salt'), settings)
    expect(other.through(output).keep(path, digest)).toBe(false)
  })
})

describe('the index fed while stage 2 runs (a cold build)', () => {
  const paths = ['a/index.html', 'b/index.html', 'c/index.html']
  const bytesOf = (files: readonly OutputFile[]): string[] =>
    files.map((file) => `${file.path} ${Buffer.from(file.content).toString('base64')}`)
  /** The index made whole, in path order, as a build without the feed makes it. */
  const whole = async (briefs: [string, string][]): Promise<string[]> => {
    const pages = new SearchPages()
    for (const [path, html] of briefs) pages.add(path, html)
    return bytesOf(await searchFiles(pages, settings))
  }

  it('takes each brief as soon as every brief before it in path order is in', async () => {
    const search = new BriefSearch(openSearchMemo(undefined, 'salt'), settings)
    const output = outputSink()
    const sink = search.through(output)
    sink.plan?.([...paths].reverse())
    sink.put({ path: 'c/index.html', content: brief('Gamma') })
    expect(search.fed).toBe(0)
    sink.put({ path: 'a/index.html', content: brief('Alpha') })
    expect(search.fed).toBe(1)
    sink.put({ path: 'b/index.html', content: brief('Beta') })
    expect(search.fed).toBe(3)
    const files = await search.publish(new Map())
    expect(bytesOf(files)).toEqual(
      await whole([
        ['a/index.html', brief('Alpha')],
        ['b/index.html', brief('Beta')],
        ['c/index.html', brief('Gamma')]
      ])
    )
  })

  it('is made again whole when a brief it was not told of sorts before those it was given', async () => {
    const search = new BriefSearch(openSearchMemo(undefined, 'salt'), settings)
    const sink = search.through(outputSink())
    sink.plan?.(paths)
    for (const path of paths) sink.put({ path, content: brief(path) })
    expect(search.fed).toBe(3)
    sink.put({ path: '0/index.html', content: brief('Zero') })
    const files = await search.publish(new Map())
    expect(bytesOf(files)).toEqual(
      await whole([
        ['0/index.html', brief('Zero')],
        ...paths.map((path): [string, string] => [path, brief(path)])
      ])
    )
  })

  it('is not started when the cache holds an index, which a warm build most often keeps', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'factdesk-brief-search-'))
    folders.push(cache)
    const first = new BriefSearch(openSearchMemo(cache, 'salt'), settings)
    const output = outputSink()
    const sink = first.through(output)
    sink.plan?.(paths)
    for (const path of paths) sink.put({ path, content: brief(path) })
    await first.publish(new Map(), output)
    const second = new BriefSearch(openSearchMemo(cache, 'salt'), settings)
    const again = second.through(output)
    again.plan?.(paths)
    for (const path of paths) again.put({ path, content: brief(`${path} edited`) })
    expect(second.fed).toBe(0)
  })
})
