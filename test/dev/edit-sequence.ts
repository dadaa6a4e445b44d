/**
 * What the test of `factdesk dev` against a fresh build needs (issue 21, item 7): the real build
 * wrapped so that the latest dev build can be read back, a way to edit the site and wait until
 * the server has taken the edit in, and comparisons that name the first file that differs. It
 * relies only on what every dev server does (build through `buildSite`, announce each swap on
 * the event stream), never on how a rebuild is made faster.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { expect } from 'vitest'
import { build } from '../../src/build.js'
import { markerName } from '../../src/output/output-marker.js'
import { readTree } from '../helpers/read-tree.js'
import { openEventStream } from './event-stream.js'
import type { BuildOptions, BuildResult } from '../../src/build.js'
import type { OutputFile } from '../../src/types.js'

/** One finished dev build: the options the server gave and what the build returned. */
export interface RecordedBuild {
  /** Counts the builds started, from 1. */
  index: number
  options: BuildOptions
  result: BuildResult
}

/** The real build, recording what the dev server asks of it. */
export interface RecordingBuild {
  buildSite: typeof build
  /** The build that finished last; undefined before the first one. */
  readonly latest: RecordedBuild | undefined
  /** How many builds have started. */
  readonly started: number
  /** How many builds are running. */
  readonly running: number
  /** Makes `edit` (synchronous) while the next build runs, once it has read the site. */
  duringNextBuild(edit: () => void): void
}

/**
 * Wraps the real `build`, passing every option through untouched; only a build given an edit to
 * make midway sees its progress callback wrapped, to make that edit on its first call.
 */
export function recordingBuild(): RecordingBuild {
  let latest: RecordedBuild | undefined
  let started = 0
  let running = 0
  let midway: (() => void) | undefined
  const buildSite: typeof build = async (options) => {
    const index = ++started
    running++
    let edit = midway
    midway = undefined
    const given: BuildOptions =
      edit === undefined
        ? options
        : {
            ...options,
            onProgress: (stage, done, total) => {
              const now = edit
              edit = undefined
              now?.()
              options.onProgress?.(stage, done, total)
            }
          }
    try {
      const result = await build(given)
      latest = { index, options, result }
      return result
    } finally {
      running--
    }
  }
  return {
    buildSite,
    duringNextBuild(edit) {
      midway = edit
    },
    get latest() {
      return latest
    },
    get started() {
      return started
    },
    get running() {
      return running
    }
  }
}

/**
 * The same build from scratch: the dev build's own options without what carries work from one
 * build to the next (its cache folder, a kept session) or reports on it (progress).
 */
export async function freshBuild(options: BuildOptions): Promise<BuildResult> {
  const unknown = Object.keys(options).filter((key) => !knownOptions.has(key))
  // A new option might carry work between builds: the fresh build must not inherit it unseen.
  if (unknown.length > 0)
    throw new Error(
      `the dev build passes options this test does not know: ${unknown.join(', ')}; ` +
        'say in edit-sequence.ts whether a fresh build keeps them'
    )
  const fresh: BuildOptions & Record<string, unknown> = { ...options }
  for (const key of carried) delete fresh[key]
  return build(fresh)
}

/** Options that carry work from one build to the next, or only report on it. */
const carried = ['cacheDir', 'session', 'onProgress', 'onBrief']

/** Options a fresh build takes from the dev build as they are. */
const knownOptions = new Set([
  ...carried,
  ...['root', 'out', 'strict', 'drafts', 'now', 'write', 'variants', 'search', 'force', 'workers']
])

/**
 * The site `factdesk build --no-cache` writes for the dev build's site and flags, into `out`
 * (which must be empty), read back.
 */
export async function writtenBuild(options: BuildOptions, out: string): Promise<OutputFile[]> {
  const { root, strict, drafts, now } = options
  const result = await build({ root, out, strict, drafts, now, write: true, variants: true })
  if (result.exit !== 0) throw new Error(`the written build failed with exit ${result.exit}`)
  // The marker saying factdesk wrote the folder is not part of the site (SPEC 9).
  return [...(await readTree(out))]
    .filter(([path]) => path !== markerName)
    .map(([path, content]) => ({ path, content }))
}

/** Milliseconds without a build starting or running before the server counts as settled. */
const quietMs = 300

/**
 * Runs `edit`, waits for the server's `event` (`reload`, or `restyle` for a stylesheet-only
 * edit), then until no build runs and none has started for a moment, and returns the latest
 * build, which must have started after the edit.
 */
