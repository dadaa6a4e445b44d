/**
 * Stage 1 (load) of the article stages. Each article file is read and hashed; an unchanged one is
 * loaded from the build cache's index, the rest on the runner. Files leave stage 1 without their
 * Markdown, which only checking needs: a site of 40,000 articles would otherwise hold every text
 * until the build ends.
 */
import type { IndexEntry } from '../cache/cache-index.js'
import { copyOfLoaded, fileOfLoad } from '../article/article-records.js'
import type { LoadRecord } from '../article/article-records.js'
import type { ArticleFile, LoadedFile } from '../article/article-file.js'
import { report } from '../article/article-file.js'
import { noteChanges } from '../cache/build-session.js'
import type { BuildSession } from '../cache/build-session.js'
import { markdownOf, readArticles } from '../content/load-article.js'
import type { ArticleRunner } from '../parallel/article-runner.js'
import type { Problem } from '../types.js'
import { loadKey } from './stage-keys.js'

/** Each article file's load key, and what the cache's index held under it. */
export type CacheSlots = Map<string, CacheSlot>

export interface CacheSlot {
  key: string
  entry: IndexEntry | undefined
}

/** What stage 1 hands on. */
export interface LoadStage {
  /** Every article file, in the order given, without its Markdown. */
  loaded: ArticleFile[]
  /** What each loaded file came from: kept in the next build's index. */
  records: Map<string, LoadRecord>
  entries: CacheSlots
  /**
   * The Markdown of the articles decoded in this stage, by file, for `withMarkdown` to take
   * once; what the index served is read again from its file should it need checking.
   */
  markdown: Map<string, string>
  /** The local images each loaded article's body shows, by file (`images/image-refs.ts`). */
  images: Map<string, readonly string[]>
}

/** What every load key is made under: factdesk's code and the settings. */
export interface LoadSalt {
  code: string
  settings: string
}

/**
 * Stage 1. A function of its own so that the files' bytes can go as soon as it returns: a site of
 * 40,000 articles holds a few hundred megabytes of them.
 */
export async function loadArticles(
  files: readonly string[],
  root: string,
  salt: LoadSalt,
  index: ReadonlyMap<string, IndexEntry>,
  runner: ArticleRunner,
  known: (file: string) => string | undefined = () => undefined
): Promise<LoadStage> {
  const entries: CacheSlots = new Map()
  // A file the caller knows unchanged since the build that loaded it (the dev server's session,
  // told by its watcher) is not read again when the index still holds its load.
  const toRead = files.filter((file) => {
    const key = known(file)
    const entry = key === undefined ? undefined : index.get(key)
    if (key === undefined || entry === undefined) return true
    entries.set(file, { key, entry })
    return false
  })
  const contents = await readArticles(root, toRead)
  const read = new Map<string, Uint8Array | Problem>()
  for (const [at, file] of toRead.entries()) {
    const bytes = contents[at]
    if (bytes === undefined) continue
    read.set(file, bytes)
    if (!(bytes instanceof Uint8Array)) continue
    const key = loadKey({ ...salt, file, bytes })
    entries.set(file, { key, entry: index.get(key) })
  }
  const toLoad = [...read].flatMap(([file, bytes]) =>
    bytes instanceof Uint8Array && !entries.get(file)?.entry ? [{ file, bytes }] : []
  )
  const markdown = new Map<string, string>()
  const fresh = new Map<string, LoadRecord>()
  const images = new Map<string, readonly string[]>()
  const loads = await runner.load(toLoad)
  for (const [at, load] of loads.entries()) {
    const file = toLoad[at]?.file
    if (file === undefined) continue
    if (load.markdown !== undefined) markdown.set(file, load.markdown)
    if (load.images !== undefined) images.set(file, load.images)
    fresh.set(file, load.record)
  }
  const records = new Map<string, LoadRecord>()
  const loaded = files.flatMap((file): ArticleFile[] => {
    const bytes = read.get(file)
    const slot = entries.get(file)
    if (bytes === undefined && slot === undefined) return []
    const record: LoadRecord =
      bytes === undefined || bytes instanceof Uint8Array
        ? (slot?.entry?.load ?? fresh.get(file) ?? { problems: [] })
        : { problems: [bytes] }
    records.set(file, record)
    const kept = slot?.entry?.images
    if (kept !== undefined) images.set(file, kept)
    return [fileOfLoad(file, record)]
  })
  return { loaded, records, entries, markdown, images }
}

/**
 * A copy of `file` with its Markdown: the text stage 1 decoded (taken, so that it can go once
 * checked), else its file read again. Undefined when the file no longer holds the bytes stage 1
 * hashed: it changed while the site was being built.
 */
export async function withMarkdown(
  file: LoadedFile,
  slot: CacheSlot,
  context: { root: string; salt: LoadSalt; markdown: Map<string, string> }
): Promise<LoadedFile | undefined> {
  const decoded = context.markdown.get(file.path)
  if (decoded !== undefined) {
    context.markdown.delete(file.path)
    return copyOfLoaded(file, decoded)
  }
  const [bytes] = await readArticles(context.root, [file.path])
  if (!(bytes instanceof Uint8Array)) return undefined
  if (loadKey({ ...context.salt, file: file.path, bytes }) !== slot.key) return undefined
  const markdown = markdownOf(bytes)
  return markdown === undefined ? undefined : copyOfLoaded(file, markdown)
}

/**
 * `batch` with their Markdown, for stage 2 (`withMarkdown`); a file that changed while the site
 * was being built is left out with a problem, and read again by the session's next build
 * whether or not a watcher saw the change.
 */
export async function withMarkdowns(
  batch: readonly LoadedFile[],
  context: {
    root: string
    salt: LoadSalt
    markdown: Map<string, string>
    entries: CacheSlots
    session: BuildSession | undefined
  }
): Promise<LoadedFile[]> {
  const whole = await Promise.all(
    batch.map(async (file) => {
      const slot = context.entries.get(file.path)
      const found = slot && (await withMarkdown(file, slot, context))
      if (found === undefined) {
        if (context.session) noteChanges(context.session, [file.path])
        report(
          file,
          'article-unreadable',
          'the file changed while the site was being built; build again'
        )
      }
      return found
    })
  )
  return whole.filter((file): file is LoadedFile => file !== undefined)
}
