/**
 * Suggested checks for an article's unchecked figures (issue 20): up to three candidates that
 * verify each figure, best first, each confirmed by the check language's own evaluator (so the
 * expression shown computes the value shown, with the sentence the panel would give it); and when
 * none verifies, the closest candidate that contradicts it, as a likely error in the figure.
 * Nothing here binds a figure: the editor accepts a suggestion, or not.
 */
import type { EvaluationScope } from '../checks/expression/evaluate-expression.js'
import { evaluateExpression } from '../checks/expression/evaluate-expression.js'
import { judgeFigure, supports } from '../checks/verdict.js'
import type { Figure, Suggestion, Tolerance } from '../types.js'
import { fitScore, plausible, relativeGap, understates, unitFit } from './candidate-fit.js'
import type { FigureContext } from './candidate-fit.js'
import type { Candidate } from './candidates.js'
import type { DataNumbers } from './data-columns.js'

/** Suggestions shown per figure. */
export const maxSuggestions = 3
/** How far off a contradicting candidate may be to be named as the likely meaning. */
const closestGap = 0.25
/** Candidates tried on the evaluator per figure before giving up on confirming more. */
const maxConfirmations = 8

export interface SuggestScope {
  pool: readonly Candidate[]
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
  // A unit's fit depends on the data read and the result's unit alone: worked out once for each.
  const fits = new Map<DataNumbers, Map<string | null, number>>()
  const fitOf = (candidate: Candidate): number => {
    let bySource = fits.get(candidate.source)
    if (bySource === undefined) fits.set(candidate.source, (bySource = new Map()))
    let fit = bySource.get(candidate.unit)
    if (fit === undefined) bySource.set(candidate.unit, (fit = unitFit(figure, candidate)))
    return fit
  }
  for (const candidate of input.pool) {
    const fit = fitOf(candidate)
    if (fit === 0 || !plausible(figure, candidate.value)) continue
    if (understates(figure, candidate.value, input.tolerance.understated)) continue
    if (supports(figure, candidate.value, options)) {
      verifying.push({ candidate, score: fitScore(context, candidate, fit) })
    } else if (
      fit >= 2 &&
      sameWay(figure, candidate.value) &&
      relativeGap(figure, candidate.value) <= closestGap
    ) {
      near.push({ candidate, score: fitScore(context, candidate, fit, { closeness: false }) })
    }
  }
  const best = confirmed(figure, ranked(verifying), maxSuggestions, input)
  if (best.length > 0) return best
  return confirmed(figure, ranked(near), 1, input)
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
