/**
 * The edits of the incremental measurements: each run changes real bytes, only where it says,
 * and never in a way that adds a figure or moves a checked value.
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempFolders } from '../helpers/temp-folders.js'
import { copyTemplates, editArticle, editData, editTemplate } from './edits.mjs'
import { generateCorpus } from './generate-corpus.mjs'
import { listArticles } from './page-count.mjs'

const tempFolder = tempFolders('bench-edits')
let corpus = ''

beforeAll(async () => {
  corpus = await tempFolder()
  await generateCorpus({ dir: corpus, articles: 5 })
  await copyTemplates(corpus)
})

describe('editArticle', () => {
  it('appends a different paragraph without digits on each run', async () => {
    const [file = ''] = await listArticles(corpus)
    const before = await readFile(file, 'utf8')
    await editArticle(file, 0)
    const once = await readFile(file, 'utf8')
    await editArticle(file, 1)
    const twice = await readFile(file, 'utf8')
    expect(once.startsWith(before)).toBe(true)
    expect(twice.startsWith(once)).toBe(true)
    const added = [once.slice(before.length), twice.slice(once.length)]
    expect(added[0]).not.toBe(added[1])
    for (const text of added) {
      expect(text).toMatch(/^\n\S.*\n$/)
      expect(text).not.toMatch(/\d/)
    }
  })
})

describe('editData', () => {
  it('raises only the newest close of aaa.csv, by one cent each time', async () => {
    const file = join(corpus, 'data', 'markets', 'aaa.csv')
    const before = (await readFile(file, 'utf8')).trimEnd().split('\n')
    const close = Number(before.at(-1)?.split(',')[4])
    await editData(corpus)
    await editData(corpus)
    const after = (await readFile(file, 'utf8')).trimEnd().split('\n')
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1))
    expect(after.at(-1)?.split(',').slice(0, 4)).toEqual(before.at(-1)?.split(',').slice(0, 4))
    expect(Number(after.at(-1)?.split(',')[4])).toBeCloseTo(close + 0.02, 6)
  })

  it('refuses a data file whose last row is not a price row', async () => {
    const other = await tempFolder()
    await generateCorpus({ dir: other, articles: 1 })
    await writeFile(
      join(other, 'data', 'markets', 'aaa.csv'),
      'date,open,high,low,close\n2025-01-01,1,2\n'
    )
    await expect(editData(other)).rejects.toThrow(/date,open,high,low,close/)
  })
})

describe('editTemplate', () => {
  it('changes the footer partial of the corpus, not the project', async () => {
    const project = await readFile('templates/partials/site-footer.hbs', 'utf8')
    const partial = join(corpus, 'templates', 'partials', 'site-footer.hbs')
    const before = await readFile(partial, 'utf8')
    expect(await editTemplate(corpus, 0)).toBe(join('templates', 'partials', 'site-footer.hbs'))
    expect(await readFile(partial, 'utf8')).not.toBe(before)
    expect(await readFile('templates/partials/site-footer.hbs', 'utf8')).toBe(project)
  })

  it('falls back to the stylesheet when the templates have no footer partial', async () => {
    await rm(join(corpus, 'templates', 'partials', 'site-footer.hbs'))
    const stylesheet = join(corpus, 'templates', 'style.css')
    const before = await readFile(stylesheet, 'utf8')
    expect(await editTemplate(corpus, 1)).toBe(join('templates', 'style.css'))
    expect(await readFile(stylesheet, 'utf8')).toBe(`${before}/* benchmark edit 2 */\n`)
  })
})
