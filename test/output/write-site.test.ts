import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openOutput, safeJoin, writeSite } from '../../src/output/write-site.js'
import { readTree } from '../helpers/read-tree.js'
import { tempFolders } from '../helpers/temp-folders.js'
import { markerName } from '../../src/output/output-marker.js'
import { retiredName, stagingName } from '../../src/output/staging-names.js'

/** The site's files in `out`, without the marker recording them (see output-marker.ts). */
async function pages(out: string): Promise<Map<string, Buffer>> {
  const tree = await readTree(out)
  tree.delete(markerName)
  return tree
}

const parent = tempFolders('write')

describe('writeSite', () => {
  it('replaces the whole previous output, leaving no stale file behind', async () => {
    const dir = await parent()
    const out = join(dir, 'dist')
    await writeSite(out, [
      { path: 'index.html', content: 'one' },
      { path: 'old/index.html', content: 'old' }
    ])
    await writeSite(out, [{ path: 'index.html', content: 'two' }])
    expect([...(await pages(out)).keys()]).toEqual(['index.html'])
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('two')
    expect(await readdir(dir)).toEqual(['dist'])
  })

  it('leaves the previous output untouched when writing fails part-way', async () => {
    const dir = await parent()
    const out = join(dir, 'dist')
    await writeSite(out, [{ path: 'index.html', content: 'good' }])
    const before = await pages(out)
    await expect(
      writeSite(out, [
        { path: 'a.html', content: 'x' },
        { path: '../escape.html', content: 'x' }
      ])
    ).rejects.toThrow(/leaves the output folder/)
    expect(await pages(out)).toEqual(before)
    expect(await readdir(dir)).toEqual(['dist'])
  })

  it('cleans staging folders left by a killed build and restores an output retired mid-swap', async () => {
    const dir = await parent()
    const out = join(dir, 'dist')
    const staging = stagingName(out)
    const retired = retiredName(out)
    await mkdir(join(dir, staging), { recursive: true })
    await mkdir(join(dir, retired), { recursive: true })
    await writeFile(join(dir, retired, 'index.html'), 'previous')
    await writeSite(out, [{ path: 'index.html', content: 'next' }])
    expect(await readdir(dir)).toEqual(['dist'])
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('next')
  })

  it('lets two writers on one folder take turns instead of interleaving', async () => {
    const dir = await parent()
    const out = join(dir, 'dist')
    const many = (tag: string) =>
      Array.from({ length: 200 }, (_, i) => ({ path: `p/${i}.html`, content: tag }))
    await Promise.all([writeSite(out, many('a')), writeSite(out, many('b'))])
    const contents = new Set([...(await pages(out)).values()].map((buffer) => buffer.toString()))
    expect(contents.size).toBe(1)
  })

  it('refuses output paths that would leave the output folder', () => {
    expect(() => safeJoin('/tmp/out', '../x')).toThrow(TypeError)
    expect(() => safeJoin('/tmp/out', '/etc/passwd')).toThrow(TypeError)
    expect(safeJoin('/tmp/out', 'a/b.html')).toBe('/tmp/out/a/b.html')
  })

  it('keeps the retired output as a spare and brings it up to date on the next build', async () => {
    const dir = await parent()
    const out = join(dir, 'dist')
    const spare = join(dir, 'cache', 'output', 'dist')
    const edition = (tag: string) => [
      { path: 'index.html', content: `home ${tag}` },
      { path: 'same/index.html', content: 'unchanged' },
      { path: `only-${tag}/index.html`, content: tag }
    ]
    await writeSite(out, edition('a'), { spare })
    await writeSite(out, edition('b'), { spare })
    expect([...(await pages(spare)).keys()]).toEqual([
      'index.html',
      'only-a/index.html',
      'same/index.html'
    ])
    await writeSite(out, edition('c'), { spare })
    expect(await pages(out)).toEqual(
      new Map(edition('c').map((file) => [file.path, Buffer.from(file.content)]))
    )
    expect(await pages(spare)).toEqual(
      new Map(edition('b').map((file) => [file.path, Buffer.from(file.content)]))
    )
    expect(await readdir(dir)).toEqual(['cache', 'dist'])
  })

  it('writes in full when the spare is missing or damaged', async () => {
    const dir = await parent()
    const out = join(dir, 'dist')
    const spare = join(dir, 'spare')
    await writeSite(out, [{ path: 'index.html', content: 'one' }], { spare })
    await writeSite(out, [{ path: 'index.html', content: 'two' }], { spare })
    await writeFile(join(spare, 'index.html'), 'tampered')
    await mkdir(join(spare, 'junk'))
    await writeSite(out, [{ path: 'index.html', content: 'three' }], { spare })
    expect([...(await pages(out)).entries()]).toEqual([['index.html', Buffer.from('three')]])
    expect((await readdir(out)).sort()).toEqual([markerName, 'index.html'].sort())
  })
})

describe('openOutput', () => {
  it('stages files as they come and shows none of them until the commit', async () => {
    const dir = await parent()
    const out = join(dir, 'dist')
    await writeSite(out, [{ path: 'index.html', content: 'before' }])
    const writer = await openOutput(out)
    writer.put({ path: '2025/11/04/story/index.html', content: 'story' })
    writer.put({ path: 'index.html', content: 'after' })
    expect(await pages(out)).toEqual(new Map([['index.html', Buffer.from('before')]]))
    expect(await writer.commit()).toBe(2)
    expect(await pages(out)).toEqual(
      new Map([
        ['2025/11/04/story/index.html', Buffer.from('story')],
        ['index.html', Buffer.from('after')]
      ])
    )
    expect(await readdir(dir)).toEqual(['dist'])
  })

  it('leaves the output as it was on abandon, and the staged files serve as the next spare', async () => {
    const dir = await parent()
    const out = join(dir, 'dist')
    const spare = join(dir, 'spare')
    await writeSite(out, [{ path: 'index.html', content: 'published' }], { spare })
    const writer = await openOutput(out, { spare })
    writer.put({ path: 'index.html', content: 'failed build' })
    await writer.abandon()
    expect(await pages(out)).toEqual(new Map([['index.html', Buffer.from('published')]]))
    expect(await pages(spare)).toEqual(new Map([['index.html', Buffer.from('failed build')]]))
    await expect(writer.commit()).rejects.toThrow(/already committed or abandoned/)
    await writer.abandon()
    await writeSite(out, [{ path: 'index.html', content: 'fixed' }], { spare })
    expect(await pages(out)).toEqual(new Map([['index.html', Buffer.from('fixed')]]))
    expect(await readdir(dir)).toEqual(['dist', 'spare'])
  })

  it('holds the output folder from open to commit: a second writer waits its turn', async () => {
    const dir = await parent()
    const out = join(dir, 'dist')
    const first = await openOutput(out)
    first.put({ path: 'index.html', content: 'first' })
    let secondOpened = false
    const second = openOutput(out).then((writer) => {
      secondOpened = true
      return writer
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(secondOpened).toBe(false)
    await first.commit()
    const writer = await second
    writer.put({ path: 'index.html', content: 'second' })
    await writer.commit()
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('second')
  })
})
