/**
 * The whole static site (SPEC 8): every output of the table in `outputs.ts`, in its order, every
 * path relative to the output folder. Rendering is a pure function of its input: no clock, no
 * randomness, sorted iteration, so the same input gives byte-identical files.
 */
import type { ArticleSummary } from '../article/article-records.js'
import type { ContentDigest } from '../output/content-digest.js'
import type { Templates } from '../render/templates.js'
import type { OutputFile, Report, Settings, SiteProblem } from '../types.js'
import type { Output, PageMemory, RenderedBrief } from './output.js'
import type { PublicFiles } from './public-files.js'
import type { ImageTable } from '../images/image-facts.js'
import type { VariantFile } from '../images/make-variants.js'
import { OutputSet } from './output-set.js'
import type { ListingMemory } from './listing-replay.js'
import type { OutputSink } from './output-set.js'
import { outputs } from './outputs.js'
import { siteContext } from './site-context.js'

/** Everything the site is rendered from. */
export interface SiteInput {
  settings: Settings
  articles: readonly ArticleSummary[]
  report: Report
  /** Data files to publish under their site-relative paths, e.g. `data/markets/btc-usd.csv`. */
  dataFiles: readonly { path: string; content: Uint8Array }[]
  templates: Templates
  /**
   * Every article's brief, rendered in stage 2 (by worker threads, or taken from the build cache)
   * with the same settings, templates and `siteView`, by article file.
   */
  briefs: ReadonlyMap<string, RenderedBrief>
  /** The files of `public/`, copied to the site root after every other output; none by default. */
  publicFiles?: PublicFiles
  /** What the build read of the articles' images, and their variant files (issue 18). */
  images?: ImageTable
  imageFiles?: readonly VariantFile[]
  /** Where files go as they are rendered; without it, `renderSite` returns them. */
  sink?: OutputSink
  /**
   * For a build writing into an output that may hold earlier builds' pages: `reportKey` hashes
   * everything the report is made from, and the report's pages rendered from the same inputs as
   * a `memo` record says are staged by digest (`keep`) instead of being rendered again.
   */
  reuse?: {
    reportKey: string
    memo: PageMemory
    /** What a resident process keeps of its last listings, to take them up again. */
    listings?: ListingMemory
    keep(path: string, digest: ContentDigest): boolean
  }
}

/**
 * Renders every file of the site, one output of `table` after another; problems (templates,
 * unsafe paths, collisions) come back too. Given a `sink`, files go to it as they are rendered
 * and none come back.
 */
export function renderSite(
  input: SiteInput,
  table: readonly Output[] = outputs
): { files: OutputFile[]; count: number; problems: SiteProblem[] } {
  const problems: SiteProblem[] = []
  const output = new OutputSet(problems, input.sink)
  const context = siteContext(input, output, problems)
  for (const entry of table) entry.render(context.of(entry))
  return { files: output.files(), count: output.size, problems: distinct(problems) }
}

/**
 * Problems without repeats: a template that fails at render time fails the same way on every
 * page, and one report of it is enough.
 */
function distinct(problems: readonly SiteProblem[]): SiteProblem[] {
  const seen = new Set<string>()
  return problems.filter((problem) => {
    const key = JSON.stringify([
      problem.file,
      problem.line,
      problem.column,
      problem.rule,
      problem.message
    ])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
