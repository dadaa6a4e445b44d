/**
 * A save that changed only the text of articles, patched into a session's last build (issue 21,
 * item 1). A full rebuild redoes nothing an edit did not touch, but it still walks every article
 * of the site some twenty times to find that out: 150 ms at 4,000 articles and seconds at 40,000,
 * for a save that changed one brief. When the edited article's frontmatter, load problems, images,
 * report entry, lead and data files are as they were, no page but its brief can differ from the
 * last build's (the listings show its lead and frontmatter, the sitemap its address and date, the
 * report its figures and problems), and the brief is all this patch makes. In any other case it
 * gives way to the full build, handing over what it already checked (`handedOver`).
 */
import { debuglog } from 'node:util'
import { hasErrors, isLoaded, problemsOf } from '../article/article-file.js'
import type { LoadedFile } from '../article/article-file.js'
import { summaryOfCheck } from '../article/article-records.js'
import type { ArticleSummary } from '../article/article-records.js'
import { leaveForAfter } from '../cache/build-session.js'
import type { BuildSession } from '../cache/build-session.js'
import type { IndexEntry } from '../cache/cache-index.js'
import type { DataStore } from '../checks/datasets/dataset.js'
import { isPublished } from '../content/published.js'
import type { ImageTable } from '../images/image-facts.js'
import { imageKeyOf, imagePathsOf } from '../images/image-keys.js'
import type { ArticleResult } from '../parallel/article-tasks.js'
import type { ArticleRunner } from '../parallel/article-runner.js'
import type { BriefInput } from '../render/brief.js'
import { renderFeeds } from '../render/feeds.js'
import { isSafeSitePath, outputFileOf } from '../render/urls.js'
import type { BuildOptions, BuildResult } from '../build.js'
import type { OutputFile } from '../types.js'
import { stageKeys } from './article-keys.js'
import type { KeptArticle } from './kept-articles.js'
import { loadArticles, withMarkdowns } from './load-stage.js'
import type { LoadSalt } from './load-stage.js'
import { indexEntryOf, reportDigestOf } from './settle-briefs.js'
import { keepPatched } from './keep-patched.js'

/** What stage 2 of a session's full build worked with, for the patches that follow it. */
export interface StageMemory {
  salt: LoadSalt
  /** The hash of `salt`, which the session's load keys are valid under. */
  saltKey: string
  /** The inputs every article's check and brief keys share (`article-keys.ts`). */
  shared: Omit<Parameters<typeof stageKeys>[1], 'images'>
  /** The local images each ready article shows, and what the build read of them. */
  imagePaths: ReadonlyMap<string, readonly string[]>
  images: ImageTable
  brief: BriefInput
  store: DataStore
  /** The files of the articles the feeds show, newest first (`render/feeds.ts`). */
  feedFiles: readonly string[]
}

/** A session's last build, as a patch starts from it. */
export interface PatchBase extends StageMemory {
  /** What the build was asked for (`askedOf`): a patch is made only for the same. */
  asked: string
  result: Omit<BuildResult, 'written'>
  /** Where each file and article is in `result`, worked out by the first patch. */
  positions?: { files: Map<string, number>; articles: Map<string, number> }
}

/** One article a patch checked, and the keys its results were made under. */
export interface CheckedEdit {
  load: string
  keys: { check: string; brief: string }
  result: ArticleResult
}

const debug = debuglog('factdesk-patch')

/**
 * Edited articles a patch checks at most, on this thread: a larger change (a search and replace
 * over the site) is the full build's, which checks on the worker threads.
 */
const maxEdits = 8

/** The options a patch must share with the build it patches. */
export function askedOf(options: BuildOptions): string {
  const { root, out, strict, drafts, now, cacheDir, search, variants } = options
  return JSON.stringify([root, out, strict, drafts, now.toMillis(), cacheDir, search, variants])
}

/**
 * The build after a save that changed only the text of articles, made from the session's last
 * one; undefined when the save changed more, and the full build must run.
 */
