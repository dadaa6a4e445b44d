import { describe, expect, it } from 'vitest'
import type { ArticleRunner } from '../../src/parallel/article-runner.js'
import type { ArticleBytes, LoadResult } from '../../src/parallel/article-tasks.js'
import { withLoadProgress } from '../../src/stages/load-progress.js'

/** A runner that loads synchronously, as the in-process one does, logging what happens. */
function fakeRunner(log: string[]): ArticleRunner {
  return {
    load(items) {
      log.push(`load ${items.length}`)
      return Promise.resolve(
        items.map((item): LoadResult => ({ record: { problems: [] }, markdown: item.file }))
      )
    },
    process: () => Promise.resolve(),
    close: () => Promise.resolve()
  }
}

function articles(count: number): ArticleBytes[] {
  return Array.from({ length: count }, (_, index) => ({
    file: `content/${index}.md`,
    bytes: new Uint8Array()
  }))
}

describe('loading with a progress line', () => {
  it('counts each slice as it is loaded, between the slices, and keeps the order', async () => {
    const log: string[] = []
    const runner = withLoadProgress(fakeRunner(log), (done, total) => log.push(`${done}/${total}`))
    const items = articles(600)
    const loaded = await runner.load(items)
    expect(loaded.map((load) => load.markdown)).toEqual(items.map((item) => item.file))
    // Loaded in this thread, each slice is told before the next one starts.
    expect(log).toEqual([
      'load 128',
      '128/600',
      'load 128',
      '256/600',
      'load 128',
      '384/600',
      'load 128',
      '512/600',
      'load 88',
      '600/600'
    ])
  })

  it('cuts a large load into about twenty slices', async () => {
    const log: string[] = []
    const runner = withLoadProgress(fakeRunner(log), () => {})
    await runner.load(articles(40_000))
    expect(log.filter((line) => line === 'load 2000')).toHaveLength(20)
  })

  it('loads a small site in one call', async () => {
    const log: string[] = []
    const runner = withLoadProgress(fakeRunner(log), (done, total) => log.push(`${done}/${total}`))
    await runner.load(articles(200))
    expect(log).toEqual(['load 200'])
  })
})
