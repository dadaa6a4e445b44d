/**
 * One output of the site (SPEC 8): the briefs, the listings, the feeds, the sitemap... Each is an
 * entry of the table in `outputs.ts`, which the build iterates in order; an output reads what the
 * whole site is made from through one shared context and adds its files through it, deciding
 * nothing about the other outputs.
 */
import type { ListingMemory } from './listing-replay.js'
import type { ArticleSummary } from '../article/article-records.js'
import type { ContentDigest } from '../output/content-digest.js'
import type { EncodedPage, PageRef, RenderedPage, WrittenPage } from '../render/render-page.js'
import type { PublicFiles } from './public-files.js'
import type { ImageTable } from '../images/image-facts.js'
import type { VariantFile } from '../images/make-variants.js'
import type { SiteView } from '../render/page-context.js'
import type { StoryView } from '../render/story-view.js'
import type { Templates } from '../render/templates.js'
import type { ChunkedFile, OutputFile, Report, Settings, SiteProblem } from '../types.js'

/** A renderer of some of the site's files, per article or site-wide. */
export interface Output {
  /** Names the output, e.g. `briefs`, `sitemap`; unique in its table. */
  readonly name: string
  /** Adds the output's files to the site; what goes wrong goes to `context.problems`. */
  render(context: OutputContext): void
}

/** A brief rendered before the site is (by a worker thread, or kept in the build cache). */
export type RenderedBrief = EncodedPage | WrittenPage | { problem: SiteProblem }

/**
 * What an output may read of the site, and how it adds files. Everything is shared by every
 * output of one build, but `addPage` and `list`, which record pages as the current output's.
 */
export interface OutputContext {
  readonly settings: Settings
  readonly templates: Templates
  /** The build's report so far (SPEC 7), for the fact-check report and its page. */
  readonly report: Report
  /** The publishable articles, newest first (SPEC 8). */
  readonly articles: readonly ArticleSummary[]
  /** What every page shows around its content: the site's name, navigation, stylesheet. */
  readonly site: SiteView
  /** The story view of an article, made once however many pages show it. */
  story(article: ArticleSummary): StoryView
  /** The data files to publish, each inside `data/`, ordered by path. */
  readonly dataFiles: readonly { path: string; content: Uint8Array }[]
  /** The paths of `dataFiles`, which the fact-check panels may link to. */
  readonly dataPaths: ReadonlySet<string>
  /** The briefs stage 2 rendered, by article file. */
  readonly renderedBriefs: ReadonlyMap<string, RenderedBrief>
  /** The files of `public/` to copy to the site root (issue 18). */
  readonly publicFiles: PublicFiles
  /** The articles' images, and the variant files made of them (issue 18). */
  readonly images: ImageTable
  readonly imageFiles: readonly VariantFile[]
  /** Every path taken so far, with what took it (see `OutputSet.taken`). */
  taken(): Iterable<readonly [path: string, owner: string]>
  /** Where outputs report what goes wrong (template failures, refused paths). */
  readonly problems: SiteProblem[]
  /**
   * Present when the output folder may hold an earlier build's pages, which `addReusable` keeps
   * when their key is unchanged: `pageKey` makes the key of a page from the view handed to its
   * template (and what every page shows around it: the templates of page template `page`, or all
   * of them without one, the settings, the navigation); `reportKey` is the key of the report.
   */
  readonly memo?: {
    pageKey(view: string, page?: string): string
    /** The key of what every page of template `page` shows around its view. */
    frame(page: string): string
    /** What a resident process keeps of its last listings (`listing-replay.ts`). */
    readonly listings?: ListingMemory
    readonly reportKey: string
  }
  /**
   * Adds `file`, telling whether it was added: a path already taken is a `permalink-duplicate`
   * problem blamed on the file that took it first (see `OutputSet.add`).
   */
  add(file: OutputFile | ChunkedFile, owner: string, ownerFile?: string): boolean
  /**
   * Adds `file` under `key`: with `memo`, the file the output already holds from an earlier
   * rendering under the same key is kept instead of being rendered; without, it is added.
   */
  addReusable(file: ChunkedFile, owner: string, key: string, ownerFile?: string): boolean
  /** Adds a page of the site (streamed, or claimed when already written), and `list`s it. */
  addPage(
    page: RenderedPage | EncodedPage | WrittenPage,
    owner: string,
    ownerFile?: string
  ): boolean
  /** Records a page added otherwise as one of the site's pages, for the sitemap. */
  list(page: PageRef): void
  /** The pages listed so far, in the order they were added. */
  readonly pages: readonly PageRef[]
  /** The site paths of the pages output `name` listed so far, in the order they were listed. */
  listedBy(name: string): ReadonlySet<string>
}

/**
 * What the build keeps of earlier builds' pages: the digest each path had when rendered under
 * a key (the build cache's page memo, which `render/` and `outputs/` do not import).
 */
export interface PageMemory {
  known(path: string, key: string): ContentDigest | undefined
  record(path: string, key: string, digest: ContentDigest): void
}