export async function patchBuild(
  options: BuildOptions,
  session: BuildSession
): Promise<Omit<BuildResult, 'written'> | undefined> {
  const base = session.patchBase
  const kept = session.articles?.articles
  const runner = session.runner?.runner
  const index = session.index
  if (!base || !kept || !runner || !index || options.write || base.asked !== askedOf(options))
    return undefined
  const edited = editedArticles(session, base, options.recheck)
  if (edited === undefined) return undefined
  // The patch takes the changes; should it give way, the full build gets them back.
  const changes = session.changed ?? new Set<string>()
  session.changed = new Set()
  const giveWay = (reason: string, checked?: Map<string, CheckedEdit>): undefined => {
    debug('the full build makes this save: %s', reason)
    for (const path of changes) session.changed?.add(path)
    if (checked !== undefined && checked.size > 0) session.handedOver = checked
    return undefined
  }

  try {
    return await patchEdits(options, session, { base, kept, runner, index, edited, giveWay })
  } catch (error) {
    // The build stops on it, as a full one would; the next build still reads the edited files.
    giveWay('the patch failed')
    throw error
  }
}

/** `patchBuild` once it knows what to patch and has taken the changes. */
async function patchEdits(
  options: BuildOptions,
  session: BuildSession,
  patch: {
    base: PatchBase
    kept: Map<string, KeptArticle>
    runner: ArticleRunner
    index: ReadonlyMap<string, IndexEntry>
    edited: string[]
    giveWay: (reason: string, checked?: Map<string, CheckedEdit>) => undefined
  }
): Promise<Omit<BuildResult, 'written'> | undefined> {
  const { base, kept, runner, index, edited, giveWay } = patch
  const { root } = options
  const stage1 = await loadArticles(edited, root, base.salt, index, runner)
  const ready: LoadedFile[] = []
  for (const file of stage1.loaded) {
    const was = kept.get(file.path)
    const record = stage1.records.get(file.path)
    const paths = isLoaded(file) ? imagePathsOf(file, stage1.images.get(file.path) ?? []) : []
    if (
      was === undefined ||
      !isLoaded(file) ||
      hasErrors(file) ||
      !isPublished(file, options) ||
      JSON.stringify(record) !== JSON.stringify(was.entry.load) ||
      JSON.stringify(problemsOf(file)) !== was.problems ||
      JSON.stringify(paths) !== JSON.stringify(base.imagePaths.get(file.path) ?? [])
    )
      return giveWay(`${file.path}: its frontmatter, load problems or images changed`)
    ready.push(file)
  }
  if (ready.length !== edited.length) return giveWay('an edited file was not loaded')

  const keys = stageKeys(stage1.entries, {
    ...base.shared,
    images: (file) => imageKeyOf(base.imagePaths.get(file) ?? [], base.images)
  })
  const checked = new Map<string, CheckedEdit>()
  await runner.process(ready, {
    brief: base.brief,
    store: base.store,
    prepare: (batch) =>
      withMarkdowns(batch, {
        root,
        salt: base.salt,
        markdown: stage1.markdown,
        entries: stage1.entries,
        session
      }),
    onBatch: (batch) => {
      for (const result of batch) {
        const load = stage1.entries.get(result.file.path)?.key
        if (load !== undefined)
          checked.set(result.file.path, { load, keys: keys.of(result.file), result })
      }
    }
  })

  const patched = new Map<string, KeptArticle>()
  for (const file of ready) {
    const edit = checked.get(file.path)
    const was = kept.get(file.path)
    const record = stage1.records.get(file.path)
    if (edit === undefined || was === undefined || record === undefined)
      return giveWay(`${file.path} was not checked`, checked)
    const old = index.get(edit.load)
    const same = old?.checked?.key === edit.keys.check && old.brief?.key === edit.keys.brief
    const entry = same ? old : indexEntryOf(record, edit.result, edit.keys)
    const summary = summaryOfCheck(file, edit.result.check, was.inFeeds)
    const { brief } = edit.result
    if (
      !('bytes' in brief) ||
      !('bytes' in was.brief) ||
      !isSafeSitePath(file.data.url) ||
      (entry.report ?? reportDigestOf(null, entry)) !== was.reportDigest ||
      !sameAround(summary, was.summary) ||
      brief.sitePath !== was.brief.sitePath ||
      brief.lastmod?.toMillis() !== was.brief.lastmod?.toMillis()
    )
      return giveWay(`${file.path}: its report entry, lead or data files changed`, checked)
    patched.set(file.path, { ...was, load: edit.load, entry, summary, brief })
  }

  const result = patchedResult(base, patched)
  if (result === undefined) return giveWay('a patched file is not in the last build', checked)
  // The load key each article had, whose index entry the new one replaces.
  const replaced = new Map([...patched.keys()].map((path) => [path, kept.get(path)?.load]))
  for (const [path, article] of patched) {
    session.loadKeys.set(path, article.load)
    kept.set(path, article)
  }
  session.patchBase = { ...base, result }
  debug('patched %s into the last build', [...patched.keys()].join(', '))
  leaveForAfter(session, () =>
    keepPatched(options, session, { patched, replaced, checked, bodyImages: stage1.images })
  )
  return result
}

