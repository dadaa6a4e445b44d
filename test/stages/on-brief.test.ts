/** `onBrief` shows each brief as it is settled (issue 21: the dev server serves them early). */
import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { tempSite } from '../helpers/temp-site.js'

it('gives every brief of the build, by output file, with the bytes the build serves', async () => {
  const root = await tempSite({})
  await cp(join(import.meta.dirname, '../fixtures/factcheck-site'), root, { recursive: true })
  const shown = new Map<string, Uint8Array>()
  const result = await build({
    root,
    out: join(root, 'dist'),
    strict: false,
    drafts: false,
    now: DateTime.fromISO('2025-11-05T00:00:00Z'),
    write: false,
    search: false,
    onBrief: (path, content) => shown.set(path, content)
  })
  const files = new Map(result.files.map((file) => [file.path, file.content]))
  const briefs = result.articles.map((article) => `${article.url.replace(/^\//, '')}index.html`)
  expect([...shown.keys()].sort()).toEqual(briefs.sort())
  for (const [path, content] of shown)
    expect(Buffer.from(content).equals(Buffer.from(files.get(path) ?? ''))).toBe(true)
})
