/**
 * Fixture pairs, unified's habit: each case is a folder `test/fixtures/<area>/<case>/` holding an
 * `input.md` and the `expected.json` of what the production pipeline makes of it; one loop turns
 * the folders into tests. With `UPDATE=1` in the environment the loop writes what the pipeline
 * gives into `expected.json` instead of comparing, and the diff is reviewed like code.
 *
 * A case whose `expected.json` states what the SPEC asks but the code does not do yet holds a
 * `known-bug.md` saying what is wrong. It runs as a test that must fail (`it.fails`), so the suite
 * stays green while the bug stands and goes red the day it is fixed, to have the note removed;
 * `UPDATE=1` never rewrites its expectation.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { describe, expect, it } from 'vitest'

/** The folder every area's cases are under. */
export const fixturesRoot = fileURLToPath(new URL('../fixtures/', import.meta.url))

/** One case of an area. */
export interface FixtureCase {
  /** The folder name, e.g. `range-en-dash`. */
  name: string
  /** Absolute path of the case folder; a site root for cases with `data/` files. */
  dir: string
  /** The text of `input.md`. */
  input: string
  /** What `known-bug.md` says, for a case the code does not pass yet. */
  knownBug?: string
}

const updating = process.env.UPDATE === '1'

/** Every case folder of `area` (`figures`, `checks`, `briefs`), sorted by name. */
export function fixtureCases(area: string): FixtureCase[] {
  const folder = join(fixturesRoot, area)
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name): FixtureCase => {
      const dir = join(folder, name)
      const inputFile = join(dir, 'input.md')
      if (!existsSync(inputFile)) throw new TypeError(`fixture \`${area}/${name}\` has no input.md`)
      const bugFile = join(dir, 'known-bug.md')
      const input = readFileSync(inputFile, 'utf8')
      return existsSync(bugFile)
        ? { name, dir, input, knownBug: readFileSync(bugFile, 'utf8').trim() }
        : { name, dir, input }
    })
}

/**
 * Declares one test per case of `area`: `outcome` runs the case through the production pipeline
 * and returns a plain, JSON-shaped summary, which must equal the case's `expected.json`.
 */
export function testFixturePairs(
  area: string,
  outcome: (fixture: FixtureCase) => Promise<unknown>
): void {
  describe(`fixture pairs: ${area}`, () => {
    for (const fixture of fixtureCases(area)) {
      const expectedFile = join(fixture.dir, 'expected.json')
      if (fixture.knownBug !== undefined) {
        it.fails(`${fixture.name} (known bug: ${firstLine(fixture.knownBug)})`, async () => {
          expect(asJson(await outcome(fixture))).toEqual(readExpected(expectedFile))
        })
        continue
      }
      it(fixture.name, async () => {
        const actual = asJson(await outcome(fixture))
        if (updating) {
          await writeFile(expectedFile, await formatJson(actual))
          return
        }
        expect(actual, `${area}/${fixture.name}/expected.json`).toEqual(readExpected(expectedFile))
      })
    }
  })
}

/** The value as JSON would carry it: no `undefined` fields, no class instances. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown
}

function readExpected(file: string): unknown {
  if (!existsSync(file)) {
    throw new TypeError(`no \`${file}\`: write it, or run the test with UPDATE=1 and review it`)
  }
  return JSON.parse(readFileSync(file, 'utf8')) as unknown
}

/** JSON as `npm run format` leaves it, so that rewriting expectations never churns formatting. */
async function formatJson(value: unknown): Promise<string> {
  const file = join(fixturesRoot, 'expected.json')
  const options = (await resolveConfig(file)) ?? {}
  return format(JSON.stringify(value), { ...options, parser: 'json' })
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? ''
}