export async function editAndSettle(
  origin: string,
  recorder: RecordingBuild,
  event: 'reload' | 'restyle',
  edit: () => Promise<void>
): Promise<RecordedBuild> {
  // A stream per edit: events of earlier builds are never taken for this one's.
  const events = await openEventStream(`${origin}/__factdesk/events`)
  try {
    await events.next('build')
    const before = recorder.started
    await edit()
    await events.next(event, 30_000)
    let quietSince = performance.now()
    let seen = recorder.started
    const deadline = performance.now() + 30_000
    while (performance.now() - quietSince < quietMs) {
      if (performance.now() > deadline) throw new Error('the dev server did not settle in 30 s')
      await new Promise((resolve) => setTimeout(resolve, 20))
      if (recorder.running > 0 || recorder.started !== seen) {
        seen = recorder.started
        quietSince = performance.now()
      }
    }
    const latest = recorder.latest
    if (latest === undefined || latest.index <= before)
      throw new Error('no build started after the edit')
    return latest
  } finally {
    events.close()
  }
}

/** Asserts that the dev build made exactly the fresh build's site, verdict and report. */
export function expectSameBuild(step: string, dev: BuildResult, fresh: BuildResult): void {
  expect(
    dev.files.map((file) => file.path),
    `${step}: output paths`
  ).toEqual(fresh.files.map((file) => file.path))
  fresh.files.forEach((file, at) => {
    expectSameBytes(`${step}: ${file.path}`, dev.files[at], file)
  })
  expect(dev.exit, `${step}: exit`).toBe(fresh.exit)
  expect(dev.report, `${step}: report`).toEqual(fresh.report)
}

/** Asserts byte equality, naming the file and showing both sides where they first differ. */
export function expectSameBytes(
  label: string,
  actual: OutputFile | undefined,
  expected: OutputFile
): void {
  const got = bytesOf(actual?.content ?? '')
  const want = bytesOf(expected.content)
  if (got.equals(want)) return
  let at = 0
  while (at < got.length && at < want.length && got[at] === want[at]) at++
  const excerpt = (bytes: Buffer): string =>
    JSON.stringify(bytes.subarray(Math.max(0, at - 60), at + 60).toString('utf8'))
  expect.fail(
    `${label} differs at byte ${at} (${got.length} bytes, fresh build ${want.length}):\n` +
      `  dev:   ${excerpt(got)}\n  fresh: ${excerpt(want)}`
  )
}

/** A file's content as bytes, whichever form the build kept it in. */
export function bytesOf(content: string | Uint8Array): Buffer {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content)
}

/**
 * Asserts that the server serves `file` as the fresh build made it: the same bytes, except that
 * an HTML page carries the server's live-reload snippet just before its last `</body>`.
 */
export async function expectServedAsBuilt(siteUrl: string, file: OutputFile): Promise<void> {
  const response = await fetch(new URL(encodeURI(file.path), siteUrl))
  expect(response.status, `GET ${file.path}`).toBe(200)
  const served = Buffer.from(await response.arrayBuffer())
  const want = bytesOf(file.content)
  if (!file.path.endsWith('.html')) {
    expectSameBytes(`served ${file.path}`, { path: file.path, content: served }, file)
    return
  }
  const at = want.toString('latin1').toLowerCase().lastIndexOf('</body')
  const head = at === -1 ? want : want.subarray(0, at)
  const tail = at === -1 ? Buffer.alloc(0) : want.subarray(at)
  expect(served.length, `served ${file.path}: no snippet was injected`).toBeGreaterThan(want.length)
  const servedHead = served.subarray(0, head.length)
  const servedTail = served.subarray(served.length - tail.length)
  expectSameBytes(
    `served ${file.path} before </body>`,
    { path: file.path, content: servedHead },
    {
      path: file.path,
      content: head
    }
  )
  expectSameBytes(
    `served ${file.path} from </body>`,
    { path: file.path, content: servedTail },
    {
      path: file.path,
      content: tail
    }
  )
}

/** The text of the output file at `path`. */
export function textOf(result: BuildResult, path: string): string {
  const file = result.files.find((one) => one.path === path)
  if (file === undefined) throw new Error(`the build made no ${path}`)
  return bytesOf(file.content).toString('utf8')
}

/** The paths of a build's output files, in their order. */
export const paths = (result: BuildResult): string[] => result.files.map((file) => file.path)

/** Replaces the first `from` in the file at `path`, which must hold it. */
export async function replaceIn(path: string, from: string, to: string): Promise<void> {
  const text = await readFile(path, 'utf8')
  if (!text.includes(from)) throw new Error(`${path} holds no ${JSON.stringify(from)}`)
  await writeFile(path, text.replace(from, to))
}
