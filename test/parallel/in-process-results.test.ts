/**
 * What the in-process runner hands on holds no more than a worker's would (issue 21, item 7: the
 * dev server's memory stays flat over a day of saves). The YAML parser's strings and the figures'
 * texts are slices of the file's whole text and of its prose; a session keeps each edited
 * article's frontmatter and check, and with them, were they slices, its whole text.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { createDataStore } from '../../src/checks/datasets/dataset.js'
import { createRunner } from '../../src/parallel/article-runner.js'
import type { ArticleRunner } from '../../src/parallel/article-runner.js'
import { siteView } from '../../src/render/page-context.js'
import { loadedArticleOf } from '../helpers/article-pipeline.js'
import { makeSettings, projectTemplates } from '../render/fixtures.js'

setFlagsFromString('--expose-gc')
const collect = runInNewContext('gc') as () => void

const settings = makeSettings()

// About 770 KB of prose: what holding the text costs is far above what the heap moves otherwise.
const filler = 'Traders waited for the central bank to speak before the close.\n\n'.repeat(12_000)

const source = (): string => `---
title: "Alder index rises as traders wait"
date: 2023-03-23T12:36:00+08:00
section: news
tags: [markets, alder]
checks:
  - figure: "rose 2%"
    expr: pct_change(aaa.close, "2023-03-22", "2023-03-23")
---
The Alder index rose 2% and settled at about $102, its highest since 41 desks met.

${filler}`

const runnerOf = (): ArticleRunner =>
  createRunner({ root: '.', settings, strict: false, count: 1, workers: 1 })

/** The heap in use once all that can go has gone: a few turns and collections. */
async function settledHeap(): Promise<number> {
  for (let turn = 0; turn < 3; turn++) {
    await new Promise((resolve) => setImmediate(resolve))
    collect()
  }
  return process.memoryUsage().heapUsed
}

/** Bytes of heap that holding what `take` returns keeps alive, once all else is let go. */
async function heldBy(take: () => Promise<unknown>): Promise<number> {
  let held: unknown = await take()
  const holding = await settledHeap()
  expect(held).toBeDefined()
  held = undefined
  return holding - (await settledHeap())
}

describe('the in-process runner', () => {
  it("hands on a loaded article's frontmatter without the file's text", async () => {
    const runner = runnerOf()
    const held = await heldBy(async () => {
      const bytes = new TextEncoder().encode(source())
      const [result] = await runner.load([{ file: 'content/alder.md', bytes }])
      expect(result?.record.data?.frontmatter.title).toBe('Alder index rises as traders wait')
      return result?.record.data?.frontmatter
    })
    expect(held).toBeLessThan(250_000)
  })

  it("hands on an article's figures and lead without its prose", async () => {
    const runner = runnerOf()
    const templates = await projectTemplates()
    const held = await heldBy(async () => {
      let check: unknown
      await runner.process([loadedArticleOf(source(), { file: 'content/alder.md', settings })], {
        brief: {
          settings,
          site: siteView(settings, [], '/style.css'),
          templates,
          dataPaths: new Set<string>()
        },
        store: createDataStore(new Map()),
        prepare: async (batch) => batch,
        onBatch: (batch) => {
          const [result] = batch
          expect(result?.check.data.figures.map((figure) => figure.text)).toContain('2%')
          // The body's HTML is the check's too, and as large as the body: what else it holds is not.
          check = { figures: result?.check.data.figures, lead: result?.check.data.lead }
        }
      })
      return check
    })
    expect(held).toBeLessThan(250_000)
  }, 60_000)
})
