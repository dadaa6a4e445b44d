/**
 * The editors' loop (issue 21): drives a running `factdesk dev` over its own event stream, as an
 * open page would, and times each kind of save to the `reload` event that makes the browser
 * reload (`restyle` for a stylesheet, applied in place) (and to the `rebuilding` event that makes it say so). Also times the server's start,
 * from spawn to the first page, with the build cache cold and then warm. See README.md.
 *
 * Each edit writes a content never written before (the original plus a different note), so a
 * content-hashed cache can skip none of them; each kind's file gets its original bytes back at
 * the end. Edits are spaced by a quiet gap, and one starts only when no rebuild is under way.
 */
import { existsSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { setAside } from './builders.mjs'
import { copyTemplates } from './edits.mjs'
import { editTargets } from './dev-loop-edits.mjs'
import { openEvents, startDev } from './dev-server-process.mjs'
import { generateCorpus } from './generate-corpus.mjs'
import { median } from './measure.mjs'
import { listArticles } from './page-count.mjs'

/** The kinds of edit, in the order they are made. */
export const editKinds = ['article', 'data', 'template', 'stylesheet']

/**
 * Times two starts of `factdesk dev` on the corpus in `dir` (cache cold, then warm) and, on the
 * second server, `edits` saves of each kind in `kinds`.
 * @param {{ dir: string, articles?: number, seed?: number, edits?: number, kinds?: string[],
 *   gapMs?: number, timeoutSeconds?: number, log?: (line: string) => void }} options
 *   `dir` is the corpus; with `articles`, a corpus of that many is generated there first.
 */
export async function devLoop({
  dir,
  articles,
  seed,
  edits = 10,
  kinds = editKinds,
  gapMs = 500,
  timeoutSeconds = 900,
  log = () => {}
}) {
  const unknown = kinds.filter((kind) => !editKinds.includes(kind))
  if (unknown.length > 0) throw new TypeError(`unknown edit kinds: ${unknown.join(', ')}`)
  if (!Number.isInteger(edits) || edits < 1) throw new TypeError('`edits` must be at least 1')
  if (articles !== undefined) await generateCorpus({ dir, articles, seed })
  // The stylesheet and template edits must change the corpus's own copy, never the repository's.
  if (articles !== undefined || !existsSync(join(dir, 'templates'))) await copyTemplates(dir)
  const timeoutMs = timeoutSeconds * 1000
  const targets = await editTargets(dir, kinds)

  const aside = join(dir, 'node_modules', '.cache', 'dev-loop')
  try {
    // Cold: the cache the dev server reads and writes (`cacheDirOf(root)`) is moved away first.
    await setAside(join(dir, 'node_modules', '.cache', 'factdesk'), aside)
    log('dev loop: starting factdesk dev with a cold cache')
    const coldServer = await startDev(dir, { timeoutMs })
    const cold = startTimes(coldServer)
    const stops = [await coldServer.stop()]
    log(`dev loop: cold start ${seconds(cold.firstPageMs)}; starting again with the warm cache`)
    const server = await startDev(dir, { timeoutMs })
    const warm = startTimes(server)
    log(`dev loop: warm start ${seconds(warm.firstPageMs)}`)
    const results = {}
    try {
      await editAll(server, { targets, edits, gapMs, timeoutMs, results, log })
    } finally {
      // Only a file an edit left changed (one that failed) is written back here.
      for (const target of targets) {
        if ((await readFile(target.file, 'utf8')) !== target.original)
          await writeFile(target.file, target.original)
      }
      stops.push(await server.stop())
    }
    const count = (await listArticles(dir)).length
    return { articles: count, edits, cold, warm, kinds: results, stops }
  } finally {
    await rm(aside, { recursive: true, force: true })
  }
}

/** Every kind's edits on one running server, over one event stream. */
async function editAll(server, { targets, edits, gapMs, timeoutMs, results, log }) {
  const stream = await openEvents(server.port)
  try {
    const first = await stream.waitFor(0, (entry) => entry.name === 'build', timeoutMs)
    const loop = {
      stream,
      port: server.port,
      lines: server.lines,
      log,
      gapMs,
      timeoutMs,
      buildId: Number(first.data),
      // Builds the server had logged when the stream opened: each later `rebuilding` gets one.
      loggedAtOpen: server.lines.filter((line) => summaryTime.test(line)).length,
      // Events up to this index are accounted for (a reload timed, or a rebuild counted extra).
      counted: stream.log.length
    }
    for (const target of targets) {
      results[target.kind] = await editKind(loop, target, edits)
      const { p50, p95 } = results[target.kind]
      log(`dev loop: ${target.kind} edits p50 ${ms(p50)}, p95 ${ms(p95)}`)
    }
  } finally {
    stream.close()
  }
}

/** `edits` timed edits of one kind, then its file back as it was (untimed). */
async function editKind(loop, target, edits) {
  const reloads = []
  const rebuildings = []
  const builds = []
  let shown = 0
  let extraRebuilds = 0
  let summaries = 0
  for (let edit = 0; edit <= edits; edit++) {
    extraRebuilds += await settle(loop)
    const reverting = edit === edits
    const content = reverting ? target.original : target.variant(edit)
    const { log, waitFor } = loop.stream
    const from = log.length
    summaries = loop.lines.filter((line) => summaryTime.test(line)).length
    const before = performance.now()
    await writeFile(target.file, content)
    const named = (name) => (entry) => entry.name === name
    const rebuilding = await waitFor(from, named('rebuilding'), loop.timeoutMs)
    const reload = await waitFor(
      from,
      (entry) => isReady(entry) && buildOf(entry) > loop.buildId,
      loop.timeoutMs
    ).catch((error) => {
      throw new Error(
        `${target.kind} edit ${edit + 1}: no reload after the save (${error.message})`
      )
    })
    loop.buildId = buildOf(reload)
    loop.counted = log.indexOf(reload) + 1
    // More than one rebuild before the reload: the watcher reported the save twice.
    extraRebuilds += log.slice(from, loop.counted).filter(named('rebuilding')).length - 1
    if (reverting) break
    reloads.push(reload.at - before)
    loop.log(`dev loop: ${target.kind} edit ${edit + 1}/${edits}: ${ms(reload.at - before)}`)
    rebuildings.push(rebuilding.at - before)
    if (await target.shows(loop.port, edit)) shown++
    const built = await serverBuildMs(loop.lines, summaries, loop.timeoutMs)
    if (built !== undefined) builds.push(built)
  }
  extraRebuilds += await settle(loop)
  return {
    ...stats(reloads),
    rebuilding: stats(rebuildings),
    // The last rebuild's own time, as the server logs it (its summary line).
    build: stats(builds),
    samples: reloads.map(round),
    // How many of the pages served after each reload showed the edit.
    shown,
    extraRebuilds
  }
}

/** The time at the end of the dev server's summary line: `…; 2.39s`. */
const summaryTime = /^factdesk dev: .*; (\d+\.\d+)s$/

/**
 * The time of the latest summary line, once the server has logged more than `seen` of them (its
 * log is a pipe apart from the event stream, so it may come a moment after the reload; and a
 * stylesheet edit restyles pages before the rebuild of every page, which ends seconds later).
 */
async function serverBuildMs(lines, seen, timeoutMs) {
  for (let waited = 0; waited < timeoutMs; waited += 20) {
    const found = lines.filter((line) => summaryTime.test(line))
    if (found.length > seen) return Number(summaryTime.exec(found.at(-1))[1]) * 1000
    await sleep(20)
  }
  return undefined
}

/**
 * Waits until no rebuild is under way and the stream has been quiet for a whole gap; resolves
 * to the number of rebuilds that started since the last counted event (a save reported twice).
 */
async function settle(loop) {
  const { log, waitFor } = loop.stream
  let extra = 0
  for (;;) {
    await sleep(loop.gapMs)
    const fresh = log.slice(loop.counted)
    loop.counted = log.length
    for (const entry of fresh) {
      if (entry.name === 'rebuilding') extra++
      if (isReady(entry)) loop.buildId = Math.max(loop.buildId, buildOf(entry))
    }
    const last = log.findLast((entry) => entry.name === 'rebuilding' || isReady(entry))
    if (last?.name === 'rebuilding') await waitFor(loop.counted, isReady, loop.timeoutMs)
    else if (fresh.length === 0) {
      await untilBuildsLogged(loop)
      if (log.length === loop.counted) return extra
    }
  }
}

/**
 * Waits until the server has logged the end of every build it began on this stream: an early
 * restyle ends the editor's wait before the rebuild it belongs to has ended.
 */
async function untilBuildsLogged(loop) {
  const begun = loop.stream.log.filter((entry) => entry.name === 'rebuilding').length
  const ended = () => loop.lines.filter((line) => summaryTime.test(line)).length - loop.loggedAtOpen
  for (let waited = 0; ended() < begun && waited < loop.timeoutMs; waited += 20) await sleep(20)
}

function startTimes(server) {
  return { firstPageMs: round(server.firstPageMs), servingMs: round(server.servingMs) }
}

/**
 * p50 is the median (the mean of the middle two for an even count); p95 is the value at rank
 * ceil(0.95 n), so with 10 edits it is the slowest of them.
 * @param {number[]} values
 */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (rank) => sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
  if (sorted.length === 0) return { p50: null, p95: null, min: null, max: null, n: 0 }
  return {
    p50: round(median(sorted)),
    p95: round(at(Math.ceil(0.95 * sorted.length))),
    min: round(sorted[0]),
    max: round(sorted.at(-1)),
    n: sorted.length
  }
}

