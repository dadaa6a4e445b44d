/**
 * Embeds through a real build (issue 18): the brief keeps the iframe of a host listed under
 * `embeds:`, sandboxed and lazy; every other iframe is dropped, and its `embed-dropped` warning
 * reaches the article's problems in the report at the iframe's line and column (the build still
 * passes). The build cache serves no brief made under other `embeds:`.
 */
import { cp, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import type { BuildResult } from '../../src/build.js'
import { tempFolders } from '../helpers/temp-folders.js'

const fixture = fileURLToPath(new URL('../fixtures/public-and-embeds/', import.meta.url))
const scratch = tempFolders('embeds-site')
const story = 'content/2025/11/04/chart-day.md'

async function site(): Promise<string> {
  const root = await scratch()
  await cp(fixture, root, { recursive: true })
  return root
}

function checked(root: string, cacheDir?: string): Promise<BuildResult> {
  return build({
    root,
    out: join(root, 'dist'),
    strict: false,
    drafts: false,
    now: DateTime.fromISO('2026-01-01T00:00:00Z'),
    write: false,
    ...(cacheDir === undefined ? {} : { cacheDir })
  })
}

/** The `src` of each iframe of the story's brief, with its sandbox and loading. */
function iframesOfBrief(result: BuildResult): string[] {
  const brief = result.files.find((file) => file.path === '2025/11/04/chart-day/index.html')
  if (brief === undefined) throw new TypeError('the brief was not rendered')
  const html =
    typeof brief.content === 'string' ? brief.content : Buffer.from(brief.content).toString()
  return selectAll('article iframe, main iframe', fromHtml(html)).map((iframe) =>
    [
      iframe.properties.src,
      iframe.properties.loading,
      [iframe.properties.sandbox ?? []].flat().join(' ')
    ].join(' | ')
  )
}

function storyProblems(result: BuildResult): string[] {
  const entry = result.report.articles.find((article) => article.file === story)
  return (entry?.problems ?? []).map(
    (problem) => `${problem.line}:${problem.column} ${problem.rule} ${problem.severity}`
  )
}

describe('a site with embeds', () => {
  it('keeps the listed host’s iframe in the brief, sandboxed and lazy', async () => {
    const result = await checked(await site())
    expect(result.exit).toBe(0)
    expect(iframesOfBrief(result)).toEqual([
      'https://datawrapper.dwcdn.net/AbC12/3/ | lazy | allow-scripts allow-same-origin allow-popups allow-presentation'
    ])
  })

  it('reports every dropped iframe as a warning on the article, at its place', async () => {
    const result = await checked(await site())
    expect(storyProblems(result)).toEqual([
      '12:1 embed-dropped warning',
      '14:18 embed-dropped warning'
    ])
    const messages = result.report.articles
      .flatMap((entry) => entry.problems)
      .map((problem) => problem.message)
    expect(messages).toContain(
      'an iframe from tracker.example.com was dropped: that host is not listed under embeds: in data/site.yaml; add "tracker.example.com" there to keep it (sandboxed and lazy-loaded)'
    )
    expect(result.report.summary.warnings).toBeGreaterThanOrEqual(2)
  })

  it('is rebuilt, not served from the cache, when embeds: changes', async () => {
    const root = await site()
    const cache = await scratch()
    expect(iframesOfBrief(await checked(root, cache))).toHaveLength(1)
    const settings = join(root, 'data', 'site.yaml')
    await writeFile(settings, `${await readFile(settings, 'utf8')}  - tracker.example.com\n`)
    const again = await checked(root, cache)
    expect(iframesOfBrief(again).map((iframe) => iframe.split(' | ')[0])).toEqual([
      'https://datawrapper.dwcdn.net/AbC12/3/',
      'https://tracker.example.com/widget'
    ])
    expect(storyProblems(again)).toEqual(['14:18 embed-dropped warning'])
  })
})
