/**
 * An article file as plain data, where it crosses a thread or sits in the build cache, and the
 * smaller record of a checked article that site-wide outputs read. VFiles are class instances
 * with history and message objects; these are their data and their problems only.
 */
import type { EncodedPage } from '../render/render-page.js'
import { articleFile, isLoaded, problemsOf, reportAll } from './article-file.js'
import type {
  ArticleFile,
  CheckedData,
  CheckedFile,
  LoadedData,
  LoadedFile
} from './article-file.js'
import type { Problem, SiteProblem } from '../types.js'

/** What loading made of an article file: its data when it loaded, and its problems. */
export interface LoadRecord {
  data?: LoadedData
  problems: Problem[]
}

/** What the article processor added to a file: its data, and the problems it found. */
export interface CheckRecord {
  data: CheckedData
  problems: Problem[]
}

/** A brief as rendered for the cache and the output: its bytes, or the problem that stopped it. */
export type BriefBytes = EncodedPage | { problem: SiteProblem }

/** What the build cache keeps whole of a checked article, and what a worker sends back. */
export interface ResultRecord {
  check: CheckRecord
  brief: BriefBytes
}

/**
 * What listings, feeds, the sitemap and the report read of a checked article: no Markdown, no
 * panel; the body HTML only for the articles the feeds show (SPEC 8), the newest few.
 */
export interface ArticleSummary {
  file: string
  url: string
  frontmatter: LoadedData['frontmatter']
  mode: CheckedData['mode']
  lead: string
  figures: CheckedData['figures']
  asserts: CheckedData['asserts']
  /** Every problem of the article: loading's, the build's, the fact check's. */
  problems: Problem[]
  /** The data files its checks read, site-relative, as the panel names them. */
  dataFiles: string[]
  /** What the check of each figure computed, in readers' words (`figures`' order; '' for none). */
  said: string[]
  bodyHtml?: string
}

/**
 * What the build cache's index keeps of a check, for a warm build to list and report an unchanged
 * article without reading its results: the body HTML and the panel stay in the results' pack.
 */
export interface CheckSummary {
  data: Pick<CheckedData, 'mode' | 'lead' | 'figures' | 'asserts'>
  problems: Problem[]
  dataFiles: string[]
  said: string[]
}

/** The summary the index keeps of a check record. */
export function checkSummaryOf(check: CheckRecord): CheckSummary {
  const { mode, lead, figures, asserts } = check.data
  return {
    data: { mode, lead, figures, asserts },
    problems: check.problems,
    dataFiles: dataFilesOf(check.data),
    said: saidOf(check.data)
  }
}

/**
 * The panel's sentence for each figure, for the report page: a figure's check is the panel entry
 * of the same figure text and expression (a figure is checked once: `check-ambiguous`).
 */
function saidOf(data: Pick<CheckedData, 'figures' | 'panel'>): string[] {
  const sentences = new Map(
    data.panel.map((entry) => [`${entry.figure}\0${entry.expr}`, entry.explanation])
  )
  return data.figures.map((figure) =>
    figure.expr === null ? '' : (sentences.get(`${figure.text}\0${figure.expr}`) ?? '')
  )
}

/** The summary of a loaded file whose check the index summed up. */
export function summaryOfIndexed(file: LoadedFile, check: CheckSummary): ArticleSummary {
  return {
    file: file.path,
    url: file.data.url,
    frontmatter: file.data.frontmatter,
    ...check.data,
    problems: [...problemsOf(file), ...check.problems],
    dataFiles: check.dataFiles,
    said: check.said
  }
}

/** The load record of `file`. */
export function loadRecordOf(file: ArticleFile): LoadRecord {
  const problems = problemsOf(file)
  return isLoaded(file)
    ? {
        data: { frontmatter: file.data.frontmatter, url: file.data.url, places: file.data.places },
        problems
      }
    : { problems }
}

/** The article file a load record describes, without its Markdown. */
export function fileOfLoad(path: string, record: LoadRecord): ArticleFile {
  const file = articleFile(path)
  if (record.data) Object.assign(file.data, record.data)
  reportAll(file, record.problems)
  return file
}

/**
 * A copy of a loaded file for one stage's work (holding its Markdown when given), its messages
 * copied: what the work adds to the copy goes with it once summarized, so that a site of 40,000
 * articles does not keep every text and body on the files stage 1 made.
 */
export function copyOfLoaded(file: LoadedFile, value?: string): LoadedFile {
  const copy = articleFile(file.path, value)
  copy.data.frontmatter = file.data.frontmatter
  copy.data.url = file.data.url
  copy.data.places = file.data.places
  reportAll(copy, problemsOf(file))
  return copy as LoadedFile
}

/** Adds what the processor found (elsewhere: a worker, the cache) to a loaded file. */
export function withCheck(file: ArticleFile, record: CheckRecord): CheckedFile {
  Object.assign(file.data, record.data)
  reportAll(file, record.problems)
  return file as CheckedFile
}

/** The data files a checked article's panel names. */
export function dataFilesOf(data: Pick<CheckedData, 'panel'>): string[] {
  return [...new Set(data.panel.flatMap((entry) => entry.dataFiles))]
}

/**
 * The summary of a loaded file and what its check found: the load's problems (and the build's,
 * such as a shared permalink) then the check's, as the report lists them; the body HTML kept
 * when `withBody`. Made from the records, not from a checked file, so that a worker's results
 * become a summary without the main thread making a message of each of their problems again.
 */
export function summaryOfCheck(
  file: LoadedFile,
  check: CheckRecord,
  withBody: boolean
): ArticleSummary {
  const summary = summaryOfIndexed(file, checkSummaryOf(check))
  if (withBody) summary.bodyHtml = check.data.bodyHtml
  return summary
}
