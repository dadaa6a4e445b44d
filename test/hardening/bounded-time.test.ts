import { loadText, processLoaded } from '../helpers/load-text.js'
/**
 * Bounded time on big bodies (issue 6): every stage must stay close to linear in the size of an
 * article, so a 1 MB article is checked within a deadline twenty times what a linear pipeline
 * needs here. A quadratic step (one that scans every earlier figure for each character) takes
 * minutes instead, and the child is killed at the deadline. Within one article, the same figures
 * cost the same in one paragraph as in many (issue 15): measured against each other in one
 * process, so the machine's speed and load cancel out.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { ended, ensureCompiled, startCli } from '../helpers/compiled-cli.js'
import { proseOfSize } from './generated-inputs.js'
import { pricesCsv } from './generated-site.js'
import { siteYaml, tempSite } from '../helpers/temp-site.js'
import { createDataStore } from '../../src/checks/datasets/dataset.js'
import { defaultSettings } from '../../src/settings/load-settings.js'

/** Generous: a linear pipeline checks a 1 MB article in about 3 s on this machine. */
const deadlineMs = 60_000

beforeAll(async () => {
  await ensureCompiled()
}, 300_000)

describe('a 1 MB article', () => {
  it(
    'is checked, rendered and reported before the deadline',
    async () => {
      const root = await tempSite({
        'data/site.yaml': siteYaml,
        'data/markets/btc.csv': pricesCsv,
        'content/long.md': `---\ntitle: A long story\ndate: 2025-11-04T10:00:00+08:00\n---\n${proseOfSize(1024 * 1024)}`
      })
      const child = startCli(['check', '--root', root, '--quiet'])
      const end = ended(child)
      const deadline = setTimeout(() => child.kill('SIGKILL'), deadlineMs)
      const result = await end
      clearTimeout(deadline)
      expect(result.signal, `still running after ${deadlineMs / 1000} s`).toBeNull()
      expect(result.code, result.stderr).toBe(0)
    },
    deadlineMs + 30_000
  )
})

describe('figures in one paragraph', () => {
  const figures = 4_000
  const settings = defaultSettings()
  const context = { settings, store: createDataStore(new Map()), strict: false }
  /** Milliseconds to check and render `body`: the best of `runs`, so one stall does not count. */
  const bestTime = (body: string, runs: number): number => {
    const load = loadText(
      'content/figures.md',
      `---\ntitle: Figures\ndate: 2025-11-04\n---\n${body}`,
      settings
    )
    if (load.article === undefined) throw new Error(JSON.stringify(load.problems))
    let best = Number.POSITIVE_INFINITY
    for (let run = 0; run < runs; run++) {
      const started = performance.now()
      const checked = processLoaded(load.file, context).data
      best = Math.min(best, performance.now() - started)
      expect(checked.figures).toHaveLength(figures)
    }
    return best
  }

  it('cost no more than twice the same figures as separate paragraphs', () => {
    const separate = 'Sales rose 3% and more.\n\n'.repeat(figures)
    const together = `${'Sales rose 3% and '.repeat(figures)}more.\n`
    bestTime(separate, 1) // warms every module up
    const separateMs = bestTime(separate, 3)
    const togetherMs = bestTime(together, 3)
    expect(
      togetherMs,
      `${togetherMs.toFixed(0)} ms in one paragraph, ${separateMs.toFixed(0)} ms apart`
    ).toBeLessThan(2 * separateMs)
  }, 300_000)
})
