/**
 * The floor build (issue 21 item 6) is a real build, not a timer: on a generated corpus it writes
 * one page per article, each with the article's title and body, tables included. Not timed.
 */
import { spawnSync } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import matter from 'gray-matter'
import { fromHtml } from 'hast-util-from-html'
import { select } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempFolders } from '../../helpers/temp-folders.js'
import { generateCorpus } from '../generate-corpus.mjs'
import { floorBuilder, floorExpectedFiles } from './floor-builder.mjs'

const tempFolder = tempFolders('bench-floor')
const articles = 20

/** Text as a reader sees it: Markdown links reduced to their words, whitespace collapsed. */
const plainText = (text: string) =>
  text
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()

describe('floor build', () => {
  let corpus = ''
  let out = ''
  let sources: string[] = []
  let exitCode: number | null = null
  let stderr = ''

  beforeAll(async () => {
    const work = await tempFolder()
    corpus = join(work, 'corpus')
    await generateCorpus({ dir: corpus, articles })
    const builder = floorBuilder({ corpus, work })
    out = builder.out
    const result = spawnSync(builder.command, builder.args, { encoding: 'utf8' })
    exitCode = result.status
    stderr = result.stderr
    sources = (await readdir(join(corpus, 'content'), { recursive: true }))
      .filter((path) => path.endsWith('.md'))
      .sort()
  }, 60_000)

  it('exits 0 and writes one HTML page per article, at the article path', async () => {
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(sources).toHaveLength(articles)
    const pages = (await readdir(out, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relative(out, join(entry.parentPath, entry.name)))
      .sort()
    expect(pages).toEqual(sources.map((path) => join(path.replace(/\.md$/, ''), 'index.html')))
    expect(floorExpectedFiles({ articles })).toEqual({ html: articles, total: articles })
  })

  it("puts each article's title, headings and paragraphs in its page", async () => {
    let tables = 0
    for (const source of sources) {
      const { data, content } = matter(await readFile(join(corpus, 'content', source), 'utf8'))
      const html = await readFile(join(out, source.replace(/\.md$/, ''), 'index.html'), 'utf8')
      const tree = fromHtml(html)
      expect(toString(select('title', tree) ?? tree)).toBe(data.title)
      expect(toString(select('h1', tree) ?? tree)).toBe(data.title)
      const page = plainText(toString(select('article', tree) ?? tree))
      const blocks = content.split(/\n{2,}/).filter((block) => !/^(\||- )/.test(block))
      for (const block of blocks) expect(page).toContain(plainText(block.replace(/^## /, '')))
      if (content.includes('\n| ')) {
        tables++
        expect(select('table td', tree)).toBeDefined()
      }
    }
    // The corpus puts a GFM table in every fifth article; the floor must parse it as a table.
    expect(tables).toBe(articles / 5)
  })
})
