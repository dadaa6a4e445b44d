/**
 * A data source: one format of the data desk's files (SPEC 6, "Datasets"), as an entry of the
 * registry in `sources.ts` rather than a branch of the loader. The model is Astro's `Loader` and
 * Eleventy's `addDataExtension`: a name, the extensions it claims, and two functions of the file.
 * The loader reads each file once, within `sizeLimits.dataFile`, and hands the same bytes to both.
 */
import { createHash } from 'node:crypto'
import type { Dataset } from '../checks/datasets/dataset.js'
import type { Problem } from '../types.js'

/** What a source is given about one data file. */
export interface DataContext {
  /**
   * The whole file as read from disk (at most `sizeLimits.dataFile` bytes, possibly none).
   * Decoding them (UTF-8 for the text formats) is the source's own business, so that a binary
   * format can be an entry like any other.
   */
  readonly bytes: Uint8Array
  /**
   * Site-relative path with `/` separators, e.g. `data/markets/btc-usd.csv`: the `file` of the
   * dataset and of every problem the source reports.
   */
  readonly file: string
}

/** What a source makes of one file. */
export interface DataLoad {
  /**
   * The frozen table or record read from the file, or undefined when nothing of it can be used
   * (checks naming it then find no dataset).
   */
  dataset: Dataset | undefined
  /**
   * Every problem found, each positioned (1-based `line` and `column`) in the file, with the rule
   * `data-unreadable` for a file that is not of the format at all and `data-malformed` for one
   * that is, wrongly written. A dataset may come with problems (a duplicate key keeps its first
   * row).
   */
  problems: Problem[]
}

/** One data format. */
export interface DataSource {
  /** The format's name as messages write it, e.g. `CSV`. */
  readonly name: string
  /**
   * The file name extensions the source reads, lower case and without the dot, e.g.
   * `['yaml', 'yml']`. A path is matched by its last extension, whatever its case; the first
   * source in the registry to list it reads it. They are also listed, in registry order, in the
   * message about a file of no known format.
   */
  readonly extensions: readonly string[]
  /** Reads the file into a dataset, reporting what is wrong with it; never throws for bad input. */
  load(context: DataContext): DataLoad | Promise<DataLoad>
  /**
   * A digest of everything in the file that `load` depends on, for the build cache's keys: equal
   * digests promise equal loads. For a file format that is a hash of its bytes (`digestBytes`).
   */
  digest(context: DataContext): string | Promise<string>
}

/** The SHA-256 of the file's bytes, in hex: the digest of every source that reads whole files. */
export function digestBytes(context: DataContext): string {
  return createHash('sha256').update(context.bytes).digest('hex')
}
