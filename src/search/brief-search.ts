/**
 * Where the build gathers the briefs for the search index (issue 19), and remembers it between
 * builds. Stage 2 writes most briefs to the output as soon as they exist, so they are caught on
 * their way there; those still in memory afterwards (a build that writes nothing: the dev server)
 * are taken from the map. An unchanged brief whose `<main>` the memo knows is kept in the output
 * by its digest like every unchanged page, never read again; and when no indexed brief changed,
 * the index files the output holds are kept too, so pagefind does not run at all.
 */
import { codeFingerprint } from '../cache/code-fingerprint.js'
import { hashAll } from '../cache/memo-key.js'
import { contentDigest } from '../output/content-digest.js'
import type { ContentDigest } from '../output/content-digest.js'
import type { RenderedBrief } from '../outputs/output.js'
import { outputFileOf } from '../render/urls.js'
import type { BriefSink } from '../stages/settle-briefs.js'
import type { BuildOptions } from '../build.js'
import type { OutputFile, Settings } from '../types.js'
import { SearchPages, mainOf, searchFiles } from './search-index.js'
import { IndexFeed } from './index-feed.js'
import type { IndexFile } from './index-feed.js'
import { openSearchMemo } from './search-memo.js'
import type { SearchMemo } from './search-memo.js'
import { byCodeUnits } from '../text/code-unit-order.js'

/** Where the index files go: the build's output, which may already hold them. */
export interface IndexSink {
  put(file: OutputFile): unknown
  keep(path: string, digest: ContentDigest): boolean
}

/** The briefs of one build, gathered for its search index. */
export class BriefSearch {
  /** Every indexed brief's digest, by output file. */
  private readonly briefs = new Map<string, string>()
  /** The main region of each brief this build rendered or read, by the brief's digest. */
  private readonly mains = new Map<string, Uint8Array>()
  /**
   * Pagefind fed while stage 2 runs, in path order (see `plan`): the briefs of `expected` from
   * the first up to `next` were sent, as `sent` (path and digest) says.
   */
  private feed:
    | { index: IndexFeed; expected: readonly string[]; next: number; sent: [string, string][] }
    | undefined

  constructor(
    private readonly memo: SearchMemo,
    private readonly settings: Pick<Settings, 'base' | 'language'>
  ) {}

  /**
   * `sink`, keeping each brief it is given. An unchanged brief is staged by digest (`keep`) only
   * when the memo knows its main region; otherwise the cache reads it back from its pack and it
   * is `put`, so that the index has its text.
   */
  through(sink: BriefSink): BriefSink {
    return {
      put: (file) => {
        this.add(file.path, file.content)
        sink.put(file)
        this.sendReady()
      },
      keep: (path, digest) => {
        if (!this.memo.has(digest.hash) || !sink.keep(path, digest)) return false
        this.briefs.set(path, digest.hash)
        this.sendReady()
        return true
      },
      plan: (paths) => this.plan(paths)
    }
  }

  /** Briefs pagefind was given while stage 2 ran (see `plan`). */
  get fed(): number {
    return this.feed?.index.size ?? 0
  }

  /**
   * Starts pagefind on the briefs at output files `paths` as they come, when the cache holds no
   * index to keep (a cold build makes the index whole: waiting for the last brief to start it
   * left pagefind's 9 s at 4,000 articles after every other stage). A warm build, whose index
   * is most often kept as it was, starts pagefind only if `publish` finds it must.
   */
  plan(paths: readonly string[]): void {
    if (this.memo.holdsIndex || this.feed !== undefined || paths.length === 0) return
    const expected = [...new Set(paths)].sort(byCodeUnits)
    this.feed = { index: new IndexFeed(this.settings), expected, next: 0, sent: [] }
    this.sendReady()
  }

  /** Sends pagefind every brief in `expected` order whose predecessors have all been sent. */
  private sendReady(): void {
    const feed = this.feed
    if (feed === undefined) return
    for (let path = feed.expected[feed.next]; path !== undefined; path = feed.expected[feed.next]) {
      const hash = this.briefs.get(path)
      const main = hash === undefined ? undefined : (this.mains.get(hash) ?? this.memo.main(hash))
      if (hash === undefined || main === undefined) return
      feed.index.add(path, main)
      feed.sent.push([path, hash])
      feed.next += 1
    }
  }

