import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArticleCache } from '../../src/cache/article-cache.js'
import { hashOf } from '../../src/cache/memo-key.js'
import { checkSummaryOf } from '../../src/article/article-records.js'
import type { CheckRecord } from '../../src/article/article-records.js'
import type { IndexEntry } from '../../src/cache/cache-index.js'
import { readIndex } from '../../src/cache/cache-index.js'
import { sparsePacks } from '../../src/cache/result-packs.js'
import { tempFolders } from '../helpers/temp-folders.js'

const cacheFolder = tempFolders('packs')

function briefOf(name: string) {
  return { sitePath: `/${name}/`, bytes: new TextEncoder().encode(`<p>${name}</p>`) }
}

const check: CheckRecord = {
  data: {
    mode: 'standard',
    lead: '',
    bodyHtml: '<p>body</p>',
    headlineHtml: 'Headline',
    figures: [],
    asserts: [],
    panel: []
  },
  problems: []
}

function entryOf(name: string): IndexEntry {
  return {
    load: { problems: [] },
    checked: { key: `checked-${name}`, value: checkSummaryOf(check) },
    brief: { key: `brief-${name}`, value: { sitePath: `/${name}/`, digest: { size: 0, hash: '' } } }
  }
}

/** Puts a brief for each name in one build and finishes it; returns the keys by name. */
async function buildWith(
  dir: string,
  names: readonly string[],
  kept: ReadonlyMap<string, IndexEntry> = new Map()
) {
  const cache = openArticleCache(dir)
  const index = new Map(kept)
  for (const name of names) {
    const key = hashOf(name)
    cache.put(key, { check, brief: briefOf(name) })
    index.set(key, entryOf(name))
  }
  await cache.finish(index)
  return readIndex(dir)
}

function briefText(dir: string, name: string): string | undefined {
  const results = openArticleCache(dir).results(hashOf(name))
  // Read back whole: the body HTML the index leaves out is in the pack.
  expect(results?.check.data.bodyHtml ?? check.data.bodyHtml).toBe(check.data.bodyHtml)
  const value = results?.brief
  return value && 'bytes' in value ? new TextDecoder().decode(value.bytes) : undefined
}

describe('results kept in packs', () => {
  it('reads back each article of a pack, and finds nothing for a key never put', async () => {
    const dir = await cacheFolder()
    const index = await buildWith(dir, ['a', 'b', 'c'])
    expect(await readdir(join(dir, 'results'))).toHaveLength(1)
    expect(new Set([...index.values()].map((entry) => entry.results?.pack)).size).toBe(1)
    expect(briefText(dir, 'b')).toBe('<p>b</p>')
    expect(briefText(dir, 'c')).toBe('<p>c</p>')
    expect(briefText(dir, 'd')).toBeUndefined()
  })

  it('treats a damaged or missing pack as a miss', async () => {
    const dir = await cacheFolder()
    await buildWith(dir, ['a'])
    const [pack = ''] = await readdir(join(dir, 'results'))
    await writeFile(join(dir, 'results', pack), 'damaged')
    expect(briefText(dir, 'a')).toBeUndefined()
    await writeFile(join(dir, 'results', pack), '')
    expect(briefText(dir, 'a')).toBeUndefined()
  })

  it('treats bytes written over an entry in its pack as a miss, the length unchanged', async () => {
    const dir = await cacheFolder()
    await buildWith(dir, ['a', 'b'])
    const [pack = ''] = await readdir(join(dir, 'results'))
    const bytes = await readFile(join(dir, 'results', pack))
    const at = bytes.indexOf('<p>a</p>')
    expect(at).toBeGreaterThan(-1)
    bytes.write('<i>x</i>', at)
    await writeFile(join(dir, 'results', pack), bytes)
    // Checked against the digest the index keeps apart from the pack: the other entry still serves.
    expect(briefText(dir, 'a')).toBeUndefined()
    expect(briefText(dir, 'b')).toBe('<p>b</p>')
  })

  it('deletes packs no entry names, and the files of the layout before packs', async () => {
    const dir = await cacheFolder()
    await mkdir(join(dir, 'articles'), { recursive: true })
    await writeFile(join(dir, 'articles', `${hashOf('a')}.v8`), 'an older layout')
    await buildWith(dir, ['a', 'b'])
    const [first] = await readdir(join(dir, 'results'))
    // The next build puts new results for both: the first pack serves nobody.
    await buildWith(dir, ['a', 'b'])
    const names = await readdir(join(dir, 'results'))
    expect(names).toHaveLength(1)
    expect(names).not.toContain(first)
    expect(await readdir(dir)).not.toContain('articles')
    expect(briefText(dir, 'a')).toBe('<p>a</p>')
  })

  it('leaves a pack another build is writing, and deletes one a killed build left long ago', async () => {
    const dir = await cacheFolder()
    await buildWith(dir, ['a'])
    const writing = join(dir, 'results', 'x1-3.pack.tmp')
    const abandoned = join(dir, 'results', 'x2-3.pack.tmp')
    await writeFile(writing, 'half a pack')
    await writeFile(abandoned, 'half a pack')
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000)
    await utimes(abandoned, hourAgo, hourAgo)
    await buildWith(dir, ['a'])
    const names = await readdir(join(dir, 'results'))
    expect(names).toContain('x1-3.pack.tmp')
    expect(names).not.toContain('x2-3.pack.tmp')
  })

  it('copies the live entries of a mostly dead pack into a new one', async () => {
    const dir = await cacheFolder()
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']
    const first = await buildWith(dir, names)
    const [old] = await readdir(join(dir, 'results'))
    // One of nine stays as it was; the other eight are made again elsewhere.
    const kept = new Map([...first].filter(([key]) => key === hashOf('a')))
    const next = await buildWith(dir, names.slice(1), kept)
    expect(next.get(hashOf('a'))?.results?.pack).not.toBe(old)
    expect(await readdir(join(dir, 'results'))).not.toContain(old)
    for (const name of names) expect(briefText(dir, name)).toBe(`<p>${name}</p>`)
  })

  it('calls a pack sparse when fewer than a quarter of its entries live', () => {
    const ref = (pack: string) => ({ pack, offset: 0, length: 1, hash: '' })
    const live = [ref('p1-8.pack'), ref('p2-8.pack'), ref('p2-8.pack'), ref('p3-4.pack')]
    expect(sparsePacks(['p1-8.pack', 'p2-8.pack', 'p3-4.pack', 'p4-4.pack'], live)).toEqual(
      new Set(['p1-8.pack'])
    )
  })
})
