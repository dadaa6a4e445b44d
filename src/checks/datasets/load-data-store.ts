/**
 * Loads the data files that articles name in their `data:` maps (SPEC 4, 6), each distinct file
 * once however many articles use it, refusing any path that would leave `data/` (SPEC 9). A file
 * that cannot be used becomes a positioned problem and is left out of the store; the build goes on
 * with the others.
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, join, sep } from 'node:path'
import type { Problem } from '../../types.js'
import { createDataStore, normalizeDataPath } from './dataset.js'
import type { DataStore, Dataset } from './dataset.js'
import { parseDelimited } from './parse-csv.js'
import { parseJson, parseYaml } from './parse-structured.js'

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

  const folders = await realFolders(root)
  const loaded: Loaded[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < distinct.length) {
      const i = next++
      loaded[i] = await loadDataFile(root, folders, distinct[i] ?? '')
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

/** Real paths of the site root and of `data/`: a file may resolve into either. */
async function realFolders(root: string): Promise<string[]> {
  const folders: string[] = []
  for (const folder of [root, join(root, 'data')]) {
    try {
      folders.push(await realpath(folder))
    } catch {
      // A missing folder holds no files: every file under it is reported as missing.
    }
  }
  return folders
}

async function loadDataFile(
  root: string,
  folders: readonly string[],
  path: string
): Promise<Loaded> {
  const file = `data/${path}`
  const fail = (rule: string, message: string): Loaded => ({
    dataset: undefined,
    problems: [problem(file, rule, message)]
  })

  let real: string
  try {
    real = await realpath(join(root, 'data', path))
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') {
      return fail(
        'data-unreadable',
        `data file ${file} does not exist: fix the path in the article's data: map, or add the file`
      )
    }
    return fail(
      'data-unreadable',
      `cannot read ${file} (${errorCode(error) ?? 'unknown error'}): check the file's permissions`
    )
  }
  if (!folders.some((folder) => real.startsWith(folder + sep))) {
    return fail(
      unsafePathRule,
      `${file} is a link to a file outside the site: copy the file into data/ instead`
    )
  }

  const format = formatOf(path)
  if (format === undefined) {
    return fail(
      'data-unreadable',
      `${file} is not a data file factdesk reads: use .csv, .tsv, .json, .yaml or .yml`
    )
  }

  let text: string
  try {
    if (!(await stat(real)).isFile())
      return fail('data-unreadable', `${file} is a folder, not a data file: name a file inside it`)
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(real))
  } catch (error) {
    if (error instanceof TypeError)
      return fail('data-unreadable', `${file} is not UTF-8 text: save it as UTF-8`)
    return fail(
      'data-unreadable',
      `cannot read ${file} (${errorCode(error) ?? 'unknown error'}): check the file's permissions`
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

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'string' ? error.code : undefined
}

function problem(file: string, rule: string, message: string): Problem {
  return { severity: 'error', line: 1, column: 1, rule, message, file }
}
