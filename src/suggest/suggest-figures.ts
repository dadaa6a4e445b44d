/**
 * Suggested checks for an article's unchecked figures (issue 20): up to three candidates that
 * verify each figure, best first, each confirmed by the check language's own evaluator (so the
 * expression shown computes the value shown, with the sentence the panel would give it). When the
 * reading most related to the figure (its unit, its sentence's words and dates) contradicts it by
 * a few percent while no verifying reading comes near it, that reading comes first as the
 * "closest" line: the figure is likely wrong. Nothing here binds a figure: the editor accepts a
 * suggestion, or not.
 */
import type { EvaluationScope } from '../checks/expression/evaluate-expression.js'
import { evaluateExpression } from '../checks/expression/evaluate-expression.js'
import { judgeFigure, supports } from '../checks/verdict.js'
import type { Figure, Suggestion, Tolerance } from '../types.js'
import { fitScore, plausible, relativeGap, understates, unitFit } from './candidate-fit.js'
import type { FigureContext } from './candidate-fit.js'
import type { Candidate } from './candidates.js'

/** Suggestions shown per figure. */
export const maxSuggestions = 3
/** How far off a contradicting candidate may be to be named as the likely meaning. */
const closestGap = 0.25
/**
 * How much more related than every verifying reading a contradicting one must be to be named as
 * the closest: a point and a half of the ranking, about one more word of the figure's clause.
 */
const closestMargin = 1.5
/** Candidates tried on the evaluator per figure before giving up on confirming more. */
const maxConfirmations = 8

export interface SuggestScope {
  /** The article's candidates, grouped by the data they read and the unit of their result. */
  groups: readonly (readonly Candidate[])[]
  /** The article's aliases and those a suggestion would add. */
  scope: EvaluationScope
  /** Aliases the article does not have yet: alias -> path under `data/`. */
  added: Readonly<Record<string, string>>
  tolerance: Tolerance
}

/** The suggestions for one figure, best first; empty when nothing fits. */
export function suggestForFigure(context: FigureContext, input: SuggestScope): Suggestion[] {
  const { figure } = context
  const options = { tolerance: input.tolerance }
  const verifying: { candidate: Candidate; score: number }[] = []
  const near: { candidate: Candidate; score: number }[] = []
  // How related the best verifying reading is, closeness to the stated value left aside.
  let bestRelated = -Infinity
  // A unit's fit depends on the data read and the result's unit alone: worked out once for each
  // group of candidates, and a group that cannot fit is skipped whole.
  for (const group of input.groups) {
    const first = group[0]
    const fit = first === undefined ? 0 : unitFit(figure, first)
    if (fit === 0) continue
    for (const candidate of group) {
      if (candidate.window === 'span' && !context.vague) continue
      if (!plausible(figure, candidate.value)) continue
      if (understates(figure, candidate.value, input.tolerance.understated)) continue
      if (supports(figure, candidate.value, options)) {
        verifying.push({ candidate, score: fitScore(context, candidate, fit) })
        const related = fitScore(context, candidate, fit, { closeness: false })
        if (related > bestRelated) bestRelated = related
        continue
      }
      const gap = relativeGap(figure, candidate.value)
      if (!sameWay(figure, candidate.value) || gap > closestGap) continue
      // Of readings off by a few percent, the nearer is the likelier typo.
      const score = fitScore(context, candidate, fit, { closeness: false }) + 1 - gap / closestGap
      near.push({ candidate, score })
    }
  }
  const closest = ranked(near)[0]
  const nearScore = Math.max(...near.map((one) => one.score))
  // The most related reading contradicts the figure: that is the likely error, said first, and
  // the readings that agree with it follow, for an editor who meant one of them.
  if (closest !== undefined && nearScore >= bestRelated + closestMargin) {
    const [line] = confirmed(figure, [closest], 1, input)
    const rest = confirmed(figure, ranked(verifying), maxSuggestions - 1, input)
    return line === undefined ? rest : [line, ...rest]
  }
  return confirmed(figure, ranked(verifying), maxSuggestions, input)
}

/**
 * Best first. Candidates computing the same value are one suggestion, ranked where the best of
 * them ranks and shown as the simplest of them: `acme.low["2025-11-04"]` rather than the week's
 * minimum that happens to equal it.
 */
function ranked(scored: { candidate: Candidate; score: number }[]): Candidate[] {
  scored.sort((a, b) => b.score - a.score || a.candidate.expr.length - b.candidate.expr.length)
  const kept: Candidate[] = []
  for (const { candidate } of scored) {
    const same = kept.findIndex((other) => sameValue(other.value, candidate.value))
    if (same === -1) {
      if (kept.length >= maxConfirmations) break
      kept.push(candidate)
    } else if (simpler(candidate, kept[same] ?? candidate)) {
      kept[same] = candidate
    }
  }
  return kept
}

const familyOrder: readonly Candidate['family'][] = [
  'value',
  'change',
  'pct_change',
  'max',
  'min',
  'mean',
  'sum',
  'drawdown',
  'share'
]

/** A simpler kind of computation; of one kind, the better ranked stays (it reads the named dates). */
function simpler(a: Candidate, b: Candidate): boolean {
  return familyOrder.indexOf(a.family) < familyOrder.indexOf(b.family)
}

/** The first `count` candidates the evaluator confirms, as suggestions. */
function confirmed(
  figure: Figure,
  candidates: Candidate[],
  count: number,
  input: SuggestScope
): Suggestion[] {
  const found: Suggestion[] = []
  for (const candidate of candidates) {
    if (found.length >= count) break
    const evaluation = evaluateExpression(candidate.expr, input.scope)
    if (!evaluation.ok || typeof evaluation.value !== 'number') continue
    if (!sameValue(evaluation.value, candidate.value)) continue
    const judgement = judgeFigure(figure, evaluation.value, { tolerance: input.tolerance })
    const suggestion: Suggestion = {
      expr: candidate.expr,
      actual: evaluation.value,
      status: judgement.status,
      explanation: evaluation.explanation
    }
    const alias = candidate.source.alias
    const path = input.added[alias]
    if (path !== undefined) suggestion.data = { [alias]: path }
    found.push(suggestion)
  }
  return found
}

/** A movement the data makes the same way as the figure states it. */
function sameWay(figure: Figure, actual: number): boolean {
  if (figure.direction === null) return true
  return figure.direction === 'down' ? actual < 0 : actual > 0
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
}
