/**
 * Interrupted and concurrent builds (issue 6, SPEC 7): `build` swaps a complete new site into
 * place or leaves the old one. The real CLI is killed with SIGKILL at two dozen points spread over
 * a build of a few hundred articles, half of them while it writes; after each kill the output
 * must be the whole old site or the whole new one, and the next build must pass and leave no
 * `.factdesk-*` folder behind. Two builds started at once must not corrupt the output either.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ended, ensureCompiled, runChild, startCli } from '../helpers/compiled-cli.js'
import { treeDigest } from '../helpers/read-tree.js'
import { writeGeneratedSite } from './generated-site.js'

const articles = 200
/**
 * Kill points: this many before the writing phase, as many again while it writes. More than 20
 * in all, because a build that runs faster than the measured one (warm cache, idle machine)
 * finishes before its last kills.
 */
const pointsPerPhase = 14
/** Kills that must land before the build ends, and of those, while the site is written (staging folder present). */
const wantedKills = 20
const wantedWhileWriting = 3

type Edition = 'old' | 'new'

let scratch: string
const sites: Record<Edition, string> = { old: '', new: '' }
const digests: Record<Edition, string> = { old: '', new: '' }

beforeAll(async () => {
  await ensureCompiled()
  scratch = await mkdtemp(join(tmpdir(), 'factdesk-interrupted-'))
  for (const edition of ['old', 'new'] as const) {
    sites[edition] = join(scratch, `site-${edition}`)
    await writeGeneratedSite(sites[edition], { articles, edition })
    const reference = join(scratch, `reference-${edition}`)
    const run = await runChild(['build', '--root', sites[edition], '--out', reference, '--quiet'])
    expect(run.code, run.stderr).toBe(0)
    digests[edition] = await treeDigest(reference)
  }
  expect(digests.old).not.toBe(digests.new)
}, 300_000)

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

describe('a build killed with SIGKILL', () => {
  it('leaves the old site or the new one, never a mix, and the next build passes and cleans up', async () => {
    const published = join(scratch, 'published')
    const out = join(published, 'dist')
    await mkdir(published)
    // Calibrate on a build like the ones to be killed: each site's cache, spare output included,
    // already warm from a build into this folder, so the kill points fall inside real builds.
    for (const edition of ['old', 'new', 'old'] as const) {
      expect(
        (await runChild(['build', '--root', sites[edition], '--out', out, '--quiet'])).code
      ).toBe(0)
    }
    const timing = await measure(sites.new, out)
    expect(await treeDigest(out)).toBe(digests.new)

    const points = [
      ...spread(0.02 * timing.total, timing.writing),
      ...spread(timing.writing, 0.95 * timing.total)
    ]
    let current: Edition = 'new'
    const outcomes = { killedBeforeWriting: 0, killedWhileWriting: 0, finished: 0 }
    /** Starts a build of the other edition and kills it `delay` ms after `trigger`. */
    const killAt = async (delay: number, trigger: 'start' | 'writing' = 'start'): Promise<void> => {
      const target: Edition = current === 'old' ? 'new' : 'old'
      const child = startCli(['build', '--root', sites[target], '--out', out, '--quiet'])
      let exited = false
      const end = ended(child).then((result) => {
        exited = true
        return result
      })
      if (trigger === 'writing') {
        while (!exited && !(await leftovers(published)).some((name) => name.includes('staging')))
          await sleep(1)
      }
      await sleep(delay)
      child.kill('SIGKILL')
      const result = await end
      const digest = await treeDigest(out).catch(
        (error: unknown) => `no output folder: ${String(error)}`
      )
      expect(
        [digests[current], digests[target]],
        `after a kill at ${Math.round(delay)} ms from ${trigger}`
      ).toContain(digest)
      const writing = (await leftovers(published)).some((name) => name.includes('staging'))
      if (result.signal !== 'SIGKILL') outcomes.finished++
      else if (writing) outcomes.killedWhileWriting++
      else outcomes.killedBeforeWriting++

      const next = await runChild(['build', '--root', sites[target], '--out', out, '--quiet'])
      expect(next.code, next.stderr).toBe(0)
      expect(await treeDigest(out)).toBe(digests[target])
      expect(await leftovers(published)).toEqual([])
      current = target
    }
    for (const delay of points) await killAt(delay)
    // Writing an up-to-date spare takes a few dozen milliseconds, and build times wander by more
    // than that when other tests share the machine: kill more builds, those meant to land while
    // writing timed from the moment their staging folder appears, until both counts are reached.
    const killed = () => outcomes.killedBeforeWriting + outcomes.killedWhileWriting
    for (
      let extra = 0;
      extra < 40 && (outcomes.killedWhileWriting < wantedWhileWriting || killed() < wantedKills);
      extra++
    ) {
      points.push(extra)
      if (outcomes.killedWhileWriting < wantedWhileWriting) await killAt(extra % 4, 'writing')
      else
        await killAt(
          0.02 * timing.total + ((timing.writing - 0.02 * timing.total) * (extra % 10)) / 10
        )
    }
    console.info(
      `SIGKILL at ${points.length} points over a ${Math.round(timing.total)} ms build (writing from ${Math.round(timing.writing)} ms):`,
      outcomes
    )
    expect(killed()).toBeGreaterThanOrEqual(wantedKills)
    expect(outcomes.killedWhileWriting).toBeGreaterThanOrEqual(wantedWhileWriting)
  }, 900_000)
})

