/**
 * The page count check that keeps a builder which silently skipped pages from looking fast: the
 * expected counts follow the corpus, and factdesk's own rendering agrees with them.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { generateCorpus } from './generate-corpus.mjs'
import { countOutput, expectedFiles, readCorpusShape } from './page-count.mjs'
import type { CorpusShape } from './page-count.mjs'
import { tempSite } from '../helpers/temp-site.js'

const made: string[] = []

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })))
})

function article(frontmatter: string): string {
  return `---\ntitle: T\ndate: 2025-11-04T10:00:00+08:00\n${frontmatter}\n---\nBody.\n`
}

describe('readCorpusShape', () => {
  it('counts stories per listing: home, each section, each tag by its page slug', async () => {
    const root = await tempSite({
      'data/site.yaml': 'title: T\npage_size: 2\n',
      'content/a.md': article('section: markets\ntags: [Rates, bonds]\ndata: { x: m/x.csv }'),
      'content/b.md': article('section: markets\ntags: [rates]\ndata: { x: m/x.csv, y: m/y.csv }'),
      'content/c.md': article('tags: [bonds]')
    })
    expect(await readCorpusShape(root)).toEqual({
      articles: 3,
      // home 3; sections markets 2, news 1; tags rates 2 (Rates and rates share a page), bonds 2
      listingSizes: [3, 2, 1, 2, 2],
      dataFiles: 2,
      pageSize: 2
    })
  })
})

describe('expectedFiles', () => {
  const shape: CorpusShape = {
    articles: 45,
    listingSizes: [45, 20, 25, 3],
    dataFiles: 3,
    pageSize: 20
  }
  // listing pages: 3 + 1 + 2 + 1 = 7 across 4 listings
  const cases = [
    { builder: 'ours', html: 45 + 7 + 3, total: 45 + 7 + 3 + 10 + 3 },
    { builder: 'eleventy', html: 45 + 7 + 1, total: 45 + 7 + 1 + 2 },
    { builder: 'hugo', html: 45 + 7 + 1 + 4, total: 45 + 7 + 1 + 4 + 2 }
  ] as const

  for (const { builder, html, total } of cases) {
    it(`expects ${total} files (${html} HTML) from ${builder}`, () => {
      expect(expectedFiles(builder, shape)).toEqual({ html, total })
    })
  }

  it('gives an empty listing one page, as every builder writes it', () => {
    expect(
      expectedFiles('eleventy', { articles: 0, listingSizes: [0], dataFiles: 0, pageSize: 20 })
    ).toEqual({
      html: 2,
      total: 4
    })
  })

  it('matches the files factdesk renders for a generated corpus', async () => {
    const root = await mkdtemp(join(tmpdir(), 'factdesk-bench-count-'))
    made.push(root)
    await generateCorpus({ dir: root, articles: 30 })
    const result = await build({
      root,
      out: join(root, 'dist'),
      strict: false,
      drafts: false,
      now: DateTime.fromISO('2026-01-01T00:00:00Z'),
      write: false
    })
    // The search index is not counted (see `countOutput`).
    const files = result.files.filter((file) => !file.path.startsWith('pagefind/'))
    const html = files.filter((file) => file.path.endsWith('.html')).length
    // A written build adds its marker, `.factdesk-output.json`, to the rendered files.
    expect({ html, total: files.length + 1 }).toEqual(
      expectedFiles('ours', await readCorpusShape(root))
    )
  })
})

describe('countOutput', () => {
  it('counts HTML pages and all files, in nested folders too, but not the search index', async () => {
    const root = await tempSite({
      'index.html': '',
      'a/b/index.html': '',
      'feed.xml': '',
      'assets/s.css': '',
      'pagefind/pagefind.js': '',
      'pagefind/fragment/en_1.pf_fragment': ''
    })
    expect(await countOutput(root)).toEqual({ html: 2, total: 4 })
  })

  it('counts nothing for an output folder that was never written', async () => {
    expect(await countOutput(join(tmpdir(), 'factdesk-bench-count-never-written'))).toEqual({
      html: 0,
      total: 0
    })
  })
})
