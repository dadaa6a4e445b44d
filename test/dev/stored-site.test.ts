/**
 * The site kept in the cache for the next start (`stored-site.ts`) and the stamps it is kept
 * under (`input-stamps.ts`): what is read back is what was kept, or nothing; no damaged byte is
 * ever served.
 */
import { mkdir, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inputStamps, sameStamps } from '../../src/dev/input-stamps.js'
import { loadStoredSite } from '../../src/dev/load-stored-site.js'
import { storeSite } from '../../src/dev/stored-site.js'
import { tempSite } from '../helpers/temp-site.js'
import type { KnownContents, SiteToStore } from '../../src/dev/stored-site.js'
import type { LocatedProblem } from '../../src/dev/overlay.js'

const problem: LocatedProblem = {
  file: 'content/a.md',
  article: 'content/a.md',
  line: 3,
  column: 5,
  severity: 'error',
  rule: 'figure-contradicted',
  message: 'the figure says 7%, the data 6.2%'
}

const served: SiteToStore = {
  files: new Map<string, string | Uint8Array | (() => string)>([
    ['index.html', '<p>Home – “quoted”</p>'],
    ['img/a.png', new Uint8Array([0, 1, 2, 255])],
    ['factcheck.json', () => '{"made":"later"}']
  ]),
  pages: new Map([['content/a.md', 'a/index.html']]),
  kept: new Set(['b/index.html']),
  base: '/news/',
  exit: 1,
  problems: [problem]
}

async function keptIn(): Promise<{ root: string; cache: string }> {
  const root = await tempSite({ 'content/a.md': '# a\n', 'data/site.yaml': 'title: x\n' })
  const cache = join(root, 'cache')
  const stamps = inputStamps(root) ?? []
  expect(await storeSite(cache, 'key', stamps, served)).toBe(true)
  return { root, cache }
}

function text(bytes: Uint8Array | undefined): string {
  return Buffer.from(bytes ?? []).toString('utf8')
}

