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
import type { OutputFile } from '../../src/types.js'

const folders: string[] = []
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })))
})

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

    const first = new BriefSearch(openSearchMemo(cache, 'salt'))
    const sink = first.through(output)
    // Nothing remembered yet: the brief must be read and put, so that the index has it.
    expect(sink.keep(path, digest)).toBe(false)
    sink.put({ path, content: html })
    expect(await first.publish(new Map(), { base: '/', language: 'en' }, output)).toEqual([])

    const second = new BriefSearch(openSearchMemo(cache, 'salt'))
    expect(second.through(output).keep(path, digest)).toBe(true)
    expect(output.kept).toContain(path)

    // Another code fingerprint's memo is none.
    const other = new BriefSearch(openSearchMemo(cache, 'another salt'))
    expect(other.through(output).keep(path, digest)).toBe(false)
  })
})
