import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import type { BuildOptions } from '../../src/build.js'
import { openArticleCache } from '../../src/cache/article-cache.js'
import { readIndex } from '../../src/cache/cache-index.js'
import { sampleNow } from '../browser/sample-site.js'
import { copySample } from '../helpers/sample-site.js'

/*
 * A check's chart is part of its panel entry, so it is kept in the build's result packs with the
 * rest of the checked article, and a warm build shows the very chart the cold one made (issue 19).
 */
const brief = '2025/11/04/crypto-day-of-terror/index.html'

async function charts(out: string): Promise<string[]> {
  const html = await readFile(join(out, brief), 'utf8')
  return html.match(/<svg class="fact-chart".*?<\/svg>/gs) ?? []
}

describe('charts and the build cache', () => {
  it(
    'are kept in the result packs and come back byte for byte in a warm build',
    { timeout: 120_000 },
    async () => {
      const root = await copySample()
      const cacheDir = join(root, 'cache')
      const options = (out: string): BuildOptions => ({
        root,
        out: join(root, out),
        strict: false,
        drafts: false,
        now: sampleNow,
        write: true,
        cacheDir
      })
      const cold = await build(options('cold'))
      expect(cold.exit).toBe(0)
      const made = await charts(join(root, 'cold'))
      expect(made.length).toBeGreaterThanOrEqual(15)

      const cache = openArticleCache(cacheDir)
      const cached = [...readIndex(cacheDir).keys()].flatMap((key) =>
        (cache.results(key)?.check.data.panel ?? []).flatMap((entry) =>
          entry.chart === undefined ? [] : [entry.chart]
        )
      )
      for (const chart of made) expect(cached).toContain(chart)

      const warm = await build(options('warm'))
      expect(warm.exit).toBe(0)
      expect(await charts(join(root, 'warm'))).toEqual(made)
    }
  )
})
