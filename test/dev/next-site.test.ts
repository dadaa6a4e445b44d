/**
 * From one dev build to the next (`src/dev/next-site.ts`): a build patched from the last one
 * (the same report, the same files at the same places) is served from the same map with only
 * the files that differ set; any other build gets a map of its own.
 */
import { describe, expect, it } from 'vitest'
import type { BuildResult } from '../../src/build.js'
import { emptySite, nextSite } from '../../src/dev/next-site.js'
import { fakeBuild, page } from './fake-build.js'
import { now, site } from './running-server.js'

const story = '2025/11/04/story/index.html'

/** What the fake build returns for the test site. */
async function built(): Promise<BuildResult> {
  return fakeBuild(site).buildSite({
    root: '/nowhere',
    out: '/nowhere/dist',
    strict: false,
    drafts: false,
    now,
    write: false
  })
}

/** `result` with the story's page replaced, as a patch makes it: every other file the same object. */
function patched(result: BuildResult, text: string): BuildResult {
  return {
    ...result,
    files: result.files.map((file) =>
      file.path === story ? { path: story, content: page(text) } : file
    )
  }
}

const served = (content: unknown): string =>
  typeof content === 'function' ? String(content()) : String(content)

describe('the site served after a patched build', () => {
  it('is served from the same map, with only the patched page set', async () => {
    const first = await built()
    const before = nextSite(emptySite, first)
    const home = before.files.get('index.html')
    const after = nextSite(before, patched(first, 'Story, edited'))
    expect(after.files).toBe(before.files)
    expect(served(after.files.get(story))).toContain('Story, edited')
    expect(after.files.get('index.html')).toBe(home)
    expect(after.pages).toBe(before.pages)
    expect(after.buildId).toBe(before.buildId + 1)
    // And again from that one: a patch of a patch.
    const again = nextSite(after, patched(first, 'Story, edited twice'))
    expect(served(again.files.get(story))).toContain('edited twice')
  })

  it('gets a map of its own when the report or the files are not the last build', async () => {
    const first = await built()
    const before = nextSite(emptySite, first)
    const otherReport = nextSite(before, { ...patched(first, 'x'), report: { ...first.report } })
    expect(otherReport.files).not.toBe(before.files)
    const fewer = nextSite(otherReport, {
      ...first,
      report: otherReport.built?.report ?? first.report,
      files: first.files.filter((file) => file.path !== 'feed.xml')
    })
    expect(fewer.files).not.toBe(otherReport.files)
    expect(fewer.files.has('feed.xml')).toBe(false)
    expect(served(fewer.files.get(story))).toContain('Story')
  })
})
