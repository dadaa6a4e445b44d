import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { tempFolders } from '../helpers/temp-folders.js'
import { hashOf } from '../../src/cache/memo-key.js'
import { readIndex, writeIndex } from '../../src/cache/cache-index.js'
import type { IndexEntry } from '../../src/cache/cache-index.js'
import { runCli } from '../helpers/run-cli.js'
import { article, tempSite } from '../helpers/temp-site.js'

const cacheFolder = tempFolders('index')

/** The index the last build of `root` left in its default cache folder. */
function readIndexOf(root: string): Map<string, IndexEntry> {
  return readIndex(join(root, 'node_modules', '.cache', 'factdesk'))
}

function entry(file: string): IndexEntry {
  return {
    load: {
      problems: [{ severity: 'warning', line: 1, column: 1, rule: 'frontmatter', message: file }]
    },
    brief: {
      key: hashOf('brief', file),
      value: {
        sitePath: `/${file}/`,
        lastmod: DateTime.fromISO('2025-11-04T18:30:00+08:00', { setZone: true }),
        digest: { size: 3, hash: hashOf(file) }
      }
    }
  }
}

/** Keys whose first two characters put them in the same shard, and one in another. */
const [a, b, c] = ['aa' + '1'.repeat(62), 'aa' + '2'.repeat(62), 'bb' + '3'.repeat(62)]

/** A cache folder whose index holds entries `a` and `c`, in shards aa and bb. */
async function indexedFolder(): Promise<string> {
  const dir = await cacheFolder()
  await writeIndex(
    dir,
    new Map(),
    new Map([
      [a, entry('a')],
      [c, entry('c')]
    ])
  )
  return dir
}

describe('the cache index', () => {
  it('reads back what was written, dates included', async () => {
    expect(readIndex(await cacheFolder()).size).toBe(0)
    const dir = await indexedFolder()
    expect((await readdir(join(dir, 'index'))).sort()).toEqual(['aa.v8', 'bb.v8'])
    const index = readIndex(dir)
    expect([...index.keys()].sort()).toEqual([a, c])
    const record = index.get(a)?.brief?.value
    expect(record && 'lastmod' in record && record.lastmod?.toISO()).toBe(
      '2025-11-04T18:30:00.000+08:00'
    )
  })

  it('rewrites only the shards that changed, and removes one left empty', async () => {
    const dir = await indexedFolder()
    const first = readIndex(dir)
    const past = new Date('2025-01-01T00:00:00Z')
    for (const name of ['aa.v8', 'bb.v8']) await utimes(join(dir, 'index', name), past, past)
    // Same entries read back: nothing is written.
    await writeIndex(dir, first, new Map(first))
    expect((await stat(join(dir, 'index', 'aa.v8'))).mtime).toEqual(past)
    expect((await stat(join(dir, 'index', 'bb.v8'))).mtime).toEqual(past)
    // A new entry in shard aa, and shard bb's only entry gone.
    const firstA = first.get(a)
    if (firstA === undefined) throw new Error('entry a missing')
    await writeIndex(
      dir,
      first,
      new Map([
        [a, firstA],
        [b, entry('b')]
      ])
    )
    expect(await readdir(join(dir, 'index'))).toEqual(['aa.v8'])
    expect((await stat(join(dir, 'index', 'aa.v8'))).mtime).not.toEqual(past)
    expect([...readIndex(dir).keys()].sort()).toEqual([a, b])
  })

  it('skips a damaged shard and files that are not shards, and removes those on the next write', async () => {
    const dir = await indexedFolder()
    await writeFile(join(dir, 'index', 'aa.v8'), 'not v8 data')
    await writeFile(join(dir, 'index', '0.v8'), 'an older layout')
    const index = readIndex(dir)
    expect([...index.keys()]).toEqual([c])
    await writeIndex(
      dir,
      index,
      new Map([
        [a, entry('a')],
        [c, entry('c')]
      ])
    )
    expect((await readdir(join(dir, 'index'))).sort()).toEqual(['aa.v8', 'bb.v8'])
    expect([...readIndex(dir).keys()].sort()).toEqual([a, c])
  })

  it('drops a shard whose bytes were written over, the length unchanged, and never trusts its entries', async () => {
    const dir = await indexedFolder()
    const file = join(dir, 'index', 'aa.v8')
    const bytes = await readFile(file)
    // The path each entry's brief goes to, as v8 keeps it: one byte changed, still a valid shard.
    const at = bytes.indexOf('/a/')
    expect(at).toBeGreaterThan(-1)
    bytes.write('/x/', at)
    await writeFile(file, bytes)
    expect([...readIndex(dir).keys()]).toEqual([c])
  })

  it('removes a damaged shard no entry goes into any more', async () => {
    const dir = await indexedFolder()
    await writeFile(join(dir, 'index', 'aa.v8'), 'not v8 data')
    const index = readIndex(dir)
    await writeIndex(dir, index, new Map(index))
    expect(await readdir(join(dir, 'index'))).toEqual(['bb.v8'])
  })
})

describe('the index a build leaves', () => {
  it('holds every load, published or not, without its Markdown, and results in a pack, not a file per article', async () => {
    const root = await tempSite({
      'content/out.md': article('title: Out\ndate: 2025-11-04', 'Shares rose 7% on the day.\n'),
      'content/draft.md': article('title: Draft\ndate: 2025-11-04\ndraft: true'),
      'content/broken.md': article('title: Broken\ndate: not a date')
    })
    expect((await runCli(['build', '--root', root])).exit).toBe(2)
    const cache = join(root, 'node_modules', '.cache', 'factdesk')
    const loads = [...readIndex(cache).values()].map((indexed) => indexed.load)
    // The two that loaded by their titles, the broken one by its problem; no Markdown in any.
    expect(
      loads.map((load) => load.data?.frontmatter.title ?? load.problems[0]?.rule).sort()
    ).toEqual(['Draft', 'Out', 'frontmatter'])
    for (const load of loads) expect(Object.keys(load.data ?? {}).sort()).not.toContain('markdown')
    for (const load of loads) expect(JSON.stringify(load)).not.toContain('Shares rose')
    // Only the checked article has results, in a pack; there is no file per article.
    const withResults = [...readIndex(cache).values()].filter((entry) => entry.results)
    expect(withResults.map((entry) => entry.load.data?.frontmatter.title)).toEqual(['Out'])
    const names = await readdir(join(cache, 'results'))
    expect(names).toHaveLength(1)
    expect(names[0]).toMatch(/\.pack$/)
  })

  it('keeps the data files a checked article read instead of its fact-check panel', async () => {
    const root = await tempSite({
      'data/markets/btc.csv': 'date,close\n2025-11-04,7\n',
      'content/out.md': article(
        'title: Out\ndate: 2025-11-04\ndata:\n  btc: markets/btc.csv\nchecks:\n  - figure: "7%"\n    expr: btc.close["2025-11-04"]',
        'Shares rose 7% on the day.\n'
      )
    })
    const run = await runCli(['build', '--root', root])
    expect(run.exit, run.stderr).toBe(0)
    const [indexed, ...others] = (await readIndexOf(root)).values()
    expect(others).toEqual([])
    expect(Object.keys(indexed?.checked?.value.data ?? {})).not.toContain('panel')
    expect(indexed?.checked?.value.dataFiles).toEqual(['data/markets/btc.csv'])
  })
})
