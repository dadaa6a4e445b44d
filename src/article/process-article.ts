/**
 * The per-article work of a build, as frozen unified processors: Markdown -> figures (the
 * analysis, which reads no data), then fact check -> body HTML, each stage a plugin that reads and
 * adds to the article file's `data`. The same processors run in this thread and in worker
 * threads, so both give the same bytes; a resident runner may keep the analysis (`analysis-memo.ts`).
 */
import type { Node } from 'unist'
import { unified } from 'unified'
import { factcheck } from '../checks/factcheck-plugin.js'
import type { FactcheckOptions } from '../checks/factcheck-plugin.js'
import { findFigures } from '../figures/figures-plugin.js'
import { articleProse } from '../figures/article-prose.js'
import { tooDeepToProcess } from '../markdown/nesting.js'
import { ArticleStopped, markdownParser, nestingGuard } from '../markdown/parse-plugin.js'
import { bodyHtml } from '../render/body-plugin.js'
import { headlineHtml } from '../render/headline-html.js'
import { collapseWhitespace } from '../text/whitespace.js'
import { modeOf } from '../checks/factcheck-plugin.js'
import { reportAll } from './article-file.js'
import { analysisKey } from './analysis-memo.js'
import type { AnalysisMemo } from './analysis-memo.js'
import type { CheckedData, CheckedFile, LoadedFile } from './article-file.js'

/** What every article of a build shares. */
export type ArticleContext = FactcheckOptions

/**
 * The processors of a build's articles: the analysis (parse, nesting guard, figures), which reads
 * the article alone, and the stages after it, which read the data and the build's settings.
 */
export function articleProcessor(context: ArticleContext) {
  const notFigures = context.settings.not_figures
  return {
    notFigures,
    analysis: unified()
      .use(markdownParser)
      .use(nestingGuard)
      .use(findFigures, { notFigures })
      .freeze(),
    finish: unified().use(factcheck, context).use(bodyHtml, context).freeze()
  }
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
  context: Pick<ArticleContext, 'settings' | 'strict'>,
  memo?: AnalysisMemo
): CheckedFile {
  const before = file.messages.length
  try {
    processor.finish.runSync(analysedTree(processor, file, memo), file)
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

/**
 * The article's tree after the analysis stages, with their prose and figures on `file`: the
 * memo's copy when it kept one for the same inputs, else made now (and kept). An article stopped
 * by the analysis throws before it is kept, so only complete analyses are reused.
 */
function analysedTree(processor: ArticleProcessor, file: LoadedFile, memo?: AnalysisMemo): Node {
  const key = memo === undefined ? undefined : analysisKey(file, processor.notFigures)
  const kept = key === undefined ? undefined : memo?.take(key)
  if (kept !== undefined) {
    const { tree, bodyProse, found } = kept
    const { prose } = articleProse(file.data.frontmatter, file.data.places, bodyProse)
    Object.assign(file.data, { prose, bodyProse, found })
    return tree
  }
  const reported = file.messages.length
  const tree = processor.analysis.runSync(processor.analysis.parse(file), file)
  if (memo === undefined || key === undefined) return tree
  memo.analysed += 1
  const { prose, bodyProse, found } = file.data
  // The figures stage sets all three; the kept copy is made now, before a later stage runs. An
  // analysis that reported a problem is not kept: a copy would not report it again.
  const complete = prose !== undefined && bodyProse !== undefined && found !== undefined
  if (complete && file.messages.length === reported) memo.keep(key, { tree, bodyProse, found })
  return tree
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
