import { describe, expect, it } from 'vitest'
import { createProgress } from '../../src/cli/progress.js'
import type { BuildOptions } from '../../src/build.js'
import { build } from '../../src/build.js'
import { runCli } from '../helpers/run-cli.js'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'
import { DateTime } from 'luxon'
import { join } from 'node:path'

type Event = Parameters<NonNullable<BuildOptions['onProgress']>>

/** The lines a progress display drew for `events`, each event `ms` after the one before. */
function drawn(events: readonly Event[], ms: number): string[] {
  let text = ''
  let now = 0
  const progress = createProgress({
    write: (chunk) => (text += chunk),
    enabled: true,
    clock: () => now
  })
  for (const event of events) {
    progress.onProgress?.(...event)
    now += ms
  }
  progress.done()
  expect(text.endsWith('\r\u001b[2K')).toBe(true)
  return text
    .split('\r\u001b[2K')
    .filter((line) => line !== '')
    .map((line) => line.replace(/^factdesk: /, ''))
}

describe('progress', () => {
  it('keeps counting through checking and rendering, not only loading', () => {
    const events: Event[] = [
      ['loaded', 4000, 4000],
      ['checked', 1200, 4000],
      ['checked', 4000, 4000],
      ['rendered', 300],
      ['rendered', 4100, 4100],
      ['written', 4100, 4100]
    ]
    expect(drawn(events, 200)).toEqual([
      'parsing articles 4,000/4,000',
      'checking articles 1,200/4,000',
      'checking articles 4,000/4,000',
      'rendering pages 300',
      'rendering pages 4,100/4,100',
      'writing files 4,100/4,100'
    ])
  })

  it('redraws at most every 100 ms within a phase, but always a new phase and its last count', () => {
    const checking = Array.from({ length: 10 }, (_, index): Event => ['checked', index + 1, 10])
    expect(drawn([...checking, ['rendered', 1]], 30)).toEqual([
      'checking articles 1/10',
      'checking articles 5/10',
      'checking articles 9/10',
      'checking articles 10/10',
      'rendering pages 1'
    ])
  })

  it('prints nothing when disabled (CI, or no terminal)', () => {
    let text = ''
    const progress = createProgress({ write: (chunk) => (text += chunk), enabled: false })
    expect(progress.onProgress).toBeUndefined()
    progress.done()
    expect(text).toBe('')
  })

  it('hears of every article checked and every page rendered from a real build', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'content/a.md': article('title: A\ndate: 2025-11-04', 'Some 12 analysts agree.\n'),
      'content/b.md': article('title: B\ndate: 2025-11-05'),
      'content/c.md': article('title: C\ndate: 2025-11-06')
    })
    const events: Event[] = []
    await build({
      root,
      out: join(root, 'dist'),
      strict: false,
      drafts: false,
      now: DateTime.fromISO('2025-12-01T00:00:00Z'),
      write: true,
      onProgress: (...event) => events.push(event)
    })
    const checked = events.filter(([stage]) => stage === 'checked')
    expect(checked.map(([, done, total]) => `${done}/${total}`)).toEqual([
      '1/3',
      '2/3',
      '3/3',
      '3/3'
    ])
    const rendering = events.filter(
      ([stage, , total]) => stage === 'rendered' && total === undefined
    )
    // The three briefs were rendered with their checks; the site's other pages count on from them.
    expect(rendering.map(([, done]) => done)).toEqual(
      Array.from({ length: rendering.length }, (_, index) => index + 4)
    )
    const [, pages, total] = events.findLast(([stage]) => stage === 'rendered') ?? []
    expect([pages, total]).toEqual([3 + rendering.length, 3 + rendering.length])
    expect(rendering.length).toBeGreaterThan(5)
    expect(events.map(([stage]) => stage).at(-1)).toBe('written')
  })

  it('ends every build with one summary line on stderr', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'content/a.md': article('title: A\ndate: 2025-11-04', 'Some 12 analysts agree.\n')
    })
    const run = await runCli(['build', '--root', root])
    expect(run.exit).toBe(0)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(
      /^factdesk build: passed; 1 article, \d+ files written; 1 figure: 0 contradicted, 1 unchecked; \d+\.\d\ds\n$/
    )
  })
})
