import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { safeJoin, writeSite } from '../../src/output/write-site.js'
import { readTree } from '../helpers/read-tree.js'

async function parent(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'factdesk-write-'))
}

describe('writeSite', () => {
  it('replaces the whole previous output, leaving no stale file behind', async () => {
    const dir = await parent()
    const out = join(dir, 'dist')
    await writeSite(out, [{ path: 'index.html', content: 'one' }, { path: 'old/index.html', content: 'old' }])
    await writeSite(out, [{ path: 'index.html', content: 'two' }])
    expect([...(await readTree(out)).keys()]).toEqual(['index.html'])
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('two')
    expect(await readdir(dir)).toEqual(['dist'])
  })

  it('leaves the previous output untouched when writing fails part-way', async () => {
    const dir = await parent()
    const out = join(dir, 'dist')
    await writeSite(out, [{ path: 'index.html', content: 'good' }])
    const before = await readTree(out)
    await expect(writeSite(out, [{ path: 'a.html', content: 'x' }, { path: '../escape.html', content: 'x' }])).rejects.toThrow(/leaves the output folder/)
    expect(await readTree(out)).toEqual(before)
    expect(await readdir(dir)).toEqual(['dist'])
  })

  it('cleans staging folders left by a killed build and restores an output retired mid-swap', async () => {
    const dir = await parent()
    const out = join(dir, 'dist')
    await mkdir(join(dir, '.factdesk-staging-dist-1-1'), { recursive: true })
    await mkdir(join(dir, '.factdesk-retired-dist-1-1'), { recursive: true })
    await writeFile(join(dir, '.factdesk-retired-dist-1-1', 'index.html'), 'previous')
    await writeSite(out, [{ path: 'index.html', content: 'next' }])
    expect(await readdir(dir)).toEqual(['dist'])
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('next')
  })

  it('lets two writers on one folder take turns instead of interleaving', async () => {
    const dir = await parent()
    const out = join(dir, 'dist')
    const many = (tag: string) => Array.from({ length: 200 }, (_, i) => ({ path: `p/${i}.html`, content: tag }))
    await Promise.all([writeSite(out, many('a')), writeSite(out, many('b'))])
    const contents = new Set([...(await readTree(out)).values()].map((buffer) => buffer.toString()))
    expect(contents.size).toBe(1)
  })

  it('refuses output paths that would leave the output folder', () => {
    expect(() => safeJoin('/tmp/out', '../x')).toThrow(TypeError)
    expect(() => safeJoin('/tmp/out', '/etc/passwd')).toThrow(TypeError)
    expect(safeJoin('/tmp/out', 'a/b.html')).toBe('/tmp/out/a/b.html')
  })
})
