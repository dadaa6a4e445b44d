/**
 * What a resident runner keeps of each article's analysis (issue 21): the tree, the prose and the
 * figures the parse and figures stages made, so that a later build of the same article, unchanged,
 * re-runs only the stages that read the data. Kept serialized: the bytes are a fraction of the
 * live objects' heap, their size is known exactly for the cap, and each use deserializes a fresh
 * copy, which the later stages may change without touching what is kept.
 */
import { createHash } from 'node:crypto'
import { deserialize, serialize } from 'node:v8'
import type { Node } from 'unist'
import type { LoadedFile } from './article-file.js'
import { toWire } from '../parallel/wire.js'
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
  readonly #kept = new Map<string, { bytes: Uint8Array; build: number }>()
  #bytes = 0
  #build = 0
  /** Analyses made (not taken from the memo) since it was created: what tests count. */
  analysed = 0

  constructor(readonly capBytes: number) {}

  /** Marks the start of another build: what the last two did not use may give way. */
  nextBuild(): void {
    this.#build += 1
  }

  /** A fresh copy of the analysis kept for `key`, now the most recently used. */
  take(key: string): Analysis | undefined {
    const entry = this.#kept.get(key)
    if (entry === undefined) return undefined
    this.#kept.delete(key)
    this.#kept.set(key, { bytes: entry.bytes, build: this.#build })
    return deserialize(entry.bytes) as Analysis
  }

  /** Keeps `analysis` (as it is now) for `key`, when there is room for it. */
  keep(key: string, analysis: Analysis): void {
    const bytes = serialize(analysis)
    this.#forget(key)
    if (bytes.byteLength > this.capBytes) return
    for (const [oldest, entry] of this.#kept) {
      if (this.#bytes + bytes.byteLength <= this.capBytes || entry.build >= this.#build - 1) break
      this.#forget(oldest)
    }
    if (this.#bytes + bytes.byteLength > this.capBytes) return
    this.#kept.set(key, { bytes, build: this.#build })
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
  // As the wire carries them: a luxon date, a class instance with caches of its own, would not
  // serialize the same way twice.
  const read = serialize(toWire([file.path, String(file.value), frontmatter, places, notFigures]))
  return createHash('sha256').update(read).digest('base64')
}
