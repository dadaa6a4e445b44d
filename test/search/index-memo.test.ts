/**
 * The search index remembered between builds (issue 19): a build whose briefs did not change
 * keeps the index files the output holds, verified by digest, without running pagefind; an edit
 * makes it again; a damaged memo or an index file changed in the output is never trusted.
 */
import { gunzipSync } from 'node:zlib'
import { appendFile, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import * as pagefind from 'pagefind'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { build } from '../../src/build.js'
import { readTree, treeDigest } from '../helpers/read-tree.js'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'

vi.mock('pagefind', async (importOriginal) => {
  const real = await importOriginal<typeof pagefind>()
  return { ...real, createIndex: vi.fn(real.createIndex) }
})

const now = DateTime.fromISO('2025-11-06T00:00:00Z', { zone: 'utc' })

async function site(): Promise<string> {
  return tempSite({
    'data/site.yaml': `${siteYaml}search: true\n`,
    'content/zebra.md': article('title: Zebra crossing opens\ndate: 2025-11-04', 'Stripes.\n'),
    'content/quiet.md': article('title: A quiet day\ndate: 2025-11-05')
  })
}

async function built(root: string): Promise<void> {
  const result = await build({
    root,
    out: join(root, 'dist'),
    strict: false,
    drafts: false,
    now,
    write: true,
    cacheDir: join(root, 'node_modules', '.cache', 'factdesk')
  })
  expect(result.exit).toBe(0)
}

/** How often pagefind was started since the test began. */
const indexings = (): number => vi.mocked(pagefind.createIndex).mock.calls.length

/** The text of every fragment of the index in `dist`, one per brief. */
async function indexedText(root: string): Promise<string> {
  const folder = join(root, 'dist', 'pagefind', 'fragment')
  const names = await readdir(folder)
  const texts = await Promise.all(
    names.map(async (name) => gunzipSync(await readFile(join(folder, name))).toString('utf8'))
  )
  return texts.join('\n')
}

async function indexTree(root: string): Promise<Map<string, Buffer>> {
  return readTree(join(root, 'dist', 'pagefind'))
}

beforeEach(() => {
  vi.mocked(pagefind.createIndex).mockClear()
})

describe('the search index between builds', () => {
  it('is kept as the output holds it when no brief changed: pagefind does not run', async () => {
    const root = await site()
    await built(root)
    expect(indexings()).toBe(1)
    const before = await treeDigest(join(root, 'dist'))
    await built(root)
    expect(indexings()).toBe(1)
    expect(await treeDigest(join(root, 'dist'))).toBe(before)
  })

  it('holds what the search page loads, and not the interfaces it does not', async () => {
    const root = await site()
    await built(root)
    const names = [...(await indexTree(root)).keys()]
    expect(names).toEqual(
      expect.arrayContaining([
        'pagefind-ui.js',
        'pagefind-ui.css',
        'pagefind.js',
        'wasm.en.pagefind'
      ])
    )
    expect(names.filter((name) => /component|modular|highlight/.test(name))).toEqual([])
  })

  it('is made again when a brief changed, with the new words', async () => {
    const root = await site()
    await built(root)
    await appendFile(join(root, 'content', 'zebra.md'), '\nWapenamanda residents agreed.\n')
    await built(root)
    expect(indexings()).toBe(2)
    expect(await indexedText(root)).toContain('Wapenamanda')
  })

  it('holds the story, not the line counting its checks nor its legend', async () => {
    const root = await tempSite({
      'data/site.yaml': `${siteYaml}search: true\n`,
      'data/prices.csv': 'date,close\n2025-11-03,100\n2025-11-04,104\n',
      'content/harbour.md': article(
        'title: Harbour Line shares\ndate: 2025-11-04\ndata:\n  px: prices.csv\n' +
          'checks:\n  - figure: "$104"\n    expr: px.close["2025-11-04"]',
        'Harbour Line shares closed at $104 on Tuesday.\n'
      )
    })
    await built(root)
    const text = await indexedText(root)
    expect(text).toContain('closed at $104')
    expect(text).not.toMatch(/checked against our data|Marked figures|Matches our data/)
  })

  it('is made again, the same, when the memo in the cache is damaged', async () => {
    const root = await site()
    await built(root)
    const index = await indexTree(root)
    const memo = join(root, 'node_modules', '.cache', 'factdesk', 'search.v8')
    const bytes = await readFile(memo)
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1)
    await writeFile(memo, bytes)
    await built(root)
    expect(indexings()).toBe(2)
    expect(await indexTree(root)).toEqual(index)
  })

  it('is written again where a file of it was changed in the output', async () => {
    const root = await site()
    await built(root)
    const index = await indexTree(root)
    await writeFile(join(root, 'dist', 'pagefind', 'pagefind-entry.json'), '{"changed":true}')
    await built(root)
    expect(await indexTree(root)).toEqual(index)
  })

  it('is kept when the pages change around unchanged stories', async () => {
    const root = await site()
    await built(root)
    const index = await indexTree(root)
    const brief = join(root, 'dist', '2025', '11', '04', 'zebra', 'index.html')
    const before = await readFile(brief, 'utf8')
    await appendFile(join(root, 'data', 'site.yaml'), 'description: Every figure checked.\n')
    await built(root)
    expect(await readFile(brief, 'utf8')).not.toBe(before)
    expect(indexings()).toBe(1)
    expect(await indexTree(root)).toEqual(index)
  })

  it('is made again when the site’s base changes its result links', async () => {
    const root = await site()
    await built(root)
    await appendFile(join(root, 'data', 'site.yaml'), 'base: /news/\n')
    await built(root)
    expect(indexings()).toBe(2)
    expect(await indexedText(root)).toContain('/news/2025/11/04/zebra/')
  })
})
