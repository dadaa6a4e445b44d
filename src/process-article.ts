/**
 * The per-article stages between loading and site rendering: Markdown -> figures -> checks ->
 * body HTML. Pure given its inputs (the data store is loaded once per build and shared), so it
 * can run for many articles in any order.
 */
import { checkArticle } from './checks/check-article.js'
import { evaluateExpression } from './checks/expression/evaluate-expression.js'
import { detectFigures } from './figures/detect.js'
import { extractProse } from './figures/prose.js'
import { tooDeepToParse, tooDeepToProcess, tooDeepToRender } from './markdown/nesting.js'
import { firstParagraphText, parseMarkdown } from './markdown/parse-markdown.js'
import { renderBodyHtml } from './render/body-html.js'
import { collapseWhitespace } from './text/whitespace.js'
import type { DataStore } from './checks/datasets/dataset.js'
import type { CheckedArticle, FactcheckMode, LoadedArticle, Problem, Settings } from './types.js'

/** What every article of a build shares. */
export interface ArticleContext {
  settings: Settings
  store: DataStore
  /** `--strict`: every article is checked strictly. */
  strict: boolean
}

/**
 * Parses, fact-checks and renders the body of one loaded article. A body nested deeper than the
 * stages can walk is one positioned problem (SPEC 9), found before the stage that would overflow.
 */
export function processArticle(article: LoadedArticle, context: ArticleContext): CheckedArticle {
  const early = tooDeepToParse(article.markdown)
  if (early !== undefined) return unprocessed(article, context, early)
  try {
    return processWithinLimits(article, context)
  } catch (error) {
    // A stage the nesting limits did not foresee ran out of stack all the same: still only this
    // article's problem. Anything else is a fault of factdesk's and goes on up.
    if (!isStackOverflow(error)) throw error
    return unprocessed(article, context, tooDeepToProcess(article.markdown))
  }
}

function processWithinLimits(article: LoadedArticle, context: ArticleContext): CheckedArticle {
  const { frontmatter, markdown } = article
  const tree = parseMarkdown(markdown)
  const deep = tooDeepToRender(tree)
  if (deep !== undefined) return unprocessed(article, context, deep)
  const prose = extractProse(tree, markdown)
  const figures = detectFigures(prose, markdown, { notFigures: context.settings.not_figures })
  const mode = modeOf(article, context)
  const scope = { aliases: frontmatter.data, store: context.store }
  const checked = checkArticle({
    markdown,
    frontmatter,
    prose,
    figures,
    mode,
    tolerance: context.settings.factcheck.tolerance,
    evaluate: (source) => evaluateExpression(source, scope)
  })
  return {
    ...article,
    mode,
    lead: collapseWhitespace(frontmatter.summary ?? firstParagraphText(tree)),
    html: renderBodyHtml(tree, checked.marks, markdown),
    figures: checked.figures,
    asserts: checked.asserts,
    panel: checked.panel,
    problems: checked.problems
  }
}

/** An article whose body could not be processed: its one problem, and nothing else to show. */
function unprocessed(
  article: LoadedArticle,
  context: ArticleContext,
  problem: Problem
): CheckedArticle {
  return {
    ...article,
    mode: modeOf(article, context),
    lead: collapseWhitespace(article.frontmatter.summary ?? ''),
    html: '',
    figures: [],
    asserts: [],
    panel: [],
    problems: [problem]
  }
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message)
}

/**
 * SPEC 6: `--strict` makes every article strict; sections listed in `strict_sections` are always
 * strict; otherwise the article's own `factcheck`, else the site mode.
 */
export function modeOf(article: LoadedArticle, context: ArticleContext): FactcheckMode {
  if (context.strict) return 'strict'
  if (context.settings.factcheck.strict_sections.includes(article.frontmatter.section))
    return 'strict'
  return article.frontmatter.factcheck ?? context.settings.factcheck.mode
}