describe('the kept site', () => {
  it('reads back every file kept, its pages, exit and problems; files made later are left out', async () => {
    const { root, cache } = await keptIn()
    const stored = loadStoredSite(cache, 'key', inputStamps(root) ?? [])
    expect(stored).toBeDefined()
    expect([...(stored?.files.keys() ?? [])].sort()).toEqual(['img/a.png', 'index.html'])
    expect(text(stored?.files.get('index.html')?.())).toBe('<p>Home – “quoted”</p>')
    expect([...(stored?.files.get('img/a.png')?.() ?? [])]).toEqual([0, 1, 2, 255])
    expect(stored?.pages).toEqual(served.pages)
    expect(stored?.kept).toEqual(served.kept)
    expect(stored?.base).toBe('/news/')
    expect(stored?.exit).toBe(1)
    expect(stored?.problems()).toEqual([problem])
  })

  it('is not read under another key or other stamps', async () => {
    const { root, cache } = await keptIn()
    expect(loadStoredSite(cache, 'other key', inputStamps(root) ?? [])).toBeUndefined()
    await writeFile(join(root, 'content/a.md'), '# a, edited\n')
    expect(loadStoredSite(cache, 'key', inputStamps(root) ?? [])).toBeUndefined()
  })

  it('never serves a byte that is not what was kept', async () => {
    const { root, cache } = await keptIn()
    const folder = join(cache, 'dev-site')
    const [bin] = (await readdir(folder)).filter((name) => name.endsWith('.bin'))
    const binFile = join(folder, bin ?? '')
    const bytes = await readFile(binFile)
    bytes[2] = bytes[2] === 0x41 ? 0x42 : 0x41
    await writeFile(binFile, bytes)
    const stored = loadStoredSite(cache, 'key', inputStamps(root) ?? [])
    expect(() => stored?.files.get('index.html')?.()).toThrow(/kept copy of index.html is damaged/)
    // A bin cut short is not opened at all.
    await writeFile(binFile, bytes.subarray(0, 4))
    expect(loadStoredSite(cache, 'key', inputStamps(root) ?? [])).toBeUndefined()
  })

  it('is not read when its list is damaged', async () => {
    const { root, cache } = await keptIn()
    const list = join(cache, 'dev-site', 'site.sealed')
    const bytes = await readFile(list)
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 1
    await writeFile(list, bytes)
    expect(loadStoredSite(cache, 'key', inputStamps(root) ?? [])).toBeUndefined()
  })

  it('writes again only the files that changed, and keeps only the bins its list names', async () => {
    const { root, cache } = await keptIn()
    const folder = join(cache, 'dev-site')
    const bins = async (): Promise<string[]> =>
      (await readdir(folder)).filter((name) => name.endsWith('.bin')).sort()
    const [first] = await bins()
    // The same site again: nothing is written, the one bin stays.
    expect(await storeSite(cache, 'key', inputStamps(root) ?? [], served)).toBe(true)
    expect(await bins()).toEqual([first])
    // A large site with one page changed: one more bin, holding that page alone.
    const large = new Map(served.files)
    for (let n = 0; n < 20; n++) large.set(`page-${n}.html`, `<p>${'story '.repeat(200)}${n}</p>`)
    expect(
      await storeSite(cache, 'key', inputStamps(root) ?? [], { ...served, files: large })
    ).toBe(true)
    const before = await bins()
    expect(before).toHaveLength(2)
    large.set('page-3.html', '<p>edited</p>')
    expect(
      await storeSite(cache, 'key', inputStamps(root) ?? [], { ...served, files: large })
    ).toBe(true)
    const now = await bins()
    expect(now).toHaveLength(3)
    const added = now.find((name) => !before.includes(name)) ?? ''
    expect((await stat(join(folder, added))).size).toBe('<p>edited</p>'.length)
    const stored = loadStoredSite(cache, 'key', inputStamps(root) ?? [])
    expect(text(stored?.files.get('page-3.html')?.())).toBe('<p>edited</p>')
    expect(text(stored?.files.get('page-4.html')?.())).toBe(`<p>${'story '.repeat(200)}4</p>`)
    expect(stored?.problems()).toEqual([problem])
  })

  it('takes the digests of contents it hashed before only for those very contents', async () => {
    const { root, cache } = await keptIn()
    const known: KnownContents = new Map()
    const files = new Map(served.files)
    expect(
      await storeSite(cache, 'key', inputStamps(root) ?? [], { ...served, files }, known)
    ).toBe(true)
    expect(known.get('index.html')?.content).toBe(served.files.get('index.html'))
    files.set('index.html', '<p>Home, edited</p>')
    expect(
      await storeSite(cache, 'key', inputStamps(root) ?? [], { ...served, files }, known)
    ).toBe(true)
    const stored = loadStoredSite(cache, 'key', inputStamps(root) ?? [])
    expect(text(stored?.files.get('index.html')?.())).toBe('<p>Home, edited</p>')
    expect([...(stored?.files.get('img/a.png')?.() ?? [])]).toEqual([0, 1, 2, 255])
  })

  it('writes a bin anew once less than half of it is still named', async () => {
    const { root, cache } = await keptIn()
    const folder = join(cache, 'dev-site')
    const bins = async (): Promise<string[]> =>
      (await readdir(folder)).filter((name) => name.endsWith('.bin'))
    const files = new Map(served.files)
    files.set('big.html', 'x'.repeat(15_000))
    files.set('small.html', 'z'.repeat(5_000))
    expect(await storeSite(cache, 'key', inputStamps(root) ?? [], { ...served, files })).toBe(true)
    const before = await bins()
    expect(before).toHaveLength(2)
    // A quarter of the bin of big.html and small.html is still named: both go to a new one.
    files.set('big.html', 'y'.repeat(15_000))
    expect(await storeSite(cache, 'key', inputStamps(root) ?? [], { ...served, files })).toBe(true)
    const now = await bins()
    expect(now).toHaveLength(2)
    const added = now.find((name) => !before.includes(name)) ?? ''
    expect((await stat(join(folder, added))).size).toBe(20_000)
    const stored = loadStoredSite(cache, 'key', inputStamps(root) ?? [])
    expect(text(stored?.files.get('big.html')?.())).toBe('y'.repeat(15_000))
    expect(text(stored?.files.get('small.html')?.())).toBe('z'.repeat(5_000))
    expect(text(stored?.files.get('index.html')?.())).toBe('<p>Home – “quoted”</p>')
  })
})

describe('input stamps', () => {
  it('tell an edit, an added file and a removed one from no change', async () => {
    const root = await tempSite({ 'content/a.md': '# a\n', 'templates/page.hbs': '{{x}}' })
    const first = inputStamps(root) ?? []
    expect(first.map(([path]) => path)).toEqual(['content/a.md', 'templates/page.hbs'])
    expect(sameStamps(first, inputStamps(root) ?? [])).toBe(true)
    await writeFile(join(root, 'content/a.md'), '# a, longer\n')
    const edited = inputStamps(root) ?? []
    expect(sameStamps(first, edited)).toBe(false)
    await mkdir(join(root, 'public'))
    await writeFile(join(root, 'public/robots.txt'), 'x')
    expect(sameStamps(edited, inputStamps(root) ?? [])).toBe(false)
    const added = inputStamps(root) ?? []
    await rm(join(root, 'public/robots.txt'))
    expect(sameStamps(added, inputStamps(root) ?? [])).toBe(false)
  })

  it('give up on a link to a folder, whose files may lie anywhere', async () => {
    const root = await tempSite({ 'content/a.md': '# a\n', 'elsewhere/b.md': '# b\n' })
    await symlink(join(root, 'elsewhere'), join(root, 'content/linked'))
    expect(inputStamps(root)).toBeUndefined()
  })
})
