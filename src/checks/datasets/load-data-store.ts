/**
 * Loads the data files that articles name in their `data:` maps (SPEC 4, 6), each distinct file
 * once however many articles use it, refusing any path that would leave `data/` and any file that
 * is not a regular file inside the site within `sizeLimits.dataFile` (SPEC 9). A file that cannot
 * be used becomes a positioned problem and an `UnloadedData` entry of the store; the build goes on
 * with the others. A file that does not exist has no position of its own: the store says so, with
 * the existing file the path likely means, and each article naming it reports it at its `data:`
 * entry (issue 18, item 5). A file's `.about.yaml` sidecar, when there is one, describes it for
 * readers (issue 19, `data/dictionary.ts`) and is never data itself. The format is the data source of `src/data/sources.ts` that claims the file's extension;
 * its bytes, read once, give both the dataset and the digest the build cache keys checks with.
 */
import type { DataLoad, DataSource } from '../../data/data-source.js'
import { dataSources, listExtensions, sourceFor } from '../../data/sources.js'
import { isDescriptionFile } from '../../data/dictionary.js'
import { readDescriptionFile, unknownColumns } from '../../data/dictionary-file.js'
import { describeRefusal, readSiteFile } from '../../io/read-site-file.js'
import type { Refusal } from '../../io/read-site-file.js'
import { sizeLimits } from '../../io/size-limits.js'
import { didYouMean, pathReach } from '../../text/did-you-mean.js'
import type { Problem, SiteProblem } from '../../types.js'
import { createDataStore, normalizeDataPath } from './dataset.js'
import type { DataStore, Dataset, UnloadedData } from './dataset.js'
import { existingDataFiles } from './existing-data-files.js'
import type { RuleId } from '../../rules.js'

/**
 * Rule of a path that would leave `data/`: the catalogue in `src/rules.ts` files data paths that
 * leave their folder under `path-unsafe`.
 */
const unsafePathRule = 'path-unsafe'

/** Files read at once: enough to overlap disk waits, few enough to stay clear of EMFILE. */
const concurrentReads = 16

/** The digest of a data file that was not read (refused, missing, or of no known format). */
export const unreadDigest = 'unreadable'

/** How to load a data store. */
export interface LoadDataOptions {
  /** The data sources to look formats up in, in order. Default: `dataSources`, every format. */
  sources?: readonly DataSource[]
  /**
   * What earlier builds of a resident process loaded, by file (`data/...`): a file whose digest is
   * the same is not parsed again (equal digests promise equal loads). Updated with this build's.
   */
  kept?: Map<string, KeptLoad>
}

/** A data file's load, with the digest of the bytes it was made from. */
export interface KeptLoad {
  source: string
  digest: string
  loaded: DataLoad
}

/** A loaded data store, the problems of the files left out of it, and each file's digest. */
export interface LoadedData {
  store: DataStore
  problems: SiteProblem[]
  /**
   * Each path of `paths` as given -> its source's digest of the bytes that were loaded, or
   * `unreadDigest` for a file that was not read: what the build cache keys checks with.
   */
  digests: Map<string, string>
}

type Loaded = {
  dataset: Dataset | undefined
  problems: Problem[]
  digest: string
  /** The file does not exist: its problem is the articles', at their `data:` entries. */
  missing?: true
}

/**
 * Loads every distinct data file among `paths` (paths under `root/data/`, as written in
 * frontmatter) into a frozen store, with the problems of the files that could not be used.
 */
