/**
 * The loaded shape of the data desk's files (SPEC 6, "Datasets"). Everything here is plain data:
 * arrays of strings and numbers, Maps and frozen objects, no classes or closures, so that one load
 * can be shared by thousands of articles and handed to worker threads by structured clone.
 */
import type { DataDescription } from '../../data/dictionary.js'

/**
 * A table: a header row and rows keyed by their first column. Cells stay strings until a check
 * uses one as a number, because a cell like `n/a` is only wrong when it is needed.
 */
export interface Table {
  /** Header names in file order; `columns[0]` names the key column. */
  readonly columns: readonly string[]
  /** Row keys (first-column values) in file order. */
  readonly keys: readonly string[]
  /** Cells by column, then row: `cells[c][r]`, parallel to `columns` and `keys`. */
  readonly cells: readonly (readonly string[])[]
  /** 1-based source line of each row, parallel to `keys`. */
  readonly lines: readonly number[]
  /** Key -> row number, so that a lookup never scans the rows. */
  readonly index: ReadonlyMap<string, number>
  /** True when every key is an ISO date `YYYY-MM-DD`, which enables date ranges. */
  readonly dateKeys: boolean
  /**
   * Keys in ascending order (ISO dates sort as strings) and the row number of each, for binary
   * searches over date ranges. Equal to `keys` and `0..n-1` when the keys are labels.
   */
  readonly sortedKeys: readonly string[]
  readonly sortedRows: readonly number[]
}

/** A node of a record (a JSON or YAML object): an object, a table, a list or a scalar value. */
export type RecordNode =
  | {
      readonly kind: 'object'
      readonly line: number
      readonly entries: ReadonlyMap<string, RecordNode>
    }
  | { readonly kind: 'table'; readonly line: number; readonly table: Table }
  | { readonly kind: 'list'; readonly line: number; readonly items: readonly RecordNode[] }
  | {
      readonly kind: 'value'
      readonly line: number
      /** The scalar as text (`98000`, `n/a`, `true`); empty for null. */
      readonly text: string
    }

/** A CSV/TSV file, or a JSON/YAML array of objects. */
export interface TableDataset {
  readonly kind: 'table'
  /** Site-relative path, e.g. `data/markets/btc-usd.csv`. */
  readonly file: string
  readonly table: Table
  /** What the file's `.about.yaml` sidecar says of it (`data/dictionary.ts`), if it has one. */
  readonly description?: DataDescription
}

/** A JSON/YAML object whose nested values are read as `alias.a.b`. */
export interface RecordDataset {
  readonly kind: 'record'
  /** Site-relative path, e.g. `data/markets/summary.yaml`. */
  readonly file: string
  readonly root: RecordNode & { readonly kind: 'object' }
  /** What the file's `.about.yaml` sidecar says of it (`data/dictionary.ts`), if it has one. */
  readonly description?: DataDescription
}

/** One loaded data file. */
export type Dataset = TableDataset | RecordDataset

/**
 * A data file an article names that did not load, and what its articles say about it: the one
 * problem each article reports at its `data:` entry, so that no check repeats it (issue 18).
 */
export interface UnloadedData {
  readonly kind: 'unloaded'
  /** Site-relative path, e.g. `data/markets/btc-usdd.csv`. */
  readonly file: string
  /**
   * True when the file does not exist: a mistyped path, which only the article can show, so the
   * article's problem is the only one. Otherwise the file's own problems say what is wrong.
   */
  readonly missing: boolean
  /** The article's problem at its `data:` entry, e.g. `... does not exist (did you mean ...)`. */
  readonly message: string
}

/** Every data file a build loaded, by its path under `data/` as written in frontmatter. */
export interface DataStore {
  /** The dataset for a path under `data/` (normalized: `./a/b.csv` is `a/b.csv`), if it loaded. */
  get(path: string): Dataset | undefined
  /** Why a path under `data/` that articles name did not load; undefined for one that did. */
  unloaded(path: string): UnloadedData | undefined
  /**
   * The datasets by normalized path, with an `UnloadedData` for each file that did not load: the
   * plain part to send to a worker thread, which gets the reasons with the data.
   */
  readonly datasets: ReadonlyMap<string, Dataset | UnloadedData>
}

/**
 * Wraps loaded datasets in the `DataStore` interface; a worker thread calls it again on the
 * structured clone of `datasets` it received.
 */
export function createDataStore(datasets: ReadonlyMap<string, Dataset | UnloadedData>): DataStore {
  const entry = (path: string): Dataset | UnloadedData | undefined => {
    const normalized = normalizeDataPath(path)
    return normalized === undefined ? undefined : datasets.get(normalized)
  }
  return Object.freeze({
    datasets,
    get(path: string): Dataset | undefined {
      const found = entry(path)
      return found?.kind === 'unloaded' ? undefined : found
    },
    unloaded(path: string): UnloadedData | undefined {
      const found = entry(path)
      return found?.kind === 'unloaded' ? found : undefined
    }
  })
}

/**
 * The canonical form of a path under `data/`, or undefined when it may not be read: absolute
 * paths, `..` segments, backslashes and NUL bytes are refused so that no alias reaches outside
 * `data/` (SPEC 9).
 */
export function normalizeDataPath(path: string): string | undefined {
  if (path === '' || path.includes('\0') || path.includes('\\')) return undefined
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return undefined
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.')
  if (segments.length === 0 || segments.includes('..')) return undefined
  return segments.join('/')
}
