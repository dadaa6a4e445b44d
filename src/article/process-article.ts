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
 * the article alone; the check, which reads the data and the build's settings; and the body,
 * which reads what the check found. Check and body are apart so that a runner may stop between
 * them when the check found what it found last time (`rendered-cutoff.ts`).
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
    check: unified().use(factcheck, context).freeze(),
    body: unified().use(bodyHtml, context).freeze()
  }
}

export type ArticleProcessor = ReturnType<typeof articleProcessor>

type Context = Pick<ArticleContext, 'settings' | 'strict'>

/** Runs `processor` on a loaded file: its analysis, check and body. */
export function processArticle(
  processor: ArticleProcessor,
  file: LoadedFile,
  context: Context,
  memo?: AnalysisMemo
): CheckedFile {
  const from = file.messages.length
  return renderBody(processor, file, context, checkedTree(processor, file, context, memo), from)
}

/**
 * The analysis and the check of a loaded file: the tree its body is rendered from, or undefined
 * when the article was stopped, which then shows nothing of its body. With a `memo`, the analysis
 * is taken from it or kept in it under `key`.
 */
export function checkedTree(
  processor: ArticleProcessor,
  file: LoadedFile,
  context: Context,
  memo?: AnalysisMemo,
  key = memo && analysisKey(file, processor.notFigures)
): Node | undefined {
  const from = file.messages.length
  let tree: Node | undefined
  stopping(file, context, from, () => {
    tree = processor.check.runSync(analysedTree(processor, file, memo, key), file)
  })
  return tree
}

/**
 * The body HTML and headline of a checked file (none for a stopped one, `tree` undefined), on
 * the file `withoutPassedData`. `from` is where its messages stood before the analysis: a body
 * stopped here shows only that problem.
 */
export function renderBody(
  processor: ArticleProcessor,
  file: LoadedFile,
  context: Context,
  tree: Node | undefined,
  from: number
): CheckedFile {
  if (tree !== undefined) stopping(file, context, from, () => processor.body.runSync(tree, file))
  return withoutPassedData(file) as CheckedFile
}

/** `file` rid of what only the stages passed among themselves, which nothing after them reads. */
export function withoutPassedData(file: LoadedFile): LoadedFile {
  delete file.data.prose
  delete file.data.bodyProse
  delete file.data.found
  delete file.data.marks
  return file
}

/**
 * Runs `stages` on `file`. A body nested deeper than the stages can walk is one positioned
 * problem (SPEC 9), found before the stage that would overflow; the file then shows nothing else
 * of its body (its messages from `from` on are replaced).
 */
function stopping(file: LoadedFile, context: Context, from: number, stages: () => void): void {
  try {
    stages()
  } catch (error) {
    // A stage the nesting limits did not foresee ran out of stack all the same: still only this
    // article's problem. Anything else is a fault of factdesk's and goes on up.
    const stopped = error instanceof ArticleStopped
    if (!stopped && !isStackOverflow(error)) throw error
    const reason = stopped ? file.messages.slice(from) : []
    file.messages.length = from
    if (stopped) file.messages.push(...reason)
    else reportAll(file, [tooDeepToProcess(String(file.value))])
    Object.assign(file.data, unprocessed(file, context))
  }
}

/**
 * The article's tree after the analysis stages, with their prose and figures on `file`: the
 * memo's copy when it kept one for the same inputs (`key`), else made now (and kept). An article
 * stopped by the analysis throws before it is kept, so only complete analyses are reused.
 */
function analysedTree(
  processor: ArticleProcessor,
  file: LoadedFile,
  memo: AnalysisMemo | undefined,
  key: string | undefined
): Node {
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
function unprocessed(file: LoadedFile, context: Context): CheckedData {
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
