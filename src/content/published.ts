/**
 * Which loaded articles a build publishes, and the one rule between them: no two may be written
 * to the same place.
 */
import type { BuildOptions } from '../build.js'
import { isLoaded, report } from '../article/article-file.js'
import type { ArticleFile, LoadedFile } from '../article/article-file.js'
import { outputPathOf } from './permalink.js'

/** Whether an article is published in this build: not a draft (unless `--drafts`), not embargoed. */
export function isPublished(file: ArticleFile, options: Pick<BuildOptions, 'drafts' | 'now'>): boolean {
  const frontmatter = file.data.frontmatter
  if (!frontmatter) return true
  if (frontmatter.draft && !options.drafts) return false
  return !(frontmatter.embargo && frontmatter.embargo > options.now)
}

/** SPEC 4: two articles with the same output path are an input error, reported on both. */
export function rejectDuplicatePermalinks(files: readonly ArticleFile[]): void {
  // A list only for a path two articles share: a large site has tens of thousands of paths.
  const byPath = new Map<string, LoadedFile>()
  const shared = new Map<string, LoadedFile[]>()
  for (const file of files) {
    if (!isLoaded(file)) continue
    const path = outputPathOf(file.data.url)
    const first = byPath.get(path)
    if (first === undefined) byPath.set(path, file)
    else shared.set(path, [...(shared.get(path) ?? [first]), file])
  }
  for (const [path, clashing] of shared) {
    for (const file of clashing) {
      const others = clashing
        .filter((other) => other !== file)
        .map((other) => other.path)
        .join(', ')
      report(
        file,
        'permalink-duplicate',
        `this article and ${others} would both be written to ${path}; give one of them another slug`
      )
    }
  }
}
