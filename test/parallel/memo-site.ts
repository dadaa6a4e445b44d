/**
 * A small site for the tests of what a resident runner keeps (`analysis-memo.test.ts`,
 * `rendered-cutoff.test.ts`): two articles checked against one CSV, whose rows around the checked
 * days the panel's charts draw, and each article's results as the build reads them.
 */
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AnalysisMemo } from '../../src/article/analysis-memo.js'
import { loadDataStore } from '../../src/checks/datasets/load-data-store.js'
import { processBatch } from '../../src/parallel/article-tasks.js'
import type { ProcessContext } from '../../src/parallel/article-tasks.js'
import { resultBytes, resultOf } from '../../src/parallel/result-bytes.js'
import { siteView } from '../../src/render/page-context.js'
import { loadTemplates } from '../../src/render/templates.js'
import type { Templates } from '../../src/render/templates.js'
import { loadedArticleOf, projectTemplates } from '../helpers/article-pipeline.js'
import { projectRoot } from '../helpers/compiled-cli.js'
import type { Settings } from '../../src/types.js'

/** The frontmatter of an article that binds "rose 2%" and "about $CLOSE" to `aaa.csv`. */
export const boundFrontmatter = (title: string, close: string): string => `---
title: "${title}"
date: 2023-03-23T12:36:00+08:00
section: news
data:
  aaa: markets/aaa.csv
checks:
  - figure: "rose 2%"
    expr: pct_change(aaa.close, "2023-03-22", "2023-03-23")
  - figure: "about $${close}"
    expr: aaa.close["2023-03-23"]
---
`

export const article = (
  title: string,
  close: string
): string => `${boundFrontmatter(title, close)}The Alder index rose 2% and settled at about $${close}, its **highest** since the G7 met.

| Index | Close |
| :-- | --: |
| Alder | ${close} |

Some 41 analysts polled by the desk expect the pattern to hold; see [the data](#data).
`

/** Cells of the CSV other than the checked close: `open` of the last checked day, `early` close. */
export interface Cells {
  open?: number
  early?: number
}

/**
 * The CSV, closing at `close` on the last checked day. No check reads `open`; `early`, the close
 * two days before the checked ones, is read by none either, but the charts draw it.
 */
export const csv = (close: number, cells: Cells = {}): string =>
  [
    'date,open,high,low,close',
    `2023-03-20,100,104,99,${cells.early ?? 99}`,
    '2023-03-21,100,104,99,101',
    '2023-03-22,100,104,99,100.00',
    `2023-03-23,${cells.open ?? 100},104,99,${close}`,
    '2023-03-24,100,104,99,103',
    ''
  ].join('\n')

/** A site folder whose `data/markets/aaa.csv` is `csv(close, cells)`. */
export async function siteWith(close: number, cells: Cells = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'factdesk-memo-'))
  await mkdir(join(root, 'data/markets'), { recursive: true })
  await writeFile(join(root, 'data/markets/aaa.csv'), csv(close, cells))
  return root
}

/**
 * A site folder as `siteWith(102)`, whose brief template is the project's with `line` added: a
 * template edit, as `loadTemplates` reads it from the site's `templates/`.
 */
export async function siteWithBriefLine(line: string): Promise<string> {
  const root = await siteWith(102)
  await mkdir(join(root, 'templates/pages'), { recursive: true })
  const brief = await readFile(join(projectRoot, 'templates/pages/brief.hbs'), 'utf8')
  await writeFile(join(root, 'templates/pages/brief.hbs'), `${brief}${line}\n`)
  return root
}

/** The context of a build of the site at `root`; `templates` are the project's unless given. */
export async function contextOf(
  root: string,
  settings: Settings,
  templates?: Templates
): Promise<ProcessContext> {
  const { store } = await loadDataStore(root, ['markets/aaa.csv'])
  const dataPaths = new Set([...store.datasets.values()].map((dataset) => dataset.file))
  const brief = {
    settings,
    site: siteView(settings, [], '/style.css'),
    templates: templates ?? (await projectTemplates()),
    dataPaths
  }
  return { settings, strict: false, store, brief }
}

/** The templates of the site at `root`, its own where it has them. */
export async function templatesOf(root: string): Promise<Templates> {
  return (await loadTemplates(root)).templates
}

export type Sources = readonly (readonly [file: string, source: string])[]

export const sources: Sources = [
  ['content/a.md', article('Alder index rises', '102')],
  ['content/b.md', article('Alder index climbs again', '101')]
]

/**
 * Each article's check and brief, as a worker sends them back and the build reads them: decoded,
 * as v8 writes an equal array densely or sparsely depending on how it was made (fresh runs differ
 * so among themselves), while the brief's page bytes stay as they are.
 */
export function run(context: ProcessContext, memo?: AnalysisMemo, text: Sources = sources) {
  const files = text.map(([file, source]) =>
    loadedArticleOf(source, { file, settings: context.settings })
  )
  return processBatch(files, context, memo).map((result) =>
    resultOf(resultBytes({ check: result.check, brief: result.brief }))
  )
}
