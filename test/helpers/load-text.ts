/**
 * Loading article text in tests as the build does (`parseArticle` on an article file), with the
 * outcome in the shape tests assert on: the problems as the report lists them, and what loaded.
 */
import { articleFile, isLoaded, problemsOf } from '../../src/article/article-file.js'
import type { ArticleFile, LoadedFile } from '../../src/article/article-file.js'
import { articleProcessor, processArticle } from '../../src/article/process-article.js'
import type { ArticleContext } from '../../src/article/process-article.js'
import { parseArticle } from '../../src/content/load-article.js'
import type { Frontmatter, Problem, Settings } from '../../src/types.js'

/** What loading text gave. */
export interface TextLoad {
  file: ArticleFile
  problems: Problem[]
  /** Present when the article loaded. */
  article?: { file: string; frontmatter: Frontmatter; url: string; markdown: string }
}

/** Loads `source` as the article at site-relative `path`. */
export function loadText(path: string, source: string, settings: Settings): TextLoad {
  const file = articleFile(path)
  parseArticle(file, source, settings)
  const problems = problemsOf(file)
  if (!isLoaded(file)) return { file, problems }
  const { frontmatter, url } = file.data
  return { file, problems, article: { file: path, frontmatter, url, markdown: String(file.value) } }
}

/** Runs the build's article processor on a loaded file. */
export function processLoaded(file: ArticleFile, context: ArticleContext) {
  if (!isLoaded(file))
    throw new Error(`${file.path} did not load: ${JSON.stringify(problemsOf(file))}`)
  return processArticle(articleProcessor(context), file as LoadedFile, context)
}
