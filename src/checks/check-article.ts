/**
 * The fact check of one article (SPEC 6): binds each check to its figure, evaluates it, judges
 * every figure, evaluates the asserts, and turns the outcome into the report's figures and
 * problems, the brief's fact-check panel and the marks the renderer puts on each figure.
 */
import type { VFile } from 'vfile'
import { report, sortMessagesFrom } from '../article/article-file.js'
import { collapseWhitespace } from '../text/whitespace.js'
import { sourceOf } from '../data/dictionary-credit.js'
import type {
  AssertResult,
  CheckSpec,
  FactcheckMode,
  Figure,
  FigureMark,
  FigureResult,
  FigureStatus,
  Frontmatter,
  PanelEntry,
  Problem,
  Prose,
  Tolerance
} from '../types.js'
import type { ProsePlaces } from '../content/prose-places.js'
import type { Evaluation } from './expression/evaluate-expression.js'
import { chartForCheck } from '../charts/chart-for-check.js'
import { explainWording } from '../i18n/explain-words.js'
import { bindCheck, findSays } from './bind-check.js'
import { checkAsserts } from './check-asserts.js'
import { tokenPoint } from './expression-place.js'
import { formatValue } from './format-value.js'
import { formatActual, judgeFigure } from './verdict.js'

/** What the fact check of one article needs. */
export interface CheckArticleInput {
  /** The article's file: each problem is a message on it, made where it is found. */
  file: VFile
  /** The article's Markdown (frontmatter blanked), used to explain check text hidden in markup. */
  markdown: string
  frontmatter: Pick<Frontmatter, 'checks' | 'asserts'>
  /** The article's prose: headline, summary and body (`figures/article-prose.ts`). */
  prose: Prose
  /** The body's prose alone: where an assert's words must be. */
  bodyProse: Prose
  /** Every figure detection found in the prose. */
  figures: readonly Figure[]
  mode: FactcheckMode
  /** Site tolerances; a check's own `tolerance` replaces them for that check. */
  tolerance: Tolerance
  /** Evaluates one expression against the article's datasets. */
  evaluate: (source: string) => Evaluation
  /** Where each check's and assert's `expr` was written: its errors are placed at their token. */
  places?: Pick<ProsePlaces, 'checks' | 'asserts'>
}

/** The outcome of an article's fact check. */
export interface ArticleCheck {
  /** One result per detected figure, in document order. */
  figures: FigureResult[]
  asserts: AssertResult[]
  /** One entry per check, in frontmatter order. */
  panel: PanelEntry[]
  /** One mark per detected figure, in document order. */
  marks: FigureMark[]
}

// What a check established about the figure it binds.
interface Verdict {
  status: FigureStatus
  actual: number | null
  expr: string
  message: string
  dataFiles: string[]
  understated: boolean
  /** The actual as the hover text shows it, in the figure's unit. */
  shown: string
  /** What was computed, in the data dictionary's words, for the hover text. */
  explanation?: string
  /** Where the value came from (SPEC 8: the hover text gives the source), in readers' words. */
  source?: string
}

/**
 * Checks one article. In `standard` mode contradicted and failed checks are errors and unchecked
 * figures warnings; `strict` makes unchecked figures errors; `off` reports everything as warnings,
 * so the article never fails the build (SPEC 6).
 */
