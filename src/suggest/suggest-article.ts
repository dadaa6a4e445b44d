/**
 * The suggestions of one article (issue 20): its unchecked figures, each with the words and dates
 * of its sentence, matched against one pool of candidates built from the article's datasets (or,
 * with `--suggest-from all`, every data file, each under the alias a check would add).
 */
import type { DataStore } from '../checks/datasets/dataset.js'
import type { Figure, Frontmatter, Prose, Suggestion, Tolerance } from '../types.js'
import { bindCheck } from '../checks/bind-check.js'
import type { FigureContext } from './candidate-fit.js'
import { candidatePool } from './candidates.js'
import type { Candidate } from './candidates.js'
import { numbersOf, stem, wordsOf } from './data-columns.js'
import type { DataNumbers } from './data-columns.js'
import { clauseAround, sentenceAround } from './figure-sentence.js'
import { namedDates } from './named-dates.js'
import type { NamedDates } from './named-dates.js'
import { suggestForFigure } from './suggest-figures.js'

/**
 * Verbs that name the column a level is read from: a market "settled", "finished" or "ended" at
 * its close, "opened" at its open.
 */
const columnWords: ReadonlyMap<string, string> = new Map([
  ['settled', 'close'],
  ['finished', 'close'],
  ['ended', 'close'],
  ['closed', 'close'],
  ['closing', 'close'],
  ['opened', 'open'],
  ['opening', 'open']
])

/** How far from a figure a named date counts as said of it, in characters. */
const nearChars = 40

/** The most times one figure's text is looked for among its repeats. */
const maxOccurrence = 50

export interface ArticleSuggestInput {
  frontmatter: Pick<Frontmatter, 'title' | 'summary' | 'date' | 'data'>
  prose: Prose
  /** The figures to suggest checks for, found in `prose`. */
  figures: readonly Figure[]
  /** Every figure of the article, for the `occurrence` an entry needs. */
  allFigures: readonly Figure[]
  store: DataStore
  tolerance: Tolerance
  /** With `--suggest-from all`: every data file's path under `data/`. */
  everyFile?: readonly string[]
}

/** Each figure of `input.figures` with its suggestions, best first (none when nothing fits). */
export function suggestForArticle(input: ArticleSuggestInput): Map<Figure, Suggestion[]> {
  const today = input.frontmatter.date.toISODate() ?? ''
  const aliases: Record<string, string> = { ...input.frontmatter.data }
  const added: Record<string, string> = {}
  for (const path of input.everyFile ?? []) {
    if (Object.values(aliases).includes(path) || input.store.get(path) === undefined) continue
    const alias = freeAlias(path, aliases)
    aliases[alias] = path
    added[alias] = path
  }
  const numbers: DataNumbers[] = []
  for (const [alias, path] of Object.entries(aliases)) {
    const dataset = input.store.get(path)
    if (dataset !== undefined) numbers.push(...numbersOf(alias, dataset))
  }
  const contexts = input.figures.map((figure) => contextOf(figure, input, today))
  const named = mergeNamed(contexts.map((context) => context.named))
  const vague = contexts.some((context) => context.vague)
  const pool = candidatePool({ numbers, today, ...named, vague })
  const groups = groupsOf(pool)
  const scope = { aliases, store: input.store }
  const found = new Map<Figure, Suggestion[]>()
  for (const context of contexts) {
    const suggestions = suggestForFigure(context, {
      groups,
      scope,
      added,
      tolerance: input.tolerance
    })
    const occurrence = occurrenceOf(context.figure, input.prose, input.allFigures)
    if (occurrence !== undefined)
      for (const suggestion of suggestions) suggestion.occurrence = occurrence
    found.set(context.figure, suggestions)
  }
  return found
}

/** The pool grouped by the data each candidate reads and its result's unit: what a unit fits. */
function groupsOf(pool: readonly Candidate[]): Candidate[][] {
  const bySource = new Map<DataNumbers, Map<string | null, Candidate[]>>()
  for (const candidate of pool) {
    let byUnit = bySource.get(candidate.source)
    if (byUnit === undefined) bySource.set(candidate.source, (byUnit = new Map()))
    const group = byUnit.get(candidate.unit)
    if (group === undefined) byUnit.set(candidate.unit, [candidate])
    else group.push(candidate)
  }
  return [...bySource.values()].flatMap((byUnit) => [...byUnit.values()])
}

function contextOf(figure: Figure, input: ArticleSuggestInput, today: string): FigureContext {
  // A headline or a summary is its own sentence: the prose runs it into the body's first one.
  const sentence =
    figure.in === 'title'
      ? input.frontmatter.title
      : figure.in === 'summary'
        ? sentenceAround(input.frontmatter.summary ?? '', 0, 0)
        : sentenceAround(input.prose.text, figure.start, figure.end)
  const at = sentence.indexOf(figure.text)
  const words = wordSet(sentence)
  const clause = at < 0 ? words : wordSet(clauseAround(sentence, at, at + figure.text.length))
  const named = namedDates(sentence, today)
  const near =
    at < 0
      ? named
      : namedDates(
          sentence.slice(Math.max(0, at - nearChars), at + figure.text.length + nearChars),
          today
        )
  const vague = vaguePeriod.test(sentence)
  return { figure, words, clause, named, near, vague }
}

/** The stemmed words of `text`, with the column a verb names ("settled" is the close). */
function wordSet(text: string): Set<string> {
  const words = new Set(wordsOf(text).map(stem))
  for (const [word, column] of columnWords) if (words.has(word)) words.add(column)
  return words
}

/**
 * A period a sentence speaks of without dating it ("since the start of the move", "over the
 * past sessions"): only then are changes over runs of days of no name tried.
 */
const vaguePeriod =
  /\b(?:since the start|over the past|in recent|recent (?:days|sessions|weeks)|the move|this run|streak|stretch|so far)\b/iu

function mergeNamed(all: NamedDates[]): NamedDates {
  return {
    days: [...new Set(all.flatMap((named) => named.days))],
    spans: all.flatMap((named) => named.spans),
    since: [...new Set(all.flatMap((named) => named.since))]
  }
}

/**
 * The `occurrence` a check of `figure` needs (SPEC 6), found the way the build binds checks, so a
 * pasted entry binds this very figure: undefined when its text alone does (it is there once).
 */
function occurrenceOf(figure: Figure, prose: Prose, all: readonly Figure[]): number | undefined {
  const alone = bindCheck({ figure: figure.text }, prose, all)
  if (alone.ok) return undefined
  for (let occurrence = 1; occurrence <= maxOccurrence; occurrence++) {
    const binding = bindCheck({ figure: figure.text, occurrence }, prose, all)
    if (binding.ok && binding.figure === figure) return occurrence
    if (!binding.ok && binding.rule === 'check-not-found') break
  }
  return undefined
}

/** An alias for a data file from its name (`btc-usd.csv` is `btc_usd`), unused by the article. */
function freeAlias(path: string, taken: Readonly<Record<string, string>>): string {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]*$/u, '')
  const base = name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/gu, '')
  const alias = /^[\p{L}_]/u.test(base) ? base : `d_${base}`
  let free = alias
  for (let n = 2; Object.hasOwn(taken, free); n++) free = `${alias}_${n}`
  return free
}
