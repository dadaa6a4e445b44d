/**
 * Gathers the report entries of a build: one per article file, whether it loaded or not, then
 * one per other file with problems (settings, data files, templates), each with `slug: ''`.
 */
import type { ArticleSummary } from '../article/article-records.js'
import { basename } from 'node:path'
import { problemsOf } from '../article/article-file.js'
import type { ArticleFile } from '../article/article-file.js'
import type { Problem, ReportArticle, Settings, SiteProblem } from '../types.js'

/** What a build knows when it reports. */
export interface EntrySources {
  /** Every published article file, loaded or not. */
  loads: readonly ArticleFile[]
  articles: readonly ArticleSummary[]
  siteProblems: readonly SiteProblem[]
  settings: Settings
  strict: boolean
}

/** Report entries in a stable order: articles by file, then other files by path. */
export function collectEntries(sources: EntrySources): ReportArticle[] {
  const { settings } = sources
  const checked = new Map(sources.articles.map((article) => [article.file, article]))
  const entries: ReportArticle[] = sources.loads.map((load) => {
    const article = checked.get(load.path)
    if (article) {
      return {
        file: article.file,
        slug: article.frontmatter.slug,
        url: settings.base + article.url.replace(/^\//, ''),
        mode: article.mode,
        figures: article.figures,
        asserts: article.asserts,
        problems: article.problems
      }
    }
    return {
      file: load.path,
      slug: basename(load.path).replace(/\.md$/i, '') || load.path,
      url: '',
      mode: sources.strict ? 'strict' : settings.factcheck.mode,
      figures: [],
      asserts: [],
      problems: problemsOf(load)
    }
  })
  // A problem found later about an article (a rendered page colliding with its brief) joins that
  // article's entry: one entry per file, or a reader of the report would see the file twice.
  const entryOf = new Map(entries.map((entry) => [entry.file, entry]))
  const byFile = new Map<string, Problem[]>()
  for (const problem of sources.siteProblems) {
    const { file } = problem
    const entry = entryOf.get(file)
    if (entry) entry.problems = [...entry.problems, inOwnFile(problem)]
    else byFile.set(file, [...(byFile.get(file) ?? []), problem])
  }
  for (const file of [...byFile.keys()].sort()) {
    entries.push({
      file,
      slug: '',
      url: '',
      mode: settings.factcheck.mode,
      figures: [],
      asserts: [],
      problems: byFile.get(file) ?? []
    })
  }
  return entries
}

/** `Problem.file` names a file other than the entry's own; inside its own entry it is dropped. */
function inOwnFile(problem: Problem): Problem {
  const own: Problem = { ...problem }
  delete own.file
  return own
}