export function checkArticle(input: CheckArticleInput): ArticleCheck {
  const figures = [...input.figures].sort((a, b) => a.start - b.start)
  const { file } = input
  const before = file.messages.length
  const panel: PanelEntry[] = []
  const verdicts = new Map<Figure, Verdict>()
  const checkOf = new Map<Figure, CheckSpec>()

  for (const [index, check] of input.frontmatter.checks.entries()) {
    const at = { line: check.line, column: check.column }
    const binding = bindCheck(check, input.prose, figures)
    let figure: Figure | undefined
    let bindError: string | undefined

    if (!binding.ok) {
      bindError = binding.message + markupHint(check, input)
      report(file, binding.rule, bindError, at)
    } else {
      const earlier = checkOf.get(binding.figure)
      if (earlier === undefined) {
        figure = binding.figure
        checkOf.set(figure, check)
      } else {
        bindError = `check text "${check.figure}" binds the figure "${binding.figure.text}", which the check at line ${earlier.line} already checks; keep one of them`
        report(file, 'check-ambiguous', bindError, at)
      }
    }

    const evaluation = input.evaluate(check.expr)
    const verdict = judgeCheck(check, figure, evaluation, input.tolerance)
    const token = tokenPoint(evaluation, check.expr, input.places?.checks?.[index], input.markdown)
    if (token !== undefined && !evaluation.ok)
      report(file, evaluation.rule, evaluation.message, token)
    else if (verdict.problem !== undefined)
      report(file, verdict.problem.rule, verdict.problem.message, at)
    if (figure !== undefined)
      verdicts.set(
        figure,
        evaluation.ok
          ? {
              ...verdict,
              explanation: evaluation.explanation,
              source: sourceOf(verdict.dataFiles, evaluation.credits)
            }
          : verdict
      )

    const entry: PanelEntry = {
      figure: figure?.text ?? check.figure,
      status: bindError === undefined ? verdict.status : 'error',
      explanation: evaluation.ok ? evaluation.explanation : '',
      actual: verdict.actual,
      expr: check.expr,
      dataFiles: verdict.dataFiles,
      message: bindError ?? verdict.message
    }
    if (check.note !== undefined) entry.note = check.note
    if (evaluation.ok && evaluation.credits !== undefined) entry.credits = evaluation.credits
    // A check that failed or did not bind gets no chart: there is no verdict for it to show.
    if (entry.status === 'verified' || entry.status === 'contradicted') {
      const chart = chartForCheck(evaluation, figure, check, input.tolerance)
      if (chart !== undefined) entry.chart = chart
    }
    panel.push(entry)
  }

  const results: FigureResult[] = []
  const marks: FigureMark[] = []
  for (const figure of figures) {
    const verdict = verdicts.get(figure)
    results.push(resultOf(figure, verdict))
    marks.push(markOf(figure, verdict))
    reportFigure(file, figure, verdict, input.mode)
  }

  const asserts = checkAsserts(file, input.frontmatter.asserts, input.bodyProse, input.evaluate, {
    markdown: input.markdown,
    ...(input.places?.asserts === undefined ? {} : { runs: input.places.asserts })
  })
  // The report lists an article's fact-check problems by position; `off` makes them all warnings.
  sortMessagesFrom(file, before)
  if (input.mode === 'off') for (const message of file.messages.slice(before)) message.fatal = false
  return { figures: results, asserts: asserts.results, panel, marks }
}

// Turns one check's evaluation into a verdict on its figure, or on nothing when the check did
// not bind; the problem, when there is one, is positioned by the caller at the check's entry.
function judgeCheck(
  check: CheckSpec,
  figure: Figure | undefined,
  evaluation: Evaluation,
  tolerance: Tolerance
): Verdict & { problem?: Pick<Problem, 'rule' | 'message'> } {
  const expr = check.expr
  if (!evaluation.ok) {
    const where =
      evaluation.column !== undefined &&
      evaluation.reportedElsewhere !== true &&
      !evaluation.message.includes('column')
        ? ` (column ${evaluation.column} of the expression)`
        : ''
    const message = evaluation.message + where
    const failed = { status: 'error' as const, actual: null, expr, message, dataFiles: [] }
    // A data file that did not load is reported once, at the article's `data:` entry.
    if (evaluation.reportedElsewhere === true) return { ...failed, understated: false, shown: '' }
    return { ...failed, understated: false, shown: '', problem: { rule: evaluation.rule, message } }
  }

  const { value, dataFiles } = evaluation
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const message =
      typeof value === 'boolean'
        ? `expression gives ${value}, a figure check needs a number`
        : `expression gives ${value}, a figure check needs a finite number`
    const problem = { rule: 'check-error' as const, message }
    const failed = { status: 'error', actual: null, expr, message, dataFiles } as const
    return { ...failed, understated: false, shown: '', problem }
  }

  if (figure === undefined) {
    const shown = formatValue(value, null)
    const unbound = { status: 'error', actual: value, expr, message: `data ${shown}` } as const
    return { ...unbound, dataFiles, understated: false, shown }
  }

  const direction = check.direction ?? figure.direction
  const options = {
    tolerance,
    ...(direction === null ? {} : { direction }),
    ...(check.tolerance === undefined ? {} : { toleranceOverride: check.tolerance })
  }
  const judgement = judgeFigure(figure, value, options)
  const shown = formatActual(figure, value, direction)
  return { ...judgement, actual: value, expr, dataFiles, shown }
}

