import { describe, expect, it } from 'vitest'
import { createDataStore } from '../../src/checks/datasets/dataset.js'
import { createRunner, guidedBatches } from '../../src/parallel/article-runner.js'
import { loadedFile } from '../../src/parallel/article-tasks.js'
import { siteView } from '../../src/render/page-context.js'
import { makeArticles, makeSettings, projectTemplates } from '../render/fixtures.js'

describe('the in-process runner', () => {
  it('hands results on in batches, so a big site never holds them all at once', async () => {
    const settings = makeSettings()
    const templates = await projectTemplates()
    const articles = makeArticles(130).map((made) =>
      loadedFile(made.path, String(made.value), {
        frontmatter: made.data.frontmatter,
        url: made.data.url,
        places: made.data.places
      })
    )
    const runner = createRunner({
      root: '.',
      settings,
      strict: false,
      count: articles.length,
      workers: 1
    })
    const sizes: number[] = []
    const brief = {
      settings,
      site: siteView(settings, [], '/style.css'),
      templates,
      dataPaths: new Set<string>()
    }
    const prepared: number[] = []
    await runner.process(articles, {
      brief,
      store: createDataStore(new Map()),
      // Each batch is prepared just before it is checked, and what it drops is not checked.
      prepare: async (batch) => {
        prepared.push(batch.length)
        return batch.slice(1)
      },
      onBatch: (batch) => sizes.push(batch.length)
    })
    await runner.close()
    expect(prepared).toEqual([64, 64, 2])
    expect(sizes).toEqual([63, 63, 1])
  })
})

describe('batches for worker threads', () => {
  const cases: [number, number][] = [
    [0, 2],
    [5, 2],
    [100, 2],
    [4_000, 2],
    [40_000, 8]
  ]
  it.each(cases)(
    '%i articles on %i threads: each once, in order, largest batches first',
    (count, threads) => {
      const items = Array.from({ length: count }, (_, index) => index)
      const batches = guidedBatches(items, threads)
      expect(batches.flat()).toEqual(items)
      for (const batch of batches) expect(batch.length).toBeLessThanOrEqual(128)
      const sizes = batches.map((batch) => batch.length)
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a))
      // The last batches are small, so that no thread waits long for another's.
      if (count >= 100) expect(sizes.at(-1)).toBeLessThanOrEqual(8)
    }
  )
})
