/**
 * The build, stage by stage (SPEC 1, 7): settings -> articles -> data -> per-article checks ->
 * site rendering -> report -> output. This file only wires stages; each stage lives in its own
 * module. Problems never stop the build early: every file is checked and every problem reported
 * in one run, and the output is written only when the build passed.
 */
import type { ArticleSummary } from './article/article-records.js'
import { join, relative } from 'node:path'
import { hashOf } from './cache/memo-key.js'
import { runArticleStages } from './stages/article-stages.js'
import { reportKey as reportMemoKey } from './stages/stage-keys.js'
import { openPageMemo } from './cache/page-memo.js'
import { holdPages } from './cache/held-pages.js'
import { readDataFiles } from './stages/read-data-files.js'
import { findArticlesAgain } from './cache/walk-again.js'
import { findPublicFiles } from './content/find-public-files.js'
import { openOutput } from './output/write-site.js'
import { assertSiteRoot, resolveOutputTarget } from './output/output-target.js'
import { outputProblem } from './output/output-problem.js'
import { guardOutput } from './output/guarded-output.js'
import { loadTemplatesAgain } from './cache/templates-again.js'
import { renderSite } from './outputs/render-site.js'
import { briefSearch } from './search/brief-search.js'
import { buildReport } from './report/build-report.js'
import { collectEntries } from './report/collect-entries.js'
import { withProblems } from './report/site-problems.js'
import { loadSettings } from './settings/load-settings.js'
import { localUrlWarning } from './settings/local-url-warning.js'
import { leadPhotoPaths } from './images/lead-photo.js'
import { makeVariants, variantProblem } from './images/make-variants.js'
import type { OutputWriter, WriteOptions } from './output/write-site.js'
import { type BuildSession, keptReport, settleSession } from './cache/build-session.js'
import { askedOf, patchBuild } from './stages/patch-build.js'
import type { ListingMemory } from './outputs/listing-replay.js'
import type { DateTime } from 'luxon'
import type { ChunkedFile, LaterFile, OutputFile, Report, Settings, SiteProblem } from './types.js'

/** What to build and how. */
export interface BuildOptions {
  /** Site folder holding `content/`, `data/` and optionally `templates/`. */
  root: string
  /** Output folder; `dist` under the root by default. */
  out: string
  /** `--strict`: every article is checked strictly. */
  strict: boolean
  /** `--drafts`: include articles marked `draft: true`. */
  drafts: boolean
  /** The instant embargoes are compared with (`--now`, `SOURCE_DATE_EPOCH`, or the clock). */
  now: DateTime
  /** Write the site when the build passes (`build`); false for `check` and the dev server. */
  write: boolean
  /**
   * Make the photos' smaller copies (default true). `check` publishes nothing and skips them:
   * their sizes come from the images' headers, so the pages are the same without them.
   */
  variants?: boolean
  /** Make the search index of the briefs (issue 19); by default, as `variants` (not on `check`). */
  search?: boolean
  /**
   * `--force`: write into an output folder that holds files factdesk did not write, keeping them
   * (SPEC 9). Without it such a folder is refused.
   */
  force?: boolean
  /** Build cache folder; undefined: no cache. The CLI uses `ROOT/node_modules/.cache/factdesk`. */
  cacheDir?: string
  /**
   * What a resident process (the dev server) keeps between its builds: the cache's index, the
   * articles' results and the site's pages, in memory (`cache/build-session.ts`).
   */
  session?: BuildSession
  /** Worker threads for the per-article stages; default: all cores for large sites, 1 for small. */
  workers?: number
  /**
   * Articles (site-relative files) to check and render again though their kept results still
   * hold: the dev server's rehearsal of a save (`dev/rehearse-saves.ts`). Their results are the
   * kept ones, so the build's are the same.
   */
  recheck?: ReadonlySet<string>
  /** Called with each brief as it is rendered (or taken from the cache), by output file. */
  onBrief?: (path: string, content: Uint8Array) => void
  /**
   * Called as stages progress, for a terminal progress line: after loading, after each article
   * checked (and its brief rendered), after each site page rendered, and once written. `total`
   * is undefined while it is not known (the site's pages are counted as they are made).
   */
  onProgress?: (
    stage: 'loaded' | 'checked' | 'rendered' | 'written',
    done: number,
    total?: number
  ) => void
}

