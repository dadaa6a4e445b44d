/**
 * Where an article's headline and summary were written (SPEC 5: both are prose, and a figure in
 * them is positioned inside the frontmatter). Kept as runs, a pair `[index in the string, offset in
 * the file]` wherever the string stops following its source character for character: one pair for
 * a headline written plainly, however long, so a load record of 40,000 articles stays small.
 */
import type { ParsedYaml } from '../yaml/parse-yaml.js'

/** The places of an article's prose strings (see the module comment). */
export interface ProsePlaces {
  title: number[]
  summary?: number[]
  /**
   * The runs of each check's and assert's `expr`, in frontmatter order, so that an expression's
   * error is placed at the token it is about (issue 18, item 5).
   */
  checks?: number[][]
  asserts?: number[][]
  /** The file offset of each `data:` path, by alias: where a path that names no file is reported. */
  data?: Record<string, number>
}

/**
 * The places of `title` (as validated: trimmed) and `summary`, read from the frontmatter's YAML,
 * which starts at offset `yamlStart` of the file.
 */
export function prosePlacesOf(yaml: ParsedYaml, yamlStart: number, raw: Record<string, unknown>): ProsePlaces {
  const title = typeof raw.title === 'string' ? raw.title : ''
  const leading = title.length - title.trimStart().length
  const places: ProsePlaces = {
    title: runsOf(yaml.stringOffsets(['title']), leading, title.trim().length, yamlStart)
  }
  if (typeof raw.summary === 'string') {
    places.summary = runsOf(yaml.stringOffsets(['summary']), 0, raw.summary.length, yamlStart)
  }
  for (const key of ['checks', 'asserts'] as const) {
    const entries = raw[key]
    if (!Array.isArray(entries) || entries.length === 0) continue
    places[key] = entries.map((entry: unknown, index) => {
      const expr = typeof entry === 'object' && entry !== null && 'expr' in entry ? entry.expr : undefined
      const length = typeof expr === 'string' ? expr.length : 0
      return runsOf(yaml.stringOffsets([key, index, 'expr']), 0, length, yamlStart)
    })
  }
  const data = raw.data
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    // fromEntries defines each alias as an own key, even one spelt like a prototype's.
    places.data = Object.fromEntries(
      Object.keys(data).map((alias) => [alias, (yaml.stringOffsets(['data', alias])?.[0] ?? 0) + yamlStart])
    )
  }
  return places
}

/** The file offset of each of the `length` characters a run list describes. */
export function offsetsOfRuns(runs: readonly number[], length: number): Int32Array {
  const offsets = new Int32Array(length)
  let pair = 0
  for (let index = 0; index < length; index++) {
    while (pair + 2 < runs.length && (runs[pair + 2] ?? Infinity) <= index) pair += 2
    offsets[index] = (runs[pair + 1] ?? 0) + index - (runs[pair] ?? 0)
  }
  return offsets
}

function runsOf(offsets: Int32Array | undefined, from: number, length: number, shift: number): number[] {
  if (offsets === undefined) return [0, shift]
  const runs: number[] = []
  for (let index = 0; index < length; index++) {
    const offset = (offsets[from + index] ?? 0) + shift
    const previous = runs.length === 0 ? undefined : (runs.at(-1) ?? 0) + index - (runs.at(-2) ?? 0)
    if (offset !== previous) runs.push(index, offset)
  }
  return runs.length === 0 ? [0, shift] : runs
}
