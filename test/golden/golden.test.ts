/**
 * The quick part of the golden digests (issue 16, item 6): the sample site and the two fixture
 * sites, built by the compiled CLI and compared byte for byte with `digests.json`, so `npm test`
 * catches an output change early. The bad-input corpus and the 1,000-article corpus run in
 * `npm run golden` only. See README.md beside this file.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureCompiled } from '../helpers/compiled-cli.js'
import { tempFolders } from '../helpers/temp-folders.js'
import { compareCase, listCases, quickCases, readDigests, runCase } from './golden-cases.mjs'
import type { CaseRecord, Digests, GoldenCase } from './golden-cases.mjs'

const tempFolder = tempFolders('golden')
let scratch: string
let digests: Digests
let cases: GoldenCase[]

beforeAll(async () => {
  scratch = await tempFolder()
  const recorded = await readDigests()
  if (recorded === undefined) throw new Error('test/golden/digests.json is missing')
  digests = recorded
  cases = (await listCases()).cases
  await ensureCompiled()
})

describe('golden digests', () => {
  it.each(quickCases)(
    '%s builds byte-identical to digests.json',
    async (name) => {
      const goldenCase = cases.find((entry) => entry.name === name)
      const expected = digests.cases[name]
      expect(goldenCase, `${name} is a case`).toBeDefined()
      expect(expected, `${name} is recorded`).toBeDefined()
      if (goldenCase === undefined || expected === undefined) return
      const actual = await runCase(goldenCase, { scratch })
      expect(
        compareCase(expected, actual),
        `${name} differs from test/golden/digests.json; if the change is meant, re-record (test/golden/README.md)`
      ).toEqual([])
    },
    120_000
  )

  it('names a changed, a missing and a new file', () => {
    const before: CaseRecord = {
      inputs: 'i',
      exit: 0,
      report: { sha256: 'r', bytes: 1, summary: null },
      fileCount: 2,
      tree: 'a',
      files: { 'a.html': '1', 'b.html': '2' }
    }
    const after: CaseRecord = { ...before, tree: 'b', files: { 'a.html': '9', 'c.html': '3' } }
    expect(compareCase(before, after)).toEqual([
      'changed: a.html',
      'missing: b.html',
      'new: c.html'
    ])
  })
})