/**
 * The dev-loop lines under the bench's table.
 * @param {Awaited<ReturnType<typeof devLoop>>} result
 */
export function formatDevLoop(result) {
  const kinds = Object.entries(result.kinds)
  const count = result.articles.toLocaleString('en-US')
  const reload = kinds.map(([kind, s]) => `${kind} p50 ${ms(s.p50)} p95 ${ms(s.p95)}`)
  const rebuilding = kinds.map(([kind, s]) => `${kind} p50 ${ms(s.rebuilding.p50)}`)
  const built = kinds.map(([kind, s]) => `${kind} p50 ${ms(s.build.p50)}`)
  return [
    `Dev loop (${count} articles, ${result.edits} edits each): ${reload.join(' | ')} ; ` +
      `start cold ${seconds(result.cold.firstPageMs)}, warm ${seconds(result.warm.firstPageMs)}`,
    `  save to "rebuilding": ${rebuilding.join(' | ')} (issue 21: data <= 100 ms)`,
    `  the rebuild as the server logs it: ${built.join(' | ')}`,
    `  stops (Ctrl-C to exit): ${result.stops.map((stop) => `${ms(stop.ms ?? null)}${stop.forced ? ' (killed)' : ''}`).join(', ')}`
  ].join('\n')
}

const round = (value) => Math.round(value * 10) / 10
const ms = (value) => (value === null ? '—' : `${Math.round(value)} ms`)
const seconds = (value) => `${(value / 1000).toFixed(2)} s`

/**
 * An event that ends a rebuild on an open page: `reload`, or `restyle` (a stylesheet edit the
 * page applies in place, issue 21), whose data is `{ build, swaps }`.
 */
function isReady(entry) {
  return entry.name === 'reload' || entry.name === 'restyle'
}

/** The build an ending event names. */
function buildOf(entry) {
  return entry.name === 'restyle' ? Number(JSON.parse(entry.data).build) : Number(entry.data)
}