export async function loadDataStore(
  root: string,
  paths: Iterable<string>,
  options: LoadDataOptions = {}
): Promise<LoadedData> {
  const sources = options.sources ?? dataSources
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
      loaded[i] = await loadDataFile(root, distinct[i] ?? '', sources, options.kept)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrentReads, distinct.length) }, worker))
  if (options.kept) {
    // A file no article names any more is let go.
    const named = new Set(distinct.map((path) => `data/${path}`))
    for (const file of options.kept.keys()) if (!named.has(file)) options.kept.delete(file)
  }

  const datasets = new Map<string, Dataset | UnloadedData>()
  const problems: SiteProblem[] = refused.map((path) =>
    problem(
      `data/${path}`,
      unsafePathRule,
      `data path "${path}" leaves the data/ folder: write it relative to data/, without "..", a leading "/" or "\\"`
    )
  )
  const digestsByPath = new Map<string, string>()
  // Listed once, and only when some path is mistyped: what "did you mean" chooses from.
  let existing: Promise<string[]> | undefined
  for (const [i, path] of distinct.entries()) {
    const result = loaded[i]
    if (result === undefined) continue
    digestsByPath.set(path, result.digest)
    if (result.dataset !== undefined) {
      datasets.set(path, result.dataset)
    } else if (result.missing === true) {
      existing ??= existingDataFiles(root, sources)
      const hint = didYouMean(path, await existing, { reach: pathReach })
      datasets.set(path, missingFile(path, hint))
      // The hint is part of what the articles report: a new file near the path re-checks them.
      digestsByPath.set(path, `${unreadDigest}${hint}`)
    } else {
      datasets.set(
        path,
        Object.freeze({
          kind: 'unloaded',
          file: `data/${path}`,
          missing: false,
          message: `data/${path} could not be loaded: see the problems reported for that file`
        })
      )
    }
    // A source positions its problems in the file it was handed: that file is theirs.
    for (const problem of result.problems) problems.push({ ...problem, file: problem.file ?? path })
  }
  const digests = new Map<string, string>()
  for (const [path, normalized] of requested) {
    const digest = normalized === undefined ? undefined : digestsByPath.get(normalized)
    digests.set(path, digest ?? unreadDigest)
  }
  return { store: createDataStore(datasets), problems, digests }
}

async function loadDataFile(
  root: string,
  path: string,
  sources: readonly DataSource[],
  kept?: Map<string, KeptLoad>
): Promise<Loaded> {
  const file = `data/${path}`
  const fail = (rule: RuleId, message: string): Loaded => ({
    dataset: undefined,
    problems: [problem(file, rule, message)],
    digest: unreadDigest
  })

  // A sidecar names data only to describe it: binding one would read its words as numbers.
  if (isDescriptionFile(path)) {
    return fail(
      'data-unreadable',
      `${file} describes a data file (data dictionary), it is not data: bind the data file it describes`
    )
  }
  // The format first: a file factdesk would not parse is not worth reading.
  const source = sourceFor(path, sources)
  if (source === undefined) {
    return fail(
      'data-unreadable',
      `${file} is not a data file factdesk reads: use ${listExtensions(sources)}`
    )
  }
  const read = await readSiteFile(root, file, sizeLimits.dataFile)
  // A path that names nothing is the article's mistake, reported where the article wrote it.
  if (!(read instanceof Uint8Array) && read.reason === 'missing')
    return { dataset: undefined, problems: [], digest: unreadDigest, missing: true }
  if (!(read instanceof Uint8Array)) {
    return fail(
      read.reason === 'outside' ? unsafePathRule : 'data-unreadable',
      refusalMessage(file, read)
    )
  }
  const context = { bytes: read, file }
  const [digest, about] = await Promise.all([
    source.digest(context),
    readDescriptionFile(root, path)
  ])
  const held = kept?.get(file)
  const loaded =
    held?.digest === digest && held.source === source.name
      ? held.loaded
      : await source.load(context)
  kept?.set(file, { source: source.name, digest, loaded })
  const dataset =
    loaded.dataset === undefined || about.description === undefined
      ? loaded.dataset
      : Object.freeze({ ...loaded.dataset, description: about.description })
  // The description's words reach the panel: its digest is part of what checks are keyed with.
  const keyed = about.digest === '' ? digest : `${digest}+about:${about.digest}`
  const columns = loaded.dataset === undefined ? [] : unknownColumns(loaded.dataset, about)
  return { dataset, problems: [...loaded.problems, ...about.problems, ...columns], digest: keyed }
}

/**
 * The problem of a mistyped path, as each article naming it reports it at its `data:` entry, with
 * the existing file it is likely to mean.
 */
function missingFile(path: string, hint: string): UnloadedData {
  const file = `data/${path}`
  const fix = hint === '' ? ': fix the path in the data: map, or add the file' : hint
  const message = `data file ${file} does not exist${fix}`
  return Object.freeze({ kind: 'unloaded', file, missing: true, message })
}

/** What to tell the editor about a data file that was not read, and how to fix it. */
function refusalMessage(file: string, refusal: Refusal): string {
  switch (refusal.reason) {
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

function problem(file: string, rule: RuleId, message: string): SiteProblem {
  return { severity: 'error', line: 1, column: 1, rule, message, file }
}
