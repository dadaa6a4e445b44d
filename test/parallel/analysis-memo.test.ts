/**
 * The analyses a resident runner keeps (issue 21, `src/article/analysis-memo.ts`): an article
 * checked again with the same Markdown, frontmatter and `not_figures` is not parsed again, its
 * output is the same bytes as a fresh run's (after a data edit too), and the memo keeps to its cap.
 */
import { describe, expect, it } from 'vitest'
import { AnalysisMemo, analysisKey } from '../../src/article/analysis-memo.js'
import type { Analysis } from '../../src/article/analysis-memo.js'
import { byThread, threadOf } from '../../src/parallel/thread-pools.js'
import { loadedArticleOf } from '../helpers/article-pipeline.js'
import { makeSettings } from '../render/fixtures.js'
import type { Root } from 'mdast'
import { contextOf, run, siteWith, sources } from './memo-site.js'
import type { Sources } from './memo-site.js'

const [first] = sources as [readonly [string, string]]

describe('a runner that keeps analyses', () => {
  it('parses an article once, and gives the bytes of a fresh run, also after a data edit', async () => {
    const settings = makeSettings()
    const before = await contextOf(await siteWith(102), settings)
    const after = await contextOf(await siteWith(101.5), settings)
    const memo = new AnalysisMemo(1 << 24)
    const first = run(before, memo)
    expect(memo.analysed).toBe(2)
    expect(run(before, memo)).toEqual(first)
    // The data edit changes the verdicts, yet nothing is parsed again.
    const edited = run(after, memo)
    expect(memo.analysed).toBe(2)
    expect(edited).toEqual(run(after))
    expect(edited).not.toEqual(first)
    expect(run(before, memo)).toEqual(run(before))
    expect(memo.analysed).toBe(2)
  })

  it('parses again an article whose Markdown, frontmatter or not_figures changed', async () => {
    const settings = makeSettings()
    const context = await contextOf(await siteWith(102), settings)
    const memo = new AnalysisMemo(1 << 24)
    run(context, memo)
    expect(memo.analysed).toBe(2)
    const body: Sources = [[first[0], `${first[1]}\nA line added.\n`]]
    expect(run(context, memo, body)).toEqual(run(context, undefined, body))
    expect(memo.analysed).toBe(3)
    const title: Sources = [[first[0], first[1].replace('Alder index rises', 'Alder up')]]
    expect(run(context, memo, title)).toEqual(run(context, undefined, title))
    expect(memo.analysed).toBe(4)
    // With "41 analysts" listed, that unchecked figure is gone, so the bytes differ.
    const notFigures = [...settings.not_figures, '41 analysts']
    const other = await contextOf(await siteWith(102), makeSettings({ not_figures: notFigures }))
    const again = run(other, memo)
    expect(memo.analysed).toBe(6)
    expect(again).toEqual(run(other))
    expect(again).not.toEqual(run(context))
  })

  it('hands out copies: a stage that changes its tree or figures leaves the kept one alone', async () => {
    const settings = makeSettings()
    const context = await contextOf(await siteWith(102), settings)
    const memo = new AnalysisMemo(1 << 24)
    run(context, memo)
    const file = loadedArticleOf(first[1], { file: first[0], settings })
    const key = analysisKey(file, settings.not_figures)
    const taken = memo.take(key) as Analysis
    expect(taken.found.length).toBeGreaterThan(0)
    taken.found.length = 0
    taken.bodyProse.text = ''
    ;(taken.tree as Root).children.length = 0
    const fresh = memo.take(key) as Analysis
    expect(fresh.found.length).toBeGreaterThan(0)
    expect(fresh.bodyProse.text).not.toBe('')
    expect(run(context, memo)).toEqual(run(context))
  })
})

describe('the analysis memo', () => {
  const analysis = (size: number): Analysis => ({
    tree: { type: 'root', data: { text: 'x'.repeat(size) } } as Analysis['tree'],
    bodyProse: { text: '', sourceOffsets: new Int32Array(0) },
    found: []
  })

  it('keeps to its cap, forgetting first the least recently used of those builds left unused', () => {
    const memo = new AnalysisMemo(3_500)
    for (const key of ['a', 'b', 'c']) memo.keep(key, analysis(1_000))
    expect(memo.size).toBe(3)
    // Within a build, and the one after, nothing it used gives way: the new one is not kept.
    memo.keep('d', analysis(1_000))
    expect(memo.take('d')).toBeUndefined()
    memo.nextBuild()
    memo.take('a')
    memo.keep('d', analysis(1_000))
    expect(memo.take('d')).toBeUndefined()
    // Two builds on, b and c, unused since, go, the least recently used first.
    memo.nextBuild()
    memo.take('c')
    memo.keep('d', analysis(1_000))
    expect(memo.size).toBe(3)
    expect(memo.bytes).toBeLessThanOrEqual(3_500)
    expect(memo.take('b')).toBeUndefined()
    for (const key of ['a', 'c', 'd']) expect(memo.take(key)).toBeDefined()
    // One larger than the whole cap is not kept, and drops nothing.
    memo.nextBuild()
    memo.nextBuild()
    memo.keep('e', analysis(5_000))
    expect(memo.take('e')).toBeUndefined()
    expect(memo.size).toBe(3)
  })

  it('keeps a fixed part of a site larger than its cap, build after build', () => {
    const memo = new AnalysisMemo(10_500)
    const keys = Array.from({ length: 40 }, (_, index) => `article-${index}`)
    const hits: number[] = []
    for (let build = 0; build < 4; build++) {
      memo.nextBuild()
      let hit = 0
      for (const key of keys) {
        if (memo.take(key) === undefined) memo.keep(key, analysis(1_000))
        else hit += 1
      }
      hits.push(hit)
    }
    expect(memo.size).toBeGreaterThanOrEqual(8)
    expect(hits).toEqual([0, memo.size, memo.size, memo.size])
  })
})

describe('threads by article', () => {
  it('sends an article to the same thread every time, and spreads a site over all of them', () => {
    const paths = Array.from({ length: 4_000 }, (_, index) => `content/2023/${index}.md`)
    expect(paths.map((path) => threadOf(path, 4))).toEqual(paths.map((path) => threadOf(path, 4)))
    const groups = byThread(paths, 4, (path) => path)
    expect(groups.flat().sort()).toEqual([...paths].sort())
    for (const group of groups) expect(group.length).toBeGreaterThan(850)
    for (const [thread, group] of groups.entries())
      for (const path of group) expect(threadOf(path, 4)).toBe(thread)
  })
})
