/**
 * The per-article work of a build, as one frozen unified processor: Markdown -> figures -> fact
 * check -> body HTML, each stage a plugin that reads and adds to the article file's `data`. The
 * same processor runs in this thread and in worker threads, so both give the same bytes.
 */
import { unified } from 'unified'
import { factcheck } from '../checks/factcheck-plugin.js'
import type { FactcheckOptions } from '../checks/factcheck-plugin.js'
import { findFigures } from '../figures/figures-plugin.js'
import { tooDeepToProcess } from '../markdown/nesting.js'
import { ArticleStopped, markdownParser, nestingGuard } from '../markdown/parse-plugin.js'
import { bodyHtml } from '../render/body-plugin.js'
import { headlineHtml } from '../render/headline-html.js'
import { collapseWhitespace } from '../text/whitespace.js'
import { modeOf } from '../checks/factcheck-plugin.js'
import { reportAll } from './article-file.js'
import type { CheckedData, CheckedFile, LoadedFile } from './article-file.js'

/** What every article of a build shares. */
export type ArticleContext = FactcheckOptions

/** The processor of a build's articles. */
export function articleProcessor(context: ArticleContext) {
  return unified()
    .use(markdownParser)
    .use(nestingGuard)
    .use(findFigures, { notFigures: context.settings.not_figures })
    .use(factcheck, context)
    .use(bodyHtml, context)
    .freeze()
}

export type ArticleProcessor = ReturnType<typeof articleProcessor>

/**
 * Runs `processor` on a loaded file. A body nested deeper than the stages can walk is one
 * positioned problem (SPEC 9), found before the stage that would overflow; the file then shows
 * nothing else of its body.
 */
export function processArticle(
  processor: ArticleProcessor,
  file: LoadedFile,
  context: Pick<ArticleContext, 'settings' | 'strict'>
): CheckedFile {
  const before = file.messages.length
  try {
    processor.runSync(processor.parse(file), file)
  } catch (error) {
    // A stage the nesting limits did not foresee ran out of stack all the same: still only this
    // article's problem. Anything else is a fault of factdesk's and goes on up.
    const stopped = error instanceof ArticleStopped
    if (!stopped && !isStackOverflow(error)) throw error
    const reason = stopped ? file.messages.slice(before) : []
    file.messages.length = before
    if (stopped) file.messages.push(...reason)
    else reportAll(file, [tooDeepToProcess(String(file.value))])
    Object.assign(file.data, unprocessed(file, context))
  }
  delete file.data.prose
  delete file.data.bodyProse
  delete file.data.found
  delete file.data.marks
  return file as CheckedFile
}

/** What an article whose body could not be processed shows. */
function unprocessed(
  file: LoadedFile,
  context: Pick<ArticleContext, 'settings' | 'strict'>
): CheckedData {
  return {
    mode: modeOf(file.data.frontmatter, context),
    lead: collapseWhitespace(file.data.frontmatter.summary ?? ''),
    bodyHtml: '',
    headlineHtml: headlineHtml(file.data.frontmatter.title, []),
    figures: [],
    asserts: [],
    panel: []
  }
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message)
}

/** The fields the processor adds, picked from a processed file (to send or to keep). */
export function checkedDataOf(file: CheckedFile): CheckedData {
  const { mode, lead, figures, asserts, panel, bodyHtml, headlineHtml } = file.data
  return { mode, lead, figures, asserts, panel, bodyHtml, headlineHtml }
}
