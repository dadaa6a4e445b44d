/**
 * Filling the staging folder from whatever it holds: nothing, or an earlier build (the spare the
 * previous swap retired, or one a killed build left half-updated). It must end holding exactly
 * the new files, never write into a file it shares with the live output, and borrow unchanged
 * files from the live output as hard links.
 */
import {
  link,
  lstat,
  mkdir,
  readdir,
  readFile,
  stat,
  symlink,
  utimes,
  writeFile
} from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fillStaging, openStagingFolder } from '../../src/output/fill-staging.js'
import { contentDigest } from '../../src/output/content-digest.js'
import { readTree } from '../helpers/read-tree.js'
import { tempFolders } from '../helpers/temp-folders.js'
import type { OutputFile } from '../../src/types.js'

const tempFolder = tempFolders('fill')

async function folders(): Promise<{ staging: string; live: string }> {
  const dir = await tempFolder()
  const staging = join(dir, 'staging')
  const live = join(dir, 'live')
  await mkdir(live)
  return { staging, live }
}

/** Every entry under `dir`, files, folders and links alike, as sorted relative paths. */
async function entries(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map((name) => name.split('\\').join('/')).sort()
}

async function write(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true })
    await writeFile(join(dir, path), content)
  }
}

function asTree(files: readonly OutputFile[]): Map<string, Buffer> {
  return new Map(files.map((file) => [file.path, Buffer.from(file.content)]))
}

const site: OutputFile[] = [
  { path: 'index.html', content: 'home' },
  { path: '2025/11/04/story/index.html', content: 'story' },
  { path: 'feed.xml', content: new Uint8Array([60, 63, 120]) }
]

describe('fillStaging', () => {
  it('writes every file into an empty staging folder', async () => {
    const { staging, live } = await folders()
    fillStaging(staging, live, site)
    expect(await readTree(staging)).toEqual(asTree(site))
  })

  it('turns any earlier state into exactly the new files', async () => {
    const { staging, live } = await folders()
    await write(staging, {
      'index.html': 'old home',
      'feed.xml': '<?x',
      'gone/index.html': 'a page no longer built',
      '2025/11/04/story': 'a file where a folder belongs',
      'stale.txt': 'stale'
    })
    await mkdir(join(staging, 'feed.xml.d'))
    await symlink('/etc/passwd', join(staging, 'robots.txt'))
    // A page cut short by a killed build: same path, wrong bytes.
    await write(staging, { 'half.html': 'hal' })
    const files = [...site, { path: 'half.html', content: 'half a page, now whole' }]
    fillStaging(staging, live, files)
    expect(await readTree(staging)).toEqual(asTree(files))
    expect(await entries(staging)).toEqual([
      '2025',
      '2025/11',
      '2025/11/04',
      '2025/11/04/story',
      '2025/11/04/story/index.html',
      'feed.xml',
      'half.html',
      'index.html'
    ])
  })

  it('replaces a staging place that holds a file instead of a folder', async () => {
    const { staging, live } = await folders()
    await writeFile(staging, 'not a folder')
    fillStaging(staging, live, site)
    expect(await readTree(staging)).toEqual(asTree(site))
  })

  it('keeps a file that already holds the right bytes, modification time and all', async () => {
    const { staging, live } = await folders()
    await write(staging, { 'index.html': 'home' })
    const past = new Date('2025-01-01T00:00:00Z')
    await utimes(join(staging, 'index.html'), past, past)
    fillStaging(staging, live, site)
    expect((await stat(join(staging, 'index.html'))).mtime).toEqual(past)
  })

  it('links unchanged files from the live output and writes only the changed ones', async () => {
    const { staging, live } = await folders()
    await write(live, { 'index.html': 'home', '2025/11/04/story/index.html': 'the old story' })
    fillStaging(staging, live, site)
    const home = await stat(join(staging, 'index.html'))
    expect(home.ino).toBe((await stat(join(live, 'index.html'))).ino)
    expect((await stat(join(staging, '2025/11/04/story/index.html'))).ino).not.toBe(
      (await stat(join(live, '2025/11/04/story/index.html'))).ino
    )
    expect(await readTree(staging)).toEqual(asTree(site))
  })

  it('never writes into a file it shares with the live output', async () => {
    const { staging, live } = await folders()
    await write(live, { 'index.html': 'live home' })
    await mkdir(staging)
    // A spare whose page is a hard link to the live page, as an earlier build left it.
    await link(join(live, 'index.html'), join(staging, 'index.html'))
    fillStaging(staging, live, site)
    expect(await readFile(join(live, 'index.html'), 'utf8')).toBe('live home')
    expect(await readFile(join(staging, 'index.html'), 'utf8')).toBe('home')
  })

  it('does not borrow a live file that is a symbolic link, even one holding the right bytes', async () => {
    const { staging, live } = await folders()
    await write(live, { 'elsewhere.txt': 'home' })
    await symlink(join(live, 'elsewhere.txt'), join(live, 'index.html'))
    fillStaging(staging, live, site)
    expect((await lstat(join(staging, 'index.html'))).isSymbolicLink()).toBe(false)
    expect(await readFile(join(staging, 'index.html'), 'utf8')).toBe('home')
  })

  it('refuses an output path that leaves the folder before touching anything', async () => {
    const { staging, live } = await folders()
    await write(staging, { 'keep.html': 'kept' })
    expect(() =>
      fillStaging(staging, live, [...site, { path: '../out.html', content: 'x' }])
    ).toThrow(/leaves the output folder/)
    expect(await entries(staging)).toEqual(['keep.html'])
  })
})

