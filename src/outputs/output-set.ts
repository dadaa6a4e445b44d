/**
 * The files of the site being rendered. Two pages must never share a path: the first one written
 * keeps it and the second is a `permalink-duplicate` problem (a section or tag named like another
 * page), so no page silently replaces another.
 */
import type { ContentDigest } from '../output/content-digest.js'
import type { ChunkedFile, OutputFile, SiteProblem } from '../types.js'
import { byCodeUnits } from '../text/code-unit-order.js'

/** Where files go as they are rendered; a file given in pieces may come back with its digest. */
export type OutputSink = (file: OutputFile | ChunkedFile) => ContentDigest | undefined | void

/** How a file already in the output is reused; see `OutputSet.addReusable`. */
export interface Reuse {
  /** Stages the file as the output already holds it; false when it does not. */
  keep(): boolean
  record(digest: ContentDigest): void
}

/** Collects output files by path, refusing a second file at a path already taken. */
export class OutputSet {
  readonly #files = new Map<string, OutputFile>()
  readonly #owners = new Map<string, { owner: string; file: string | undefined }>()

  /**
   * `problems` receives a problem for every refused file. Given a `sink`, accepted files go to it
   * at once instead of being kept, so a large site never holds all its pages in memory.
   */
  constructor(
    private readonly problems: SiteProblem[],
    private readonly sink?: OutputSink
  ) {}

  /**
   * Adds `file` and tells whether it was added; `owner` names what produced it, `ownerFile` is
   * the site file it comes from. A refusal is reported on the file that took the path first:
   * briefs are added before listings, so a slug that lands on a section page is blamed on the
   * article with that slug, not on the stories listed there.
   */
  add(file: OutputFile | ChunkedFile, owner: string, ownerFile?: string): boolean {
    if (!this.claim(file.path, owner, ownerFile)) return false
    this.#accept(file)
    return true
  }

  /**
   * Adds a file the output may already hold: when `reuse.keep` stages it by the digest it had
   * when last rendered from the same inputs, it is never produced; otherwise it is added as
   * usual, and `reuse.record` learns the digest of what was written.
   */
  addReusable(file: ChunkedFile, owner: string, reuse: Reuse, ownerFile?: string): boolean {
    if (!this.claim(file.path, owner, ownerFile)) return false
    if (reuse.keep()) return true
    const digest = this.#accept(file)
    if (digest) reuse.record(digest)
    return true
  }

  #accept(file: OutputFile | ChunkedFile): ContentDigest | undefined {
    if (this.sink) return this.sink(file) ?? undefined
    this.#files.set(
      file.path,
      'chunks' in file ? { path: file.path, content: [...file.chunks()].join('') } : file
    )
    return undefined
  }

  /** Takes `path` for a file written elsewhere (a brief streamed out as it was rendered). */
  claim(path: string, owner: string, ownerFile?: string): boolean {
    const taken = this.#owners.get(path)
    if (taken !== undefined) {
      this.problems.push({
        severity: 'error',
        line: 1,
        column: 1,
        rule: 'permalink-duplicate',
        message: `${owner} would be written to ${path}, which ${taken.owner} already uses; rename the slug, section or tag`,
        // Blamed on the article that took the path first; two pages made of no article collide
        // by the site's settings (its permalink pattern, a section named like a page).
        file: taken.file ?? ownerFile ?? 'data/site.yaml'
      })
      return false
    }
    this.#owners.set(path, { owner, file: ownerFile })
    return true
  }

  /** Every path taken so far with what took it, in the order taken (`public-files.ts`). */
  *taken(): IterableIterator<[path: string, owner: string]> {
    for (const [path, { owner }] of this.#owners) yield [path, owner]
  }

  /** How many files took a path, kept, sunk or claimed. */
  get size(): number {
    return this.#owners.size
  }

  /** Every file kept (none with a sink), ordered by path so that the output does not depend on rendering order. */
  files(): OutputFile[] {
    return [...this.#files.values()].sort((a, b) => byCodeUnits(a.path, b.path))
  }
}
