import { loadText } from '../helpers/load-text.js'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { newArticle } from '../../src/commands/new-article.js'
import { defaultSettings } from '../../src/settings/load-settings.js'
import { siteYaml, tempSite } from '../helpers/temp-site.js'
import type { NewArticleOptions } from '../../src/commands/new-article.js'

const timezone = 'Asia/Shanghai'
/** 18:30 UTC on 4 November is 02:30 on 5 November in Shanghai. */
const now = DateTime.fromISO('2025-11-04T18:30:00Z', { zone: 'utc' })
const settings = { ...defaultSettings(), timezone }

async function create(
  options: Partial<NewArticleOptions> & { title: string }
): Promise<{ root: string; path: string; text: string }> {
  const root = await tempSite({ 'data/site.yaml': siteYaml })
  const result = await newArticle({ root, now, timezone, ...options })
  if (!result.ok) throw new Error(result.message)
  return { root, path: result.path, text: await readFile(join(root, result.path), 'utf8') }
}

describe('factdesk new', () => {
  it('writes content/YYYY/MM/DD/slug.md under the day in the site timezone', async () => {
    const { path } = await create({ title: 'Bitcoin breaks below $99,000' })
    expect(path).toBe('content/2025/11/05/bitcoin-breaks-below-99-000.md')
  })

  it.each([
    [
      'a date-time with an offset, moved into the site timezone',
      '2025-11-03T20:00:00-05:00',
      'content/2025/11/04/',
      '2025-11-04T09:00:00+08:00'
    ],
    [
      'a date-time without an offset, read in the site timezone',
      '2025-11-03T23:15',
      'content/2025/11/03/',
      '2025-11-03T23:15:00+08:00'
    ],
    [
      'a date alone, as midnight in the site timezone',
      '2025-12-31',
      'content/2025/12/31/',
      '2025-12-31T00:00:00+08:00'
    ]
  ])('takes --date as %s', async (_case, date, folder, written) => {
    const { path, text } = await create({ title: 'Peru breaks ties with Mexico', date })
    expect(path).toBe(`${folder}peru-breaks-ties-with-mexico.md`)
    expect(text).toContain(`\ndate: ${written}\n`)
  })

  it('writes frontmatter that loads with no problems, the title kept exactly', async () => {
    const title = 'Musk\'s "robotaxi" deadline: 1 # of 2 \\ promises, 100% late'
    const { path, text } = await create({ title, section: 'tech' })
    const load = loadText(path, text, settings)
    expect(load.problems).toEqual([])
    expect(load.article?.frontmatter).toMatchObject({
      title,
      section: 'tech',
      tags: [],
      slug: 'musks-robotaxi-deadline-1-of-2-promises-100-late',
      checks: [],
      asserts: []
    })
    expect(load.article?.frontmatter.date.toMillis()).toBe(now.toMillis())
    expect(load.article?.url).toBe('/2025/11/05/musks-robotaxi-deadline-1-of-2-promises-100-late/')
  })

  it('defaults the section to news and writes no empty byline', async () => {
    const { text } = await create({ title: 'Landslide buries homes' })
    expect(text).toContain('\nsection: news\n')
    expect(text).not.toMatch(/byline/)
  })

  it('carries a commented checks example that loads once uncommented', async () => {
    const { path, text } = await create({ title: 'Crypto day of terror' })
    expect(text).toMatch(/^# checks:$/m)
    expect(text).not.toMatch(/^(data|checks|asserts):/m)
    const uncommented = text.replace(/^# ((?:data|checks|asserts):| {2}.*)$/gm, '$1')
    const load = loadText(path, uncommented, settings)
    expect(load.problems).toEqual([])
    expect(load.article?.frontmatter.data).toEqual({ btc: 'markets/btc-usd.csv' })
    expect(load.article?.frontmatter.checks.map((check) => check.figure)).toEqual([
      'falls 7%',
      'over 7%'
    ])
    expect(load.article?.frontmatter.asserts.map((entry) => entry.says)).toEqual([
      'lowest level since June'
    ])
  })

  it('points to --suggest and the dev overlay for candidate checks, in a comment', async () => {
    const { path, text } = await create({ title: 'Crypto day of terror' })
    const comments = text
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .join(' ')
    expect(comments).toContain('run `npx factdesk check --suggest`')
    expect(comments).toContain('"Add this check" button')
    expect(loadText(path, text, settings).problems).toEqual([])
  })

  it('ends the frontmatter with a first-paragraph prompt', async () => {
    const { text } = await create({ title: 'Bank of Japan minutes' })
    const body = text.slice(text.indexOf('\n---\n') + 5)
    expect(body.trim().split('\n')).toHaveLength(1)
    expect(body.trim().length).toBeGreaterThan(20)
  })

  it('refuses to overwrite an existing article and names its path', async () => {
    const root = await tempSite({ 'data/site.yaml': siteYaml })
    const first = await newArticle({ root, now, timezone, title: 'NNSA furloughs' })
    expect(first).toEqual({ ok: true, path: 'content/2025/11/05/nnsa-furloughs.md' })
    await writeFile(join(root, 'content/2025/11/05/nnsa-furloughs.md'), 'an editor was here\n')
    const second = await newArticle({ root, now, timezone, title: 'NNSA  furloughs' })
    expect(second.ok).toBe(false)
    expect(second.ok ? '' : second.message).toContain('content/2025/11/05/nnsa-furloughs.md')
    expect(await readFile(join(root, 'content/2025/11/05/nnsa-furloughs.md'), 'utf8')).toBe(
      'an editor was here\n'
    )
  })

  it('makes a slug from the time when the title has no ASCII letters', async () => {
    const { path } = await create({ title: '比特币跌破九万九' })
    expect(path).toBe('content/2025/11/05/article-0230.md')
  })

  it.each([
    ['an empty title', { title: '   ' }, 'title is empty'],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'at most 200'],
    ['a section that is not a slug', { title: 'A story', section: 'World News' }, '--section'],
    ['a section that leaves its folder', { title: 'A story', section: '../x' }, '--section'],
    ['a date that does not exist', { title: 'A story', date: '2025-02-30' }, '--date'],
    ['a date that is not ISO', { title: 'A story', date: 'next Tuesday' }, '--date'],
    [
      'a timezone that does not exist',
      { title: 'A story', timezone: 'Mars/Olympus' },
      'Mars/Olympus'
    ]
  ])('writes nothing for %s', async (_case, options, message) => {
    const root = await tempSite({ 'data/site.yaml': siteYaml })
    const result = await newArticle({ root, now, timezone, ...options })
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.message).toContain(message)
  })
})
