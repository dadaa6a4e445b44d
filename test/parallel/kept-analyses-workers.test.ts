/**
 * Analyses and results kept by worker threads (issue 21): a runner that keeps them sends each
 * article to the same thread every build, and what it sends back after a data edit (one that
 * moves nothing, a chart, or a verdict; `rendered-cutoff.ts`) and after a template edit is, byte
 * for byte, what a runner that keeps nothing makes. Worker threads load compiled code: this runs
 * `lib/`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadDataStore } from '../../src/checks/datasets/load-data-store.js'
import { siteView } from '../../src/render/page-context.js'
import { ensureCompiled, projectRoot } from '../helpers/compiled-cli.js'
import { loadedArticleOf } from '../helpers/article-pipeline.js'
import { makeSettings } from '../render/fixtures.js'
import type { ProcessStage } from '../../src/parallel/article-runner.js'
import type * as Runner from '../../src/parallel/article-runner.js'
import { resultOf } from '../../src/parallel/result-bytes.js'
import { boundFrontmatter, siteWith, templatesOf } from './memo-site.js'

type Runners = typeof Runner

const story = (
  index: number
): string => `${boundFrontmatter(`Alder index rises, take ${index}`, '102')}The Alder index rose 2% and settled at about $102, its **highest** since ${index} desks met.
`

const settings = makeSettings()
// Enough articles for the runner to use its threads rather than this one.
const count = 96

async function stageOf(root: string, into: Map<string, Uint8Array>): Promise<ProcessStage> {
  const { store } = await loadDataStore(root, ['markets/aaa.csv'])
  const dataPaths = new Set([...store.datasets.values()].map((dataset) => dataset.file))
  const brief = {
    settings,
    site: siteView(settings, [], '/style.css'),
    // The site's own templates where it has them, as a build loads them and hands them on.
    templates: await templatesOf(root),
    dataPaths
  }
  return {
    brief,
    store,
    prepare: async (batch) => batch,
    onBatch: (batch) => {
      for (const result of batch) if (result.bytes) into.set(result.file.path, result.bytes)
    }
  }
}

/**
 * Each article's check and brief, by path, from `runner` checking against the data at `root`:
 * decoded, as v8 may write an equal array densely or sparsely depending on how it was made, but
 * the brief's page bytes as they are.
 */
async function checkAll(runner: ReturnType<Runners['createRunner']>, root: string) {
  const results = new Map<string, Uint8Array>()
  const files = Array.from({ length: count }, (_, index) =>
    loadedArticleOf(story(index), { file: `content/s-${index}.md`, settings })
  )
  await runner.process(files, await stageOf(root, results))
  expect(results.size).toBe(count)
  return new Map([...results].map(([path, bytes]) => [path, resultOf(bytes)]))
}

let runners: Runners

beforeAll(async () => {
  await ensureCompiled()
  runners = (await import(join(projectRoot, 'lib/parallel/article-runner.js'))) as Runners
}, 300_000)

describe('worker threads that keep analyses', () => {
  it('give the bytes of threads that keep nothing, before and after a data edit', async () => {
    const [before, after] = [await siteWith(102), await siteWith(101.5)]
    const options = { root: before, settings, strict: false, count, workers: 2 }
    const keeping = runners.createRunner({ ...options, memoBytes: 1 << 26 })
    const fresh = runners.createRunner(options)
    try {
      const first = await checkAll(keeping, before)
      expect(first).toEqual(await checkAll(fresh, before))
      const edited = await checkAll(keeping, after)
      expect(edited).toEqual(await checkAll(fresh, after))
      expect(edited).not.toEqual(first)
      expect(await checkAll(keeping, before)).toEqual(first)
    } finally {
      await Promise.all([keeping.close(), fresh.close()])
    }
  }, 300_000)

  it('give them too when a data edit moves nothing or a chart alone, and after a template edit', async () => {
    const site = await siteWith(102)
    const options = { root: site, settings, strict: false, count, workers: 2 }
    const keeping = runners.createRunner({ ...options, memoBytes: 1 << 26 })
    const fresh = runners.createRunner(options)
    try {
      const first = await checkAll(keeping, site)
      expect(first).toEqual(await checkAll(fresh, site))
      // No check reads `open`: the results are the ones kept.
      const quiet = await siteWith(102, { open: 100.5 })
      const same = await checkAll(keeping, quiet)
      expect(same).toEqual(await checkAll(fresh, quiet))
      expect(same).toEqual(first)
      // A close no check reads, which the panel's charts draw.
      const charted = await siteWith(102, { early: 97 })
      const drawn = await checkAll(keeping, charted)
      expect(drawn).toEqual(await checkAll(fresh, charted))
      expect(drawn).not.toEqual(first)
      expect(await checkAll(keeping, site)).toEqual(first)
      // The site's templates, edited between two builds: the threads render with the new ones.
      const brief = await readFile(join(projectRoot, 'templates/pages/brief.hbs'), 'utf8')
      await mkdir(join(site, 'templates/pages'), { recursive: true })
      await writeFile(join(site, 'templates/pages/brief.hbs'), `${brief}<p>edited</p>\n`)
      const retemplated = await checkAll(keeping, site)
      expect(retemplated).toEqual(await checkAll(fresh, site))
      expect(retemplated).not.toEqual(first)
    } finally {
      await Promise.all([keeping.close(), fresh.close()])
    }
  }, 300_000)
})