function resultOf(figure: Figure, verdict: Verdict | undefined): FigureResult {
  return {
    text: figure.text,
    in: figure.in,
    line: figure.line,
    column: figure.column,
    value: figure.value,
    unit: figure.unit,
    approx: figure.approx,
    direction: figure.direction,
    status: verdict?.status ?? 'unchecked',
    actual: verdict?.actual ?? null,
    expr: verdict?.expr ?? null,
    message: verdict?.message ?? 'no check covers this figure'
  }
}

function markOf(figure: Figure, verdict: Verdict | undefined): FigureMark {
  // Readers see the hover text: in the site's language (issue 19, `factcheck-plugin.ts`).
  const { labels } = explainWording()
  const span = {
    sourceStart: figure.sourceStart,
    sourceEnd: figure.sourceEnd,
    in: figure.in,
    start: figure.start,
    end: figure.end
  }
  if (verdict === undefined) {
    return { ...span, status: 'unchecked', title: labels.mark_unchecked }
  }
  // The hover text reads as the panel does, in the data dictionary's words, never file paths.
  const said =
    verdict.explanation === undefined || verdict.explanation === ''
      ? undefined
      : verdict.explanation
  const source = verdict.source === undefined ? '' : ` ${labels.panel_source} ${verdict.source}.`
  if (verdict.status === 'verified') {
    const verified = labels.verdict_verified
    const title = said === undefined ? `${verified}: ${verdict.shown}` : `${verified}. ${said}.`
    return { ...span, status: 'verified', title: `${title}${source}` }
  }
  if (verdict.status === 'error') {
    return { ...span, status: 'error', title: `Check failed: ${verdict.message}` }
  }
  if (said === undefined) return { ...span, status: verdict.status, title: verdict.message }
  const title = `${labels.verdict_contradicted}. ${said}.${source}`
  return { ...span, status: verdict.status, title }
}

function reportFigure(
  file: VFile,
  figure: Figure,
  verdict: Verdict | undefined,
  mode: FactcheckMode
): void {
  const at = { line: figure.line, column: figure.column }
  if (verdict === undefined) {
    if (mode === 'off') return
    const severity = mode === 'strict' ? 'error' : 'warning'
    report(file, 'figure-unchecked', `no check covers "${figure.text}"`, at, severity)
  } else if (verdict.status === 'contradicted') {
    report(file, 'figure-contradicted', verdict.message, at)
  } else if (verdict.understated) {
    report(file, 'figure-understated', verdict.message, at, 'warning')
  }
}

// Check text copied from the Markdown source (with `**`, a link or code in it) is not in the text
// readers see; saying so saves the editor from hunting for a typo that is not there.
function markupHint(check: CheckSpec, input: CheckArticleInput): string {
  const needle = collapseWhitespace(check.figure)
  if (needle === '' || findSays(needle, input.prose)) return ''
  if (!collapseWhitespace(input.markdown).includes(needle)) return ''
  return '; it is in the Markdown source but not in the text readers see: write it without markup'
}