describe('openStagingFolder', () => {
  const chunked = (path: string, text: string) => ({
    path,
    chunks: () => text.match(/.{1,7}/gs) ?? []
  })

  it('writes a file given in pieces, and keeps or links it when its bytes are already there', async () => {
    const { staging, live } = await folders()
    const big = 'x'.repeat(3 << 20) + 'end'
    await write(live, { 'factcheck.json': big })
    await write(staging, { 'kept.json': '{"same":1}' })
    const past = new Date('2025-01-01T00:00:00Z')
    await utimes(join(staging, 'kept.json'), past, past)
    const folder = openStagingFolder(staging, live)
    folder.put(chunked('factcheck.json', big))
    folder.put(chunked('kept.json', '{"same":1}'))
    folder.put(chunked('deep/new.json', '{"new":true}'))
    expect(folder.finish()).toBe(3)
    expect((await stat(join(staging, 'factcheck.json'))).ino).toBe(
      (await stat(join(live, 'factcheck.json'))).ino
    )
    expect((await stat(join(staging, 'kept.json'))).mtime).toEqual(past)
    expect(await readFile(join(staging, 'deep/new.json'), 'utf8')).toBe('{"new":true}')
    expect(await entries(staging)).toEqual(['deep', 'deep/new.json', 'factcheck.json', 'kept.json'])
  })

  it('replaces a file given in pieces whose bytes differ, without writing into the live file', async () => {
    const { staging, live } = await folders()
    await write(live, { 'factcheck.json': 'live report' })
    await mkdir(staging)
    await link(join(live, 'factcheck.json'), join(staging, 'factcheck.json'))
    const folder = openStagingFolder(staging, live)
    folder.put(chunked('factcheck.json', 'next report'))
    folder.finish()
    expect(await readFile(join(live, 'factcheck.json'), 'utf8')).toBe('live report')
    expect(await readFile(join(staging, 'factcheck.json'), 'utf8')).toBe('next report')
  })

  it('keeps a file by its digest from staging or the live output, and refuses when neither holds it', async () => {
    const { staging, live } = await folders()
    await write(live, {
      'a/index.html': 'page a',
      'b/index.html': 'page b',
      'c/index.html': 'old c'
    })
    await write(staging, {
      'a/index.html': 'page a',
      'b/index.html': 'stale b',
      'c/index.html': 'old c'
    })
    const past = new Date('2025-01-01T00:00:00Z')
    await utimes(join(staging, 'a/index.html'), past, past)
    const folder = openStagingFolder(staging, live)
    const digest = (text: string) => contentDigest(Buffer.from(text))
    expect(folder.keep('a/index.html', digest('page a'))).toBe(true)
    expect(folder.keep('b/index.html', digest('page b'))).toBe(true)
    expect(folder.keep('c/index.html', digest('new c'))).toBe(false)
    // Same size, other bytes: the hash decides.
    expect(folder.keep('d/index.html', digest('page d'))).toBe(false)
    folder.put({ path: 'c/index.html', content: 'new c' })
    expect(() => folder.keep('a/index.html', digest('page a'))).toThrow(/written twice/)
    expect(folder.finish()).toBe(3)
    expect((await stat(join(staging, 'a/index.html'))).mtime).toEqual(past)
    expect((await stat(join(staging, 'b/index.html'))).ino).toBe(
      (await stat(join(live, 'b/index.html'))).ino
    )
    expect(await readFile(join(staging, 'c/index.html'), 'utf8')).toBe('new c')
    expect(await readFile(join(live, 'c/index.html'), 'utf8')).toBe('old c')
    expect(await entries(staging)).toEqual([
      'a',
      'a/index.html',
      'b',
      'b/index.html',
      'c',
      'c/index.html'
    ])
  })

  it('refuses a path put twice', async () => {
    const { staging, live } = await folders()
    const folder = openStagingFolder(staging, live)
    folder.put({ path: 'a.html', content: 'a' })
    expect(() => folder.put({ path: './a.html', content: 'b' })).toThrow(/written twice/)
  })
})