describe('two builds started at once', () => {
  it('both pass on the same site, one after the other, and leave exactly a clean build', async () => {
    const published = join(scratch, 'concurrent-same')
    const out = join(published, 'dist')
    await mkdir(published)
    const runs = await Promise.all(
      [1, 2].map(() => runChild(['build', '--root', sites.new, '--out', out, '--quiet']))
    )
    for (const run of runs) expect(run.code, run.stderr).toBe(0)
    expect(await treeDigest(out)).toBe(digests.new)
    expect(await leftovers(published)).toEqual([])
  }, 300_000)

  it('leave one of the two sites whole when they build different sites into one folder', async () => {
    const published = join(scratch, 'concurrent-different')
    const out = join(published, 'dist')
    await mkdir(published)
    const runs = await Promise.all(
      (['old', 'new'] as const).map((edition) =>
        runChild(['build', '--root', sites[edition], '--out', out, '--quiet'])
      )
    )
    for (const run of runs) expect(run.code, run.stderr).toBe(0)
    expect([digests.old, digests.new]).toContain(await treeDigest(out))
    expect(await leftovers(published)).toEqual([])
  }, 300_000)
})

/**
 * Runs one build of `root` into `out` to the end, watching the folder beside the output: the
 * staging folder appears when writing starts. Times are from the start of the process.
 */
async function measure(root: string, out: string): Promise<{ writing: number; total: number }> {
  const parent = join(out, '..')
  const started = performance.now()
  const end = runChild(['build', '--root', root, '--out', out, '--quiet'])
  let done = false
  let writing: number | undefined
  void end.then(() => {
    done = true
  })
  while (!done) {
    if (writing === undefined && (await leftovers(parent)).some((name) => name.includes('staging')))
      writing = performance.now() - started
    await sleep(2)
  }
  const run = await end
  expect(run.code, run.stderr).toBe(0)
  const total = performance.now() - started
  return { writing: writing ?? total * 0.8, total }
}

/** `pointsPerPhase` delays evenly spread over [from, to]. */
function spread(from: number, to: number): number[] {
  return Array.from(
    { length: pointsPerPhase },
    (_, index) => from + ((to - from) * (index + 0.5)) / pointsPerPhase
  )
}

/** Folders a build leaves beside its output while it runs (staging, retired, lock). */
async function leftovers(parent: string): Promise<string[]> {
  return (await readdir(parent)).filter((name) => name.includes('.factdesk-'))
}
