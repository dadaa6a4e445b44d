import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readArticles } from '../../src/content/load-article.js'
import { tempFolders } from '../helpers/temp-folders.js'

const siteFolder = tempFolders('read')

describe('readArticles', () => {
  it('reads every file in order, and names the ones it cannot read without stopping', async () => {
    const root = await siteFolder()
    await mkdir(join(root, 'content', 'folder.md'), { recursive: true })
    // More files than one slice, so the reads cross a turn of the event loop.
    const names = Array.from({ length: 600 }, (_, index) => `content/a-${index}.md`)
    for (const name of names) await writeFile(join(root, name), name)
    const files = [names[0] ?? '', 'content/missing.md', ...names.slice(1), 'content/folder.md']
    const read = await readArticles(root, files)
    expect(read).toHaveLength(files.length)
    expect(Buffer.from(read[0] as Uint8Array).toString()).toBe('content/a-0.md')
    expect(Buffer.from(read[600] as Uint8Array).toString()).toBe('content/a-599.md')
    for (const index of [1, 601]) {
      expect(read[index]).toMatchObject({
        severity: 'error',
        line: 1,
        column: 1,
        rule: 'article-unreadable',
        message: expect.stringMatching(/^cannot read the file: /)
      })
    }
  })
})
