/**
 * How the benchmark makes a builder cold: its output and caches are moved aside, never deleted
 * right before the build (see `setAside`), and nothing of them stays where the builder looks.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempFolders } from '../helpers/temp-folders.js'
import { setAside, setAsideFolder } from './builders.mjs'

const workFolder = tempFolders('bench-aside')

describe('setAside', () => {
  it('moves a folder with its files under the set-aside folder, leaving its place empty', async () => {
    const work = await workFolder()
    const out = join(work, 'out')
    await mkdir(join(out, 'a'), { recursive: true })
    await writeFile(join(out, 'a', 'index.html'), 'page')

    await setAside(out, work)

    expect(existsSync(out)).toBe(false)
    const [moved, ...more] = await readdir(setAsideFolder(work))
    expect(more).toEqual([])
    expect(await readFile(join(setAsideFolder(work), moved ?? '', 'a', 'index.html'), 'utf8')).toBe(
      'page'
    )
  })

  it('keeps every folder set aside apart, even the same path twice', async () => {
    const work = await workFolder()
    const out = join(work, 'out')
    for (const content of ['first', 'second']) {
      await mkdir(out, { recursive: true })
      await writeFile(join(out, 'f.txt'), content)
      await setAside(out, work)
    }
    const moved = await readdir(setAsideFolder(work))
    const contents = await Promise.all(
      moved.map((name) => readFile(join(setAsideFolder(work), name, 'f.txt'), 'utf8'))
    )
    expect(contents.sort()).toEqual(['first', 'second'])
  })

  it('does nothing for a folder that is not there', async () => {
    const work = await workFolder()
    await setAside(join(work, 'never-built'), work)
    expect(await readdir(setAsideFolder(work))).toEqual([])
  })
})
