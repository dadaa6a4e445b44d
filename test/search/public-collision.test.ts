/**
 * A file of `public/` inside the folders search writes whole (issue 19): the index `pagefind/`,
 * whose file names are known only once it is made, and the search page's `search/`. Either is a
 * `public-collision` input error at the public file's path, with the folder and its owner named,
 * and the previous output stays as it was; with `search: false` the names are the site's own.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import type { BuildResult } from '../../src/build.js'
import { treeDigest } from '../helpers/read-tree.js'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'

const now = DateTime.fromISO('2025-11-06T00:00:00Z', { zone: 'utc' })

async function site(search: boolean): Promise<string> {
  return tempSite({
    'data/site.yaml': `${siteYaml}search: ${search}\n`,
    'content/zebra.md': article('title: Zebra crossing opens\ndate: 2025-11-04', 'Stripes.\n')
  })
}

function built(root: string): Promise<BuildResult> {
  return build({ root, out: join(root, 'dist'), strict: false, drafts: false, now, write: true })
}

function collisions(result: BuildResult): { at: string; message: string }[] {
  return result.report.articles.flatMap((entry) =>
    entry.problems
      .filter((problem) => problem.rule === 'public-collision')
      .map((problem) => ({
        at: `${problem.file ?? entry.file}:${problem.line}:${problem.column} ${problem.severity}`,
        message: problem.message
      }))
  )
}

describe('a public file where search writes', () => {
  it.each([
    ['a file of the index, by name', 'public/pagefind/pagefind.js', 'the search index'],
    [
      'a file pagefind does not write, in its folder',
      'public/pagefind/mine.txt',
      'the search index'
    ],
    [
      'a file deep in the index, whatever its case',
      'public/PageFind/fragment/x.pf_fragment',
      'the search index'
    ],
    ['a file where the index folder goes', 'public/pagefind', 'the search index'],
    ['a file beside the search page', 'public/search/logo.png', 'the search page']
  ])(
    'is an input error at its path (%s), and the output stays as it was',
    async (_name, file, owner) => {
      const root = await site(true)
      expect((await built(root)).exit).toBe(0)
      const before = await treeDigest(join(root, 'dist'))
      await mkdir(join(root, file, '..'), { recursive: true })
      await writeFile(join(root, file), 'mine')
      const result = await built(root)
      expect(result.exit).toBe(2)
      const found = collisions(result)
      expect(found.map((problem) => problem.at)).toEqual([`${file}:1:1 error`])
      const folder = file.split('/')[1]
      expect(found[0]?.message).toBe(
        `${file} would be copied to ${file.slice('public/'.length)}, which collides with the folder ${folder?.toLowerCase()}/, which factdesk writes whole (${owner}); rename or move it in public/, or remove it`
      )
      expect(await treeDigest(join(root, 'dist'))).toBe(before)
    }
  )

  it('is the search page itself: named as the file it would replace', async () => {
    const root = await site(true)
    await mkdir(join(root, 'public', 'search'), { recursive: true })
    await writeFile(join(root, 'public', 'search', 'index.html'), 'mine')
    const result = await built(root)
    expect(result.exit).toBe(2)
    expect(collisions(result).map((problem) => problem.message)).toEqual([
      'public/search/index.html would be copied to search/index.html, which collides with search/index.html, which factdesk writes (the search page); rename or move it in public/, or remove it'
    ])
  })

  it('is the site’s own file with search: false, published as it is', async () => {
    const root = await site(false)
    await mkdir(join(root, 'public', 'pagefind'), { recursive: true })
    await writeFile(join(root, 'public', 'pagefind', 'pagefind.js'), 'mine')
    await mkdir(join(root, 'public', 'search'), { recursive: true })
    await writeFile(join(root, 'public', 'search', 'index.html'), 'mine too')
    const result = await built(root)
    expect(collisions(result)).toEqual([])
    expect(result.exit).toBe(0)
    expect(await readFile(join(root, 'dist', 'pagefind', 'pagefind.js'), 'utf8')).toBe('mine')
    expect(await readFile(join(root, 'dist', 'search', 'index.html'), 'utf8')).toBe('mine too')
  })
})
