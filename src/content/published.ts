/**
 * Which loaded articles a build publishes, and the one rule between them: no two may be written
 * to the same place.
 */
import type { BuildOptions } from '../build.js'
import type { ArticleLoad } from './load-article.js'
import { outputPathOf } from './permalink.js'

/** Whether an article is published in this build: not a draft (unless `--drafts`), not embargoed. */
export function isPublished(load: ArticleLoad, options: Pick<BuildOptions, 'drafts' | 'now'>): boolean {
  const frontmatter = load.article?.frontmatter
  if (!frontmatter) return true
  if (frontmatter.draft && !options.drafts) return false
  return !(frontmatter.embargo && frontmatter.embargo > options.now)
}

/** SPEC 4: two articles with the same output path are an input error, reported on both. */
export function rejectDuplicatePermalinks(loads: ArticleLoad[]): void {
  const byPath = new Map<string, ArticleLoad[]>()
  for (const load of loads) {
    if (!load.article) continue
    const path = outputPathOf(load.article.url)
    byPath.set(path, [...(byPath.get(path) ?? []), load])
  }
  for (const [path, clashing] of byPath) {
    if (clashing.length < 2) continue
    for (const load of clashing) {
      const others = clashing
        .filter((other) => other !== load)
        .map((other) => other.file)
        .join(', ')
      load.problems.push({
        severity: 'error',
        line: 1,
        column: 1,
        rule: 'permalink-duplicate',
        message: `this article and ${others} would both be written to ${path}; give one of them another slug`
      })
    }
  }
}
