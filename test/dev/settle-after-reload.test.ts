/**
 * What a build leaves for after its result (keeping it in the cache folder, `settleSession`) is
 * done by the dev server once open pages have been told to reload, without waiting for the next
 * save, and before the server says it has stopped.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { leaveForAfter } from '../../src/cache/build-session.js'
import { startDevServer } from '../../src/dev/dev-server.js'
import type { build } from '../../src/build.js'
import { siteYaml, tempSite } from '../helpers/temp-site.js'
import { openEventStream } from './event-stream.js'
import { fakeBuild } from './fake-build.js'
import { serverOptions, site } from './running-server.js'

const story = 'content/2025/11/04/story.md'

/** A fake build that leaves `after(n)` for after its result, n counting builds from 1. */
function leavingBuild(after: (n: number) => Promise<void>): typeof build {
  const fake = fakeBuild(site)
  let builds = 0
  return async (options) => {
    const result = await fake.buildSite(options)
    const n = ++builds
    if (options.session) leaveForAfter(options.session, () => after(n))
    return result
  }
}

async function until(holds: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000
  while (!holds()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('the dev server keeping each build', () => {
  it('keeps a build once its reload is sent, without waiting for another save', async () => {
    const root = await tempSite({ 'data/site.yaml': siteYaml, [story]: '---\ntitle: x\n---\n' })
    const kept: number[] = []
    const server = await startDevServer({
      ...serverOptions(root),
      buildSite: leavingBuild(async (n) => {
        kept.push(n)
      })
    })
    try {
      await until(() => kept.length === 1)
      const events = await openEventStream(`${server.url}__factdesk/events`)
      try {
        await events.next('build')
        await writeFile(join(root, story), '---\ntitle: edited\n---\n')
        await events.next('reload', 10_000)
      } finally {
        events.close()
      }
      await until(() => kept.length === 2)
      expect(kept).toEqual([1, 2])
    } finally {
      await server.close()
    }
  })

  it('finishes keeping the last build before it has stopped', async () => {
    const root = await tempSite({ 'data/site.yaml': siteYaml, [story]: '---\ntitle: x\n---\n' })
    const kept: number[] = []
    let started = 0
    const server = await startDevServer({
      ...serverOptions(root),
      buildSite: leavingBuild(async (n) => {
        started++
        await new Promise((resolve) => setTimeout(resolve, 200))
        kept.push(n)
      })
    })
    await until(() => started === 1)
    await server.close()
    expect(kept).toEqual([1])
  })
})
