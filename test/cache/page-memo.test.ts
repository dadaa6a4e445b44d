import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openPageMemo } from '../../src/cache/page-memo.js'
import { tempFolders } from '../helpers/temp-folders.js'

const cacheFolder = tempFolders('memo')

const digest = { size: 3, hash: 'a'.repeat(64) }

describe('the page memo', () => {
  it('knows a digest under the key it was recorded with only, and keeps it for the next build', async () => {
    const dir = await cacheFolder()
    const memo = openPageMemo(dir)
    expect(memo.known('factcheck.json', 'k1')).toBeUndefined()
    memo.record('factcheck.json', 'k1', digest)
    await memo.save()
    const next = openPageMemo(dir)
    expect(next.known('factcheck.json', 'k1')).toEqual(digest)
    expect(next.known('factcheck.json', 'k2')).toBeUndefined()
    expect(next.known('factcheck/index.html', 'k1')).toBeUndefined()
    // Nothing changed: nothing written.
    const written = (await stat(join(dir, 'pages.v8'))).mtimeMs
    next.record('factcheck.json', 'k1', digest)
    await new Promise((resolve) => setTimeout(resolve, 20))
    await next.save()
    expect((await stat(join(dir, 'pages.v8'))).mtimeMs).toBe(written)
  })

  it('forgets a page no build asks about any more', async () => {
    const dir = await cacheFolder()
    const first = openPageMemo(dir)
    first.record('page/9/index.html', 'k1', digest)
    first.record('index.html', 'k1', digest)
    await first.save()
    const second = openPageMemo(dir)
    expect(second.known('index.html', 'k1')).toEqual(digest)
    await second.save()
    const third = openPageMemo(dir)
    expect(third.known('page/9/index.html', 'k1')).toBeUndefined()
    expect(third.known('index.html', 'k1')).toEqual(digest)
  })

  it('knows nothing without a cache folder, or from a damaged file', async () => {
    const none = openPageMemo(undefined)
    none.record('factcheck.json', 'k1', digest)
    expect(none.known('factcheck.json', 'k1')).toBeUndefined()
    await none.save()
    const dir = await cacheFolder()
    await writeFile(join(dir, 'pages.v8'), 'damaged')
    expect(openPageMemo(dir).known('factcheck.json', 'k1')).toBeUndefined()
  })

  it('knows nothing from a memo whose bytes were written over, the length unchanged', async () => {
    const dir = await cacheFolder()
    const memo = openPageMemo(dir)
    memo.record('factcheck.json', 'k1', digest)
    await memo.save()
    const bytes = await readFile(join(dir, 'pages.v8'))
    const at = bytes.indexOf('factcheck.json')
    expect(at).toBeGreaterThan(-1)
    bytes.write('factcheck.html', at)
    await writeFile(join(dir, 'pages.v8'), bytes)
    expect(openPageMemo(dir).known('factcheck.html', 'k1')).toBeUndefined()
    expect(openPageMemo(dir).known('factcheck.json', 'k1')).toBeUndefined()
  })
})
