/**
 * Loads the data files that articles name in their `data:` maps (SPEC 4, 6), each distinct file
 * once however many articles use it, refusing any path that would leave `data/` and any file that
 * is not a regular file inside the site within `sizeLimits.dataFile` (SPEC 9). A file that cannot
 * be used becomes a positioned problem and is left out of the store; the build goes on with the
 * others.
 */
import { extname } from 'node:path'
import { describeRefusal, readSiteFile } from '../../io/read-site-file.js'
import type { Refusal } from '../../io/read-site-file.js'
import { sizeLimits } from '../../io/size-limits.js'
import { decodeUtf8, describeNotUtf8 } from '../../text/decode-utf8.js'
import type { Problem } from '../../types.js'
import { createDataStore, normalizeDataPath } from './dataset.js'
import type { DataStore, Dataset } from './dataset.js'
import { parseDelimited } from './parse-csv.js'
import { parseJson, parseYaml } from './parse-structured.js'
import type { RuleId } from '../../rules.js'

/**
 * Rule of a path that would leave `data/`: the catalogue in `src/rules.ts` files data paths that
 * leave their folder under `path-unsafe`.
 */
const unsafePathRule = 'path-unsafe'

/** Files read at once: enough to overlap disk waits, few enough to stay clear of EMFILE. */
const concurrentReads = 16

type Loaded = { dataset: Dataset | undefined; problems: Problem[] }

/**
 * Loads every distinct data file among `paths` (paths under `root/data/`, as written in
 * frontmatter) into a frozen store, with the problems of the files that could not be used.
 */
export async function loadDataStore(
  root: string,
  paths: Iterable<string>
): Promise<{ store: DataStore; problems: Problem[] }> {
  const requested = new Map<string, string | undefined>()
  for (const path of paths) {
    if (!requested.has(path)) requested.set(path, normalizeDataPath(path))
  }
  const refused = [...requested]
    .filter(([, normalized]) => normalized === undefined)
    .map(([path]) => path)
  const distinct = [...new Set([...requested.values()].filter((path) => path !== undefined))]

  const loaded: Loaded[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < distinct.length) {
      const i = next++
      loaded[i] = await loadDataFile(root, distinct[i] ?? '')
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrentReads, distinct.length) }, worker))

  const datasets = new Map<string, Dataset>()
  const problems: Problem[] = refused.map((path) =>
    problem(
      `data/${path}`,
      unsafePathRule,
      `data path "${path}" leaves the data/ folder: write it relative to data/, without "..", a leading "/" or "\\"`
    )
  )
  distinct.forEach((path, i) => {
    const result = loaded[i]
    if (result === undefined) return
    if (result.dataset !== undefined) datasets.set(path, result.dataset)
    problems.push(...result.problems)
  })
  return { store: createDataStore(datasets), problems }
}

async function loadDataFile(root: string, path: string): Promise<Loaded> {
  const file = `data/${path}`
  const fail = (rule: RuleId, message: string, line = 1, column = 1): Loaded => ({
    dataset: undefined,
    problems: [{ ...problem(file, rule, message), line, column }]
  })

  // The format first: a file factdesk would not parse is not worth reading.
  const format = formatOf(path)
  if (format === undefined) {
    return fail(
      'data-unreadable',
      `${file} is not a data file factdesk reads: use .csv, .tsv, .json, .yaml or .yml`
    )
  }
  const read = await readSiteFile(root, file, sizeLimits.dataFile)
  if (!(read instanceof Uint8Array)) {
    return fail(
      read.reason === 'outside' ? unsafePathRule : 'data-unreadable',
      refusalMessage(file, read)
    )
  }
  const text = decodeUtf8(read)
  if (typeof text !== 'string') {
    return fail(
      'data-unreadable',
      `${file} is not UTF-8 text: ${describeNotUtf8(text)}; save the file as UTF-8`,
      text.line,
      text.column
    )
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    return fail(
      'data-unreadable',
      `${file} is empty: add a header row (or, for JSON and YAML, a list of rows or an object)`
    )
  }

  switch (format) {
    case 'csv':
      return parseDelimited(text, file, ',')
    case 'tsv':
      return parseDelimited(text, file, '\t')
    case 'json':
      return parseJson(text, file)
    case 'yaml':
      return parseYaml(text, file)
  }
}

function formatOf(path: string): 'csv' | 'tsv' | 'json' | 'yaml' | undefined {
  switch (extname(path).toLowerCase()) {
    case '.csv':
      return 'csv'
    case '.tsv':
      return 'tsv'
    case '.json':
      return 'json'
    case '.yaml':
    case '.yml':
      return 'yaml'
    default:
      return undefined
  }
}

/** What to tell the editor about a data file that was not read, and how to fix it. */
function refusalMessage(file: string, refusal: Refusal): string {
  switch (refusal.reason) {
    case 'missing':
      return `data file ${file} does not exist: fix the path in the article's data: map, or add the file`
    case 'outside':
      return `${file} is a link to a file outside the site: copy the file into data/ instead`
    case 'not-a-file':
      if (refusal.kind === 'folder')
        return `${file} is a folder, not a data file: name a file inside it`
      break
    default:
      break
  }
  return `cannot read ${file}: ${describeRefusal(refusal)}`
}

function problem(file: string, rule: RuleId, message: string): Problem {
  return { severity: 'error', line: 1, column: 1, rule, message, file }
}