  /**
   * Makes the index of every brief once stage 2 is done (see `searchFiles`) and writes it to
   * `output`, keeping the files it holds when no indexed brief changed. Returns the index files
   * when there is no output to write them to (the dev server), none otherwise.
   */
  async publish(
    rendered: ReadonlyMap<string, RenderedBrief>,
    output?: IndexSink
  ): Promise<OutputFile[]> {
    const { settings } = this
    for (const brief of rendered.values())
      if ('bytes' in brief) this.add(outputFileOf(brief.sitePath), brief.bytes)
    const indexed = [...this.briefs].sort(([a], [b]) => byCodeUnits(a, b))
    const pages = new SearchPages()
    for (const [path, hash] of indexed) {
      const main = this.mains.get(hash) ?? this.memo.main(hash)
      if (main === undefined) throw new Error(`${path}: its brief was never read for the index`)
      pages.addMain(path, main)
    }
    // Keyed by what is indexed: a brief whose story is the same (a template edit around it)
    // leaves the index as it was.
    const key = hashAll([settings.base, settings.language, ...pages.sorted().flat()])
    const known = this.memo.index(key)
    // Kept one by one: a file the output lost is made again below, with the rest of the index.
    const kept = new Map<string, ContentDigest>()
    if (known && output)
      for (const [path, digest] of known) {
        if (!output.keep(path, digest)) break
        kept.set(path, digest)
      }
    if (known && kept.size === known.length) {
      await this.feed?.index.cancel()
      await this.memo.save()
      return []
    }
    const files = await this.indexOf(indexed, pages)
    const digests = files.map((file): [string, ContentDigest] => [
      file.path,
      contentDigest(file.content)
    ])
    for (const [index, file] of files.entries()) {
      const before = kept.get(file.path)
      if (before === undefined) output?.put(file)
      else if (before.hash !== digests[index]?.[1].hash)
        throw new Error(`${file.path}: pagefind made other bytes from the same briefs`)
    }
    this.memo.recordIndex({ key, files: digests })
    await this.memo.save()
    return output ? [] : files
  }

  /**
   * The index of `indexed` (every brief, in path order): the one fed during stage 2 when what it
   * was sent is where `indexed` begins, else one made now (a brief that was not planned, or
   * whose digest changed, would sit at another place in pagefind's order).
   */
  private async indexOf(
    indexed: readonly [path: string, hash: string][],
    pages: SearchPages
  ): Promise<IndexFile[]> {
    const feed = this.feed
    this.feed = undefined
    if (feed === undefined) return searchFiles(pages, this.settings)
    const begins = feed.sent.every(
      ([path, hash], at) => indexed[at]?.[0] === path && indexed[at]?.[1] === hash
    )
    if (!begins) {
      await feed.index.cancel()
      return searchFiles(pages, this.settings)
    }
    const mains = new Map(pages.sorted())
    for (const [path] of indexed.slice(feed.sent.length)) {
      const main = mains.get(path)
      if (main === undefined) throw new Error(`${path}: its brief was never read for the index`)
      feed.index.add(path, main)
    }
    return feed.index.files()
  }

  private add(path: string, content: string | Uint8Array): void {
    const bytes: Uint8Array = typeof content === 'string' ? Buffer.from(content) : content
    const hash = contentDigest(bytes).hash
    const main = mainOf(bytes)
    this.briefs.set(path, hash)
    this.mains.set(hash, main)
    this.memo.remember(hash, main)
  }
}

/**
 * The gatherer of a build that makes an index (`search: true`, and not `check`, which publishes
 * nothing), remembering in cache folder `cacheDir` (none: nothing kept); undefined otherwise.
 */
export async function briefSearch(
  settings: Pick<Settings, 'search' | 'base' | 'language'>,
  options: Pick<BuildOptions, 'search' | 'variants'>,
  cacheDir: string | undefined
): Promise<BriefSearch | undefined> {
  if (!settings.search || !(options.search ?? options.variants !== false)) return undefined
  return new BriefSearch(openSearchMemo(cacheDir, await codeFingerprint()), settings)
}
