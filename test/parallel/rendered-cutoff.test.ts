/**
 * Early cutoff (issue 21, `src/article/rendered-cutoff.ts`): a runner that keeps each article's
 * results hands them back, without rendering the body and the brief, when a data edit left the
 * check's output as it was; its bytes are those of a runner that keeps nothing, whether the edit
 * moved nothing, a verdict, or a chart alone, and after a template or site change too.
 */
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { AnalysisMemo } from '../../src/article/analysis-memo.js'
import { articleProcessor, checkedTree } from '../../src/article/process-article.js'
import { checkOutputDigest, renderContextDigest } from '../../src/article/rendered-cutoff.js'
import { valueDigest } from '../../src/article/value-digest.js'
import type { LoadedFile } from '../../src/article/article-file.js'
import { report } from '../../src/article/article-file.js'
import type { ProcessContext } from '../../src/parallel/article-tasks.js'
import { siteView } from '../../src/render/page-context.js'
import { loadedArticleOf } from '../helpers/article-pipeline.js'
import { makeSettings } from '../render/fixtures.js'
import { contextOf, run, siteWith, siteWithBriefLine, sources, templatesOf } from './memo-site.js'

const settings = makeSettings()

/** The figures of each article's results: what a chart-only edit leaves as it was. */
const figuresOf = (results: ReturnType<typeof run>) =>
  results.map((result) => result.check.data.figures)

describe('a runner that keeps rendered results', () => {
  it('hands back the kept bytes when a data edit moves no figure: a fresh run gives the same', async () => {
    const memo = new AnalysisMemo(1 << 24)
    const first = run(await contextOf(await siteWith(102), settings), memo)
    expect(memo.rendered).toBe(2)
    // No check reads `open`.
    const quiet = await contextOf(await siteWith(102, { open: 100.5 }), settings)
    const same = run(quiet, memo)
    expect(memo.rendered).toBe(2)
    expect(same).toEqual(run(quiet))
    expect(same).toEqual(first)
  })

  it('renders again when a data edit moves a verdict or a value', async () => {
    const memo = new AnalysisMemo(1 << 24)
    const first = run(await contextOf(await siteWith(102), settings), memo)
    const moved = await contextOf(await siteWith(101.5), settings)
    const edited = run(moved, memo)
    expect(memo.rendered).toBe(4)
    expect(edited).toEqual(run(moved))
    expect(edited).not.toEqual(first)
    // Back to the first data: the kept results are the edit's, so it renders again.
    const back = await contextOf(await siteWith(102), settings)
    expect(run(back, memo)).toEqual(first)
    expect(memo.rendered).toBe(6)
    expect(memo.analysed).toBe(2)
  })

  it('renders again when a data edit moves only a chart of the panel', async () => {
    const memo = new AnalysisMemo(1 << 24)
    const first = run(await contextOf(await siteWith(102), settings), memo)
    // A close no check reads, two days before the checked ones, which the charts draw.
    const charted = await contextOf(await siteWith(102, { early: 97 }), settings)
    const drawn = run(charted, memo)
    expect(figuresOf(drawn)).toEqual(figuresOf(first))
    expect(drawn).not.toEqual(first)
    expect(drawn).toEqual(run(charted))
    expect(memo.rendered).toBe(4)
  })

  it('renders again when the templates or the site view changed between builds', async () => {
    const memo = new AnalysisMemo(1 << 24)
    const root = await siteWith(102)
    const first = run(await contextOf(root, settings), memo)
    const edited = await siteWithBriefLine('<p class="brief__edited">edited</p>')
    const retemplated = await contextOf(edited, settings, await templatesOf(edited))
    const rendered = run(retemplated, memo)
    expect(rendered).toEqual(run(retemplated))
    expect(rendered).not.toEqual(first)
    expect(memo.rendered).toBe(4)
    const plain = await contextOf(root, settings)
    const restyled: ProcessContext = {
      ...plain,
      brief: { ...plain.brief, site: siteView(settings, [], '/style-2.css') }
    }
    const restyledRun = run(restyled, memo)
    expect(restyledRun).toEqual(run(restyled))
    expect(restyledRun).not.toEqual(first)
    expect(memo.rendered).toBe(6)
  })
})

describe('the digests of the cutoff', () => {
  /** The first article analysed and checked against `root`'s data, before its body is rendered. */
  async function checkedFile(root: string): Promise<{ file: LoadedFile; digest: string }> {
    const context = await contextOf(root, settings)
    const file = loadedArticleOf(sources[0]![1], { file: sources[0]![0], settings })
    checkedTree(articleProcessor(context), file, context)
    return { file, digest: checkOutputDigest(file, 0) }
  }

  it('tell apart every part of the check output the body and the brief read', async () => {
    const root = await siteWith(102)
    const { digest } = await checkedFile(root)
    expect((await checkedFile(root)).digest).toBe(digest)
    const changes: ((file: LoadedFile) => void)[] = [
      (file) => (file.data.mode = 'strict'),
      (file) => file.data.figures?.pop(),
      (file) => delete file.data.asserts,
      (file) => (file.data.panel![0]!.chart = '<svg></svg>'),
      (file) => (file.data.marks![0]!.title = 'another'),
      (file) => report(file, 'figure-unchecked', 'a problem alone', undefined, 'warning')
    ]
    for (const change of changes) {
      const { file } = await checkedFile(root)
      change(file)
      expect(checkOutputDigest(file, 0)).not.toBe(digest)
    }
  })

  it('tell apart contexts of other templates, site views, data paths and settings', async () => {
    const root = await siteWith(102)
    const context = await contextOf(root, settings)
    const digest = renderContextDigest(context)
    expect(renderContextDigest(await contextOf(root, settings))).toBe(digest)
    const edited = await siteWithBriefLine('<p>edited</p>')
    const others: ProcessContext[] = [
      await contextOf(root, settings, await templatesOf(edited)),
      { ...context, brief: { ...context.brief, site: siteView(settings, [], '/style-2.css') } },
      { ...context, brief: { ...context.brief, dataPaths: new Set(['data/other.csv']) } },
      await contextOf(root, makeSettings({ base: '/news/' })),
      { ...context, brief: { ...context.brief, images: new Map() } }
    ]
    for (const other of others) expect(renderContextDigest(other)).not.toBe(digest)
  })
})

describe('the digest of a value', () => {
  it('is one for equal values however V8 holds them, and tells apart what JSON would merge', () => {
    // Objects made alike share a hidden class: once one held 101.5, V8 holds 8 as a double.
    const made = (close: number) => ({ close, line: 8 })
    made(101.5)
    const doubled = made(8)
    expect(valueDigest(doubled)).toBe(valueDigest(JSON.parse('{"close":8,"line":8}')))
    const pairs: [unknown, unknown][] = [
      [{ a: undefined }, {}],
      [-0, 0],
      [Number.NaN, null],
      [new Map([['a', 1]]), new Map([['a', 2]])],
      [new Int32Array([1, 2]), new Int32Array([1, 3])],
      [
        DateTime.fromISO('2023-03-23T12:00:00', { zone: 'Europe/Paris' }),
        DateTime.fromISO('2023-03-23T12:00:00', { zone: 'Europe/Paris' }).setZone('UTC+1')
      ]
    ]
    for (const [one, other] of pairs) expect(valueDigest(one)).not.toBe(valueDigest(other))
  })
})