/** Everything a build found and made. */
export interface BuildResult {
  report: Report
  exit: 0 | 1 | 2
  settings: Settings
  /** The checked articles, without Markdown, and without body HTML or panel outside the feeds. */
  articles: ArticleSummary[]
  /**
   * The rendered site when it was not to be written (`check`, the dev server); a written build
   * streams its files into the output instead of keeping them.
   */
  files: (OutputFile | LaterFile)[]
  /** Files written to the output folder; 0 when nothing was written. */
  written: number
}

/** Checks every article of the site and, when `options.write` and the build passed, writes it. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  // Refused before anything is read or written (SPEC 9): a root that is no site, an output
  // folder that is the user's.
  assertSiteRoot(options.root)
  // The last build of a session may still be keeping its results: this one reads them.
  if (options.session) await settleSession(options.session)
  // A save that changed only the text of articles is patched into the session's last build.
  const patched = options.session && (await patchBuild(options, options.session))
  if (patched) return { ...patched, written: 0 }
  const target = options.write
    ? resolveOutputTarget(options.root, options.out, options.force ?? false)
    : undefined
  // A written build streams its pages into staging as they are rendered; the swap waits for
  // the verdict, and a build that fails leaves the output as it was.
  const output = target ? await openOutput(target, spareOf(options, target.folder)) : undefined
  // A file that cannot be written (a full disk, a name too long) is one problem, and the build
  // goes on checking: only the output is given up.
  const guarded =
    output &&
    guardOutput(output, (error, path) =>
      outputProblem(error, options.root, target?.folder ?? options.out, path)
    )
  try {
    const result = await buildInto(options, guarded?.writer)
    const built = withProblems(result, guarded?.unwritable ?? [])
    let written = 0
    if (output && built.exit === 0) {
      try {
        written = await output.commit()
      } catch (error) {
        const problem = outputProblem(error, options.root, target?.folder ?? options.out, '')
        if (problem === undefined) throw error
        return { ...withProblems(built, [problem]), written: 0 }
      }
      options.onProgress?.('written', written, written)
    } else {
      await output?.abandon()
    }
    return { ...built, written }
  } catch (error) {
    await output?.abandon()
    throw error
  }
}

async function buildInto(
  options: BuildOptions,
  output: OutputWriter | undefined
): Promise<Omit<BuildResult, 'written'>> {
  const { root } = options
  // Pages are counted as they are made, so a long build's progress line keeps moving.
  let pages = 0
  const counted = <T>(value: T): T => {
    options.onProgress?.('rendered', ++pages)
    return value
  }
  // A build that writes nothing but keeps a session (the dev server) gathers its files in memory
  // and takes unchanged pages from the session's last build (`cache/held-pages.ts`).
  const held = output === undefined && options.session ? holdPages(options.session) : undefined
  // Until this build has finished, there is no last build to patch.
  if (options.session) options.session.patchBase = undefined
  const put = output ? output.put.bind(output) : held?.sink
  const sink = put && ((file: OutputFile | ChunkedFile) => counted(put(file)))
  const keepAt = output ? output.keep.bind(output) : held && ((path: string) => held.keep(path))
  const keep =
    keepAt &&
    ((path: string, digest: Parameters<OutputWriter['keep']>[1]) =>
      keepAt(path, digest) && counted(true))
  const { settings, problems: settingsProblems } = await loadSettings(root)
  const siteProblems: SiteProblem[] = [...settingsProblems]
  if (options.write) siteProblems.push(...localUrlWarning(settings))
  const templatesLoad = await loadTemplatesAgain(root, options.session)
  siteProblems.push(...templatesLoad.problems)

  const found = await findArticlesAgain(root, options.session)
  siteProblems.push(...found.problems)
  const publicFound = findPublicFiles(root)
  const search = await briefSearch(settings, options, output && options.cacheDir)
  siteProblems.push(...publicFound.problems)
  const {
    published,
    articles,
    briefs,
    fingerprint,
    dataFiles: dataPaths,
    images,
    memory
  } = await runArticleStages(
    found.files,
    settings,
    templatesLoad.templates,
    siteProblems,
    options,
    output && search ? search.through(output) : output
  )
  // The briefs were rendered with their checks: the site's other pages count on from them.
  pages = briefs.size
  // Every brief is known: pagefind (a process of its own) makes the index while this thread
  // renders the site's other pages. Caught here and awaited below, so that a failure is the
  // build's, in its place.
  const indexing = search ? search.publish(briefs, output) : Promise.resolve([])
  indexing.catch(() => {})

  // Each distinct image's variants, made once or taken from the cache (issue 18).
  const variants =
    options.variants === false
      ? { files: [], failures: [] }
      : await makeVariants({
          root,
          table: images,
          lead: leadPhotoPaths(articles),
          ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir })
        })
  siteProblems.push(...variants.failures.map(variantProblem))
  const dataFiles = await readDataFiles(root, dataPaths)
  // The draft is made of the staged articles and the site's problems so far: so is its key.
  const reportKey = reportMemoKey({
    entries: fingerprint,
    siteProblems: JSON.stringify(siteProblems)
  })
  const draft = keptReport(options.session, reportKey, () =>
    buildReport(
      collectEntries({ loads: published, articles, siteProblems, settings, strict: options.strict })
    )
  )
  const memo = held?.memo ?? openPageMemo(output && options.cacheDir)
  const rendered = renderSite({
    settings,
    articles,
    report: draft,
    dataFiles,
    templates: templatesLoad.templates,
    briefs,
    publicFiles: { root, files: publicFound.files },
    images,
    imageFiles: variants.files,
    ...(sink ? { sink } : {}),
    ...(keep ? { reuse: { reportKey, memo, keep, ...listingMemory(options.session) } } : {})
  })
  await memo.save()
  const indexed = await indexing
  const renderProblems = rendered.problems
  siteProblems.push(...renderProblems)
  options.onProgress?.('rendered', rendered.count, rendered.count)

  // The report page is rendered from the report; problems found while rendering can only join
  // the final report, and they fail the build, so that page is never published with them.
  const report =
    renderProblems.length > 0
      ? buildReport(
          collectEntries({
            loads: published,
            articles,
            siteProblems,
            settings,
            strict: options.strict
          })
        )
      : draft
  // The report's summary holds the status of its problems (a pass over 100,000 problems at 4,000
  // articles, done again after every save before).
  const exit = report.summary.exit
  const files = output ? [] : [...(held ? held.files() : rendered.files), ...indexed]
  if (held && memory && options.session)
    options.session.patchBase = {
      ...memory,
      asked: askedOf(options),
      result: { report, exit, settings, articles, files }
    }
  return { report, exit, settings, articles, files }
}

/** What a session keeps of its last listings, for `renderSite` to take up. */
function listingMemory(session: BuildSession | undefined): { listings?: ListingMemory } {
  return session ? { listings: session.listings } : {}
}

/**
 * The cache keeps each output folder's previous build, so the next write only redoes changes;
 * never inside the output itself, where the retired build would be published.
 */
function spareOf(options: BuildOptions, out: string): WriteOptions {
  if (options.cacheDir === undefined) return {}
  const folder = join(options.cacheDir, 'output', hashOf(out).slice(0, 16))
  if (!relative(out, folder).startsWith('..')) return {}
  return { spare: folder, verified: `${folder}.verified.v8` }
}
