/**
 * What a resident runner keeps of each article's analysis (issue 21): the tree, the prose and the
 * figures the parse and figures stages made, so that a later build of the same article, unchanged,
 * re-runs only the stages that read the data. Kept serialized: the bytes are a fraction of the
 * live objects' heap, their size is known exactly for the cap, and each use deserializes a fresh
 * copy, which the later stages may change without touching what is kept.
 *
 * Beside each analysis, the article's result bytes (its check record and brief) with the digest
 * of its check's output (`rendered-cutoff.ts`): a data edit that moves none of its figures is
 * then answered without rendering again. Both kinds share one cap and one order of use: a site
 * larger than the cap keeps both for a fixed part of its articles, and the runner's bound on
 * what it keeps stays the one it was given.
 */
import { deserialize, serialize } from 'node:v8'
import type { Node } from 'unist'
import type { LoadedFile } from './article-file.js'
import { valueDigest } from './value-digest.js'
import type { Figure, Prose } from '../types.js'

/**
 * What the analysis stages leave for the later ones: the tree and the file's prose and figures.
 * The whole article's prose is not kept: it is the headline and summary (in the key) joined to
 * the body's, quick to join again, and its source offsets would be a third of the bytes kept.
 */
export interface Analysis {
  // The mdast root, as the processor hands it on.
  tree: Node
  bodyProse: Prose
  found: Figure[]
}

/**
 * What the memo holds for a key: an analysis, or result bytes with `check`, the digest of the
 * check output they were rendered from; and the last build that used it.
 */
interface Kept {
  bytes: Uint8Array
  build: number
  check?: string
}

/** Bytes kept by default in one runner (shared out among its threads). */
export const defaultMemoBytes = 384 * 1024 * 1024

/**
 * Analyses by key, least recently used first, within `capBytes` of serialized analyses. When a
 * new one would pass the cap, the oldest go, but only those no build used since the one before
 * the last (an edited article's old analysis, a deleted one's); else the new one is not kept.
 * Plain LRU would keep nothing of use for a site larger than the cap: every build checks its
 * articles in the same order, so each would push out the very analyses it is about to ask for.
 * This way such a site keeps a fixed part of its articles, build after build.
 */
export class AnalysisMemo {
  readonly #kept = new Map<string, Kept>()
  #bytes = 0
  #build = 0
  /** Analyses made (not taken from the memo) since it was created: what tests count. */
  analysed = 0
  /** Bodies and briefs rendered (not taken from the memo) since it was created, likewise. */
  rendered = 0

  constructor(readonly capBytes: number) {}

  /** Marks the start of another build: what the last two did not use may give way. */
  nextBuild(): void {
    this.#build += 1
  }

  /** A fresh copy of the analysis kept for `key`, now the most recently used. */
  take(key: string): Analysis | undefined {
    const bytes = this.#use(key)?.bytes
    return bytes === undefined ? undefined : (deserialize(bytes) as Analysis)
  }

  /** Keeps `analysis` (as it is now) for `key`, when there is room for it. */
  keep(key: string, analysis: Analysis): void {
    this.#put(key, { bytes: serialize(analysis), build: this.#build })
  }

  /**
   * The result bytes kept for `key` (`rendered-cutoff.ts`) when they were rendered from a check
   * output of digest `check`, now the most recently used; shared, never to be changed.
   */
  takeRendered(key: string, check: string): Uint8Array | undefined {
    const entry = this.#kept.get(key)
    return entry?.check === check ? this.#use(key)?.bytes : undefined
  }

  /** Keeps result `bytes` rendered from a check output of digest `check`, in place of the last. */
  keepRendered(key: string, check: string, bytes: Uint8Array): void {
    // A copy of its own: bytes v8 wrote may be a view of a larger buffer, which the cap would miss.
    this.#put(key, { bytes: new Uint8Array(bytes), build: this.#build, check })
  }

  #use(key: string): Kept | undefined {
    const entry = this.#kept.get(key)
    if (entry === undefined) return undefined
    this.#kept.delete(key)
    const used = { ...entry, build: this.#build }
    this.#kept.set(key, used)
    return used
  }

  #put(key: string, kept: Kept): void {
    const { bytes } = kept
    this.#forget(key)
    if (bytes.byteLength > this.capBytes) return
    for (const [oldest, entry] of this.#kept) {
      if (this.#bytes + bytes.byteLength <= this.capBytes || entry.build >= this.#build - 1) break
      this.#forget(oldest)
    }
    if (this.#bytes + bytes.byteLength > this.capBytes) return
    this.#kept.set(key, kept)
    this.#bytes += bytes.byteLength
  }

  get size(): number {
    return this.#kept.size
  }

  get bytes(): number {
    return this.#bytes
  }

  #forget(key: string): void {
    const entry = this.#kept.get(key)
    if (entry === undefined) return
    this.#kept.delete(key)
    this.#bytes -= entry.bytes.byteLength
  }
}

/**
 * The key of an article's analysis: everything the parse and figures stages read (its path,
 * Markdown, frontmatter and where its prose was written, and the site's `not_figures`). Equal
 * keys give equal analyses, since those stages read nothing else.
 */
export function analysisKey(file: LoadedFile, notFigures: readonly string[]): string {
  const { frontmatter, places } = file.data
  return valueDigest([file.path, String(file.value), frontmatter, places, notFigures])
}
