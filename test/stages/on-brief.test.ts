/** `onBrief` shows each brief as it is settled (issue 21: the dev server serves them early). */
import { expect, it } from 'vitest'
import { devBuild, siteCopy } from './session-site.js'

it('gives every brief of the build, by output file, with the bytes the build serves', async () => {
  const root = await siteCopy()
  const shown = new Map<string, Uint8Array>()
  const result = await devBuild(root, { onBrief: (path, content) => shown.set(path, content) })
  const files = new Map(result.files.map((file) => [file.path, file.content]))
  const briefs = result.articles.map((article) => `${article.url.replace(/^\//, '')}index.html`)
  expect([...shown.keys()].sort()).toEqual(briefs.sort())
  for (const [path, content] of shown)
    expect(Buffer.from(content).equals(Buffer.from(files.get(path) ?? ''))).toBe(true)
})
