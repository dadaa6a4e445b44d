/**
 * The benchmark's synthetic newsroom: deterministic, shaped as issue 5 asks, and correct, meaning
 * factdesk itself verifies every check and fails none of them.
 */
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { tempFolders } from '../helpers/temp-folders.js'
import { generateCorpus } from './generate-corpus.mjs'
import { listArticles, readFrontmatter } from './page-count.mjs'

const tempFolder = tempFolders('bench-test')
let corpus = ''

beforeAll(async () => {
  corpus = await freshCorpus(25)
})

async function freshCorpus(articles: number, seed?: number): Promise<string> {
  const dir = await tempFolder()
  await generateCorpus(seed === undefined ? { dir, articles } : { dir, articles, seed })
  return dir
}

/** Every file of a folder, by relative path. */
async function filesOf(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = new Map<string, string>()
  for (const entry of entries.filter((item) => item.isFile())) {
    const path = join(entry.parentPath, entry.name)
    files.set(path.slice(dir.length), await readFile(path, 'utf8'))
  }
  return files
}

/** The article's body: what follows the frontmatter. */
function bodyOf(markdown: string): string {
  return markdown.replace(/^---\n[\s\S]*?\n---\n/, '')
}

describe('generateCorpus', () => {
  it('writes byte-identical files for the same seed and article count', async () => {
    const again = await freshCorpus(25)
    expect(await filesOf(again)).toEqual(await filesOf(corpus))
  })

  it('writes a different newsroom for another seed', async () => {
    const other = await freshCorpus(25, 7)
    expect(await filesOf(other)).not.toEqual(await filesOf(corpus))
  })

  it('writes the requested number of articles, each about 5-6 KB of Markdown', async () => {
    const files = await listArticles(corpus)
    expect(files).toHaveLength(25)
    const sizes = await Promise.all(files.map(async (file) => (await readFile(file)).byteLength))
    const average = sizes.reduce((sum, size) => sum + size, 0) / sizes.length
    expect(average).toBeGreaterThan(5 * 1024)
    expect(average).toBeLessThan(6 * 1024)
  })

  it('gives each article the frontmatter of SPEC 4 with three data aliases and five checks', async () => {
    for (const file of await listArticles(corpus)) {
      const frontmatter = readFrontmatter(await readFile(file, 'utf8'))
      expect(frontmatter.title).toEqual(expect.any(String))
      expect(frontmatter.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/)
      expect(['markets', 'world', 'economy', 'business']).toContain(frontmatter.section)
      expect((frontmatter.tags as unknown[]).length).toBeGreaterThanOrEqual(2)
      expect((frontmatter.tags as unknown[]).length).toBeLessThanOrEqual(4)
      expect(frontmatter.data).toEqual({
        aaa: 'markets/aaa.csv',
        bbb: 'markets/bbb.csv',
        ccc: 'markets/ccc.csv'
      })
      expect(frontmatter.checks).toHaveLength(5)
    }
  })

  it('states every check figure exactly once in the body', async () => {
    for (const file of await listArticles(corpus)) {
      const markdown = await readFile(file, 'utf8')
      const checks = readFrontmatter(markdown).checks as { figure: string }[]
      for (const check of checks) expect(bodyOf(markdown).split(check.figure)).toHaveLength(2)
    }
  })

  it('puts headings, a list, links in every article and a table in every fifth', async () => {
    const bodies = await Promise.all(
      (await listArticles(corpus)).map(async (file) => bodyOf(await readFile(file, 'utf8')))
    )
    for (const body of bodies) {
      expect(body.match(/^## /gm)).toHaveLength(4)
      expect(body).toMatch(/^- .+;$/m)
      expect(body).toMatch(/\]\(https:\/\/[^)]+\)/)
    }
    expect(bodies.filter((body) => body.includes('| --- | ---: | ---: |'))).toHaveLength(5)
  })

  it('writes three daily series of 1,800 rows with consistent highs and lows', async () => {
    for (const name of ['aaa', 'bbb', 'ccc']) {
      const [header, ...rows] = (
        await readFile(join(corpus, 'data', 'markets', `${name}.csv`), 'utf8')
      )
        .trimEnd()
        .split('\n')
      expect(header).toBe('date,open,high,low,close')
      expect(rows).toHaveLength(1800)
      for (const row of rows) {
        const [, open, high, low, close] = row.split(',').map(Number)
        expect(Math.max(open ?? NaN, close ?? NaN)).toBeLessThanOrEqual(high ?? NaN)
        expect(Math.min(open ?? NaN, close ?? NaN)).toBeGreaterThanOrEqual(low ?? NaN)
      }
    }
  })

  it('makes a corpus factdesk passes: every check verified, the other figures unchecked', async () => {
    const result = await build({
      root: corpus,
      out: join(corpus, 'dist'),
      strict: false,
      drafts: false,
      now: DateTime.fromISO('2026-01-01T00:00:00Z'),
      write: false
    })
    expect(result.exit).toBe(0)
    expect(result.report.summary).toMatchObject({
      articles: 25,
      verified: 125,
      contradicted: 0,
      errors: 0
    })
    expect(result.report.summary.unchecked).toBeGreaterThanOrEqual(25 * 5)
  })
})
