/**
 * The repository's own sample newsroom (content/ and data/ at the root), built for the browser
 * and validity suites, and a static server over a built folder that behaves like a plain web
 * host (sirv), so that the pages are tested exactly as they are published.
 */
import { createServer } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import sirv from 'sirv'
import { build } from '../../src/build.js'
import { copySample as copySampleFolders, sampleRoot } from '../helpers/sample-site.js'
import type { AddressInfo } from 'node:net'
import type { BuildResult } from '../../src/build.js'

export { sampleRoot }

/** A fixed "now" after every sample article, so builds are the same on every run. */
export const sampleNow = DateTime.fromISO('2025-11-06T00:00:00Z', { zone: 'utc' })

/** A built sample site in a temporary folder. */
export interface BuiltSample {
  out: string
  result: BuildResult
  remove(): Promise<void>
}

/** Builds the sample site into a fresh temporary folder; fails unless the build passes. */
export async function buildSample(): Promise<BuiltSample> {
  const parent = await mkdtemp(join(tmpdir(), 'factdesk-sample-'))
  const out = join(parent, 'dist')
  const result = await build({
    root: sampleRoot,
    out,
    strict: false,
    drafts: false,
    now: sampleNow,
    write: true
  })
  const remove = (): Promise<void> => rm(parent, { recursive: true, force: true })
  if (result.exit !== 0) {
    await remove()
    const problems = result.report.articles.flatMap((entry) =>
      entry.problems
        .filter((problem) => problem.severity === 'error')
        .map(
          (problem) =>
            `${problem.file ?? entry.file}:${problem.line}:${problem.column} ${problem.message}`
        )
    )
    throw new Error(`the sample site does not build (exit ${result.exit}):\n${problems.join('\n')}`)
  }
  return { out, result, remove }
}

/**
 * Copies the sample site's sources (content/, data/, templates/) into a fresh temporary folder,
 * with a `remove` for suites that end before their file does.
 */
export async function copySample(): Promise<{ root: string; remove(): Promise<void> }> {
  const root = await copySampleFolders(['content', 'data', 'templates'])
  return { root, remove: () => rm(root, { recursive: true, force: true }) }
}

/** A static server over `dir` on 127.0.0.1 and a free port. */
export async function serveFolder(
  dir: string
): Promise<{ origin: string; close(): Promise<void> }> {
  const serve = sirv(dir, { dev: true, dotfiles: false })
  const server = createServer((request, response) =>
    serve(request, response, () => {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n')
    })
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
