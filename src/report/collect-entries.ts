/**
 * Gathers the report entries of a build: one per article file, whether it loaded or not, then
 * one per other file with problems (settings, data files, templates), each with `slug: ''`.
 */
import { basename } from 'node:path'
import type { ArticleLoad } from '../content/load-article.js'
import type { CheckedArticle, Problem, ReportArticle, Settings } from '../types.js'

/** What a build knows when it reports. */
export interface EntrySources {
  loads: readonly ArticleLoad[]
  articles: readonly CheckedArticle[]
  siteProblems: readonly Problem[]
  settings: Settings
  strict: boolean
}

/** Report entries in a stable order: articles by file, then other files by path. */
export function collectEntries(sources: EntrySources): ReportArticle[] {
  const { settings } = sources
  const checked = new Map(sources.articles.map((article) => [article.file, article]))
  const entries: ReportArticle[] = sources.loads.map((load) => {
    const article = checked.get(load.file)
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
      file: load.file,
      slug: basename(load.file).replace(/\.md$/i, '') || load.file,
      url: '',
      mode: sources.strict ? 'strict' : settings.factcheck.mode,
      figures: [],
      asserts: [],
      problems: load.problems
    }
  })
  const byFile = new Map<string, Problem[]>()
  for (const problem of sources.siteProblems) {
    const file = problem.file ?? 'data/site.yaml'
    byFile.set(file, [...(byFile.get(file) ?? []), problem])
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
