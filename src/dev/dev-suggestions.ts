/**
 * Suggested checks in `factdesk dev` (issue 20, item 4): the unchecked figures of an article get
 * the checks its own data suggests (`--suggest-from article`), for the overlay to offer. They
 * are worked out for one article when its page is first asked for, and kept for the build's
 * life, not for the whole site after every build: on a site with thousands of unchecked figures
 * that would cost each rebuild more than the build itself, for pages nobody has open. A failure
 * here costs the suggestions, never the page.
 */
import type { BuildResult } from '../build.js'
import type { Report, ReportArticle, Settings } from '../types.js'

/** Gives the unchecked figures of `report` their suggestions; the rest as it was. */
export type SuggestChecks = (root: string, settings: Settings, report: Report) => Promise<Report>

/**
 * The report entry of the article at site-relative `file`, with suggestions on its unchecked
 * figures; undefined for a file the build does not report.
 */
export type ArticleSuggestions = (file: string) => Promise<ReportArticle | undefined>

/** The suggestion engine, loaded on first use: a site with every figure checked never needs it. */
export const suggestFromArticle: SuggestChecks = async (root, settings, report) => {
  const { withSuggestions } = await import('../suggest/suggest-site.js')
  return withSuggestions(root, settings, report, { from: 'article' })
}

/** The report's entries as they are: suggestions only where the report already has them. */
export function reportedSuggestions(report: Report): ArticleSuggestions {
  return (file) => Promise.resolve(entriesOf(report).get(file))
}

/**
 * The entries of `report` by article file, made when first asked for and kept while the report
 * is: a save that changes no entry keeps its report, and at 40,000 articles this map took 15 ms
 * of every save, made before the reload for a page that seldom asks.
 */
function entriesOf(report: Report): Map<string, ReportArticle> {
  let entries = byFile.get(report)
  if (entries === undefined) {
    entries = new Map(report.articles.map((entry) => [entry.file, entry]))
    byFile.set(report, entries)
  }
  return entries
}

const byFile = new WeakMap<Report, Map<string, ReportArticle>>()

/** The suggestions of each article of `result`, worked out by `suggest` when first asked for. */
export function suggestionsOf(
  suggest: SuggestChecks,
  root: string,
  result: Pick<BuildResult, 'report' | 'settings'>,
  log: (line: string) => void
): ArticleSuggestions {
  const reported = reportedSuggestions(result.report)
  const made = new Map<string, Promise<ReportArticle | undefined>>()
  async function suggestFor(file: string): Promise<ReportArticle | undefined> {
    const entry = await reported(file)
    if (entry === undefined || !entry.figures.some((figure) => figure.status === 'unchecked'))
      return entry
    try {
      const report = await suggest(root, result.settings, { ...result.report, articles: [entry] })
      return report.articles.find((suggested) => suggested.file === file) ?? entry
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      log(`factdesk dev: no suggested checks for ${file}: ${reason}`)
      return entry
    }
  }
  return (file) => {
    let found = made.get(file)
    if (found === undefined) {
      found = suggestFor(file)
      made.set(file, found)
    }
    return found
  }
}
