/**
 * The data dictionary through a real build (issue 19, item 1): a described file's words reach
 * the brief's fact panel and the figure's hover text, its title, source and licence sit next to
 * its data link, an undescribed file reads in readable defaults (never the alias), and an edited
 * description re-renders the brief from a warm cache.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import type { Element, Root } from 'hast'
import { DateTime } from 'luxon'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import type { BuildResult } from '../../src/build.js'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'

const prices = 'date,close,volume\n2025-03-03,100,5000\n2025-03-04,93,6200\n'
const about = `title: Harbour Line daily share prices
subject: Harbour Line
source: Port Ashby Exchange
source_url: https://example.org/pax
licence: CC BY 4.0
columns:
  close: { label: closing price, unit: EUR }
`
const described = article(
  `title: Harbour Line slides\ndate: 2025-03-04\ndata:\n  px: markets/prices.csv\nchecks:\n  - figure: "fell 7%"\n    expr: pct_change(px.close, "2025-03-03", "2025-03-04")`,
  'Harbour Line shares fell 7% on Tuesday.\n'
)
const undescribed = article(
  `title: Ferry volumes\ndate: 2025-03-04\ndata:\n  fv: ferry/ferry_volumes.csv\nchecks:\n  - figure: "6,200"\n    expr: fv.daily_volume["2025-03-04"]`,
  'The ferry carried 6,200 passengers on Tuesday.\n'
)

let root: string
let first: BuildResult

function built(): Promise<BuildResult> {
  return build({
    root,
    out: join(root, 'dist'),
    cacheDir: join(root, 'cache'),
    strict: false,
    drafts: false,
    now: DateTime.fromISO('2026-01-01T00:00:00Z'),
    write: true
  })
}

async function brief(result: BuildResult, title: string): Promise<Root> {
  const url = result.articles.find((entry) => entry.frontmatter.title === title)?.url ?? ''
  return fromHtml(await readFile(join(root, 'dist', url, 'index.html'), 'utf8'))
}

function texts(tree: Root, selector: string): string[] {
  return selectAll(selector, tree).map((node) => toString(node).trim())
}

function titleOf(element: Element | undefined): string {
  return String(element?.properties.title ?? '')
}

beforeAll(async () => {
  root = await tempSite({
    'data/site.yaml': siteYaml,
    'data/markets/prices.csv': prices,
    'data/markets/prices.about.yaml': about,
    'data/ferry/ferry_volumes.csv': 'date,daily_volume\n2025-03-03,5000\n2025-03-04,6200\n',
    'content/2025/03/04/harbour.md': described,
    'content/2025/03/04/ferry.md': undescribed
  })
  first = await built()
})

describe('a described data file', () => {
  it('explains the check in the words of its description', async () => {
    const tree = await brief(first, 'Harbour Line slides')
    expect(texts(tree, '.check__explanation')).toEqual([
      "Harbour Line's closing price fell 7% from 3 to 4 March 2025."
    ])
  })

  it('names the file by its title next to the data link, and credits its source and licence once', async () => {
    const tree = await brief(first, 'Harbour Line slides')
    const data = select('.check__data', tree)
    expect(toString(select('a', data) ?? { type: 'root', children: [] })).toBe(
      'Harbour Line daily share prices'
    )
    expect(texts(tree, '.fact-panel__credits > span')).toEqual([
      'Harbour Line daily share prices (Port Ashby Exchange, CC BY 4.0)'
    ])
    expect(
      selectAll('.fact-panel__credits a', tree).map((link) => link.properties.href)
    ).toEqual(['/data/markets/prices.csv', 'https://example.org/pax'])
  })

  it('gives the figure mark a hover text in the same words, with its source (SPEC 8)', async () => {
    const tree = await brief(first, 'Harbour Line slides')
    expect(titleOf(select('.fd-fig', tree))).toBe(
      "Matches our data. Harbour Line's closing price fell 7% from 3 to 4 March 2025. Source: Harbour Line daily share prices (Port Ashby Exchange)."
    )
  })
})

describe('an undescribed data file', () => {
  it('reads as its column and file names, never its alias', async () => {
    const tree = await brief(first, 'Ferry volumes')
    const [explanation] = texts(tree, '.check__explanation')
    expect(explanation).toBe('Daily volume of ferry volumes on 4 March 2025: 6,200.')
    expect(explanation).not.toMatch(/\bfv\b/)
    // Undescribed: credited by its path alone, with no source or licence to name.
    expect(texts(tree, '.fact-panel__credits > span')).toEqual(['data/ferry/ferry_volumes.csv'])
  })
})

describe('an edited description', () => {
  it('re-renders the brief from a warm cache', async () => {
    await writeFile(
      join(root, 'data/markets/prices.about.yaml'),
      about.replace('subject: Harbour Line', 'subject: Harbour Line Ltd')
    )
    const second = await built()
    const tree = await brief(second, 'Harbour Line slides')
    expect(texts(tree, '.check__explanation')).toEqual([
      "Harbour Line Ltd's closing price fell 7% from 3 to 4 March 2025."
    ])
  })
})