/**
 * The articles a save changed, when it changed nothing else: each an article file the last walk
 * of `content/` listed (one since deleted fails to load, and the patch gives way); undefined
 * otherwise, and when the changes are not known.
 */
function editedArticles(
  session: BuildSession,
  base: PatchBase,
  recheck: ReadonlySet<string> | undefined
): string[] | undefined {
  const { changed, walk } = session
  if (changed === undefined || walk === undefined || session.salt !== base.saltKey) return undefined
  const edited = [...new Set([...changed, ...(recheck ?? [])])]
  if (edited.length === 0 || edited.length > maxEdits) return undefined
  return edited.every((path) => walk.files.has(path)) ? edited : undefined
}

/**
 * Whether a listing shows `now` as it showed `was` (their frontmatter and address being equal):
 * its lead, and the data files copied for it.
 */
function sameAround(now: ArticleSummary, was: ArticleSummary): boolean {
  return now.lead === was.lead && JSON.stringify(now.dataFiles) === JSON.stringify(was.dataFiles)
}

/** The last build's result with the patched briefs and summaries in their places. */
function patchedResult(
  base: PatchBase,
  patched: ReadonlyMap<string, KeptArticle>
): Omit<BuildResult, 'written'> | undefined {
  base.positions ??= {
    files: new Map(base.result.files.map((file, at) => [file.path, at])),
    articles: new Map(base.result.articles.map((article, at) => [article.file, at]))
  }
  const { positions } = base
  const files = base.result.files.slice()
  const articles = base.result.articles.slice()
  for (const [path, article] of patched) {
    if (!('bytes' in article.brief)) return undefined
    const output = outputFileOf(article.brief.sitePath)
    const fileAt = positions.files.get(output)
    const articleAt = positions.articles.get(path)
    if (fileAt === undefined || articleAt === undefined) return undefined
    files[fileAt] = { path: output, content: article.brief.bytes } satisfies OutputFile
    articles[articleAt] = article.summary
  }
  // The feeds show their articles whole: made again when they show a patched one.
  if (base.feedFiles.some((file) => patched.has(file))) {
    const newest: ArticleSummary[] = []
    for (const file of base.feedFiles) {
      const at = positions.articles.get(file)
      const article = at === undefined ? undefined : articles[at]
      if (article === undefined) return undefined
      newest.push(article)
    }
    for (const feed of renderFeeds(base.result.settings, newest, base.images)) {
      const at = positions.files.get(feed.path)
      if (at === undefined) return undefined
      files[at] = feed
    }
  }
  return { ...base.result, files, articles }
}
