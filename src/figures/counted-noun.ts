/**
 * The counted noun of SPEC 5.2: the head noun of the words right after a number (at most three),
 * skipping adjectives, nationalities and participles (`1,400 federal workers` -> `workers`,
 * `215 Pakistani soldiers` -> `soldiers`); a compound unit stays whole (`229 square miles`). A
 * verb, a preposition or punctuation right after the number leaves it without one (`Ten went
 * missing`). Word lists and suffix rules only, a few lookups per word: linear and cheap.
 */
import type { TokenView } from './token-view.js'
import {
  approximators,
  clockWords,
  months,
  spacedScales,
  spelledTens,
  spelledUnits
} from './lexicon.js'
import { movementNouns, movementWords } from './movement-lexicon.js'
import {
  compoundUnits,
  ingNouns,
  irregularPlurals,
  lyNouns,
  phraseEnders,
  singularS
} from './noun-lexicon.js'
import { acronymModifiers, nounModifiers } from './noun-modifiers.js'

/** The counted noun and the last token of its phrase. */
export interface CountedNoun {
  /** Lower-cased head noun, or both words of a compound unit (`square miles`). */
  noun: string
  /** The token of the head noun. */
  last: number
}

/** At most this many words after the number are read for the head noun (SPEC 5.2). */
const reach = 3

/** What one word (or hyphenated compound) after the number is to the noun phrase. */
type WordRole =
  | { role: 'end' }
  | { role: 'modifier'; next: number }
  | { role: 'noun'; kind: 'plural' | 'irregular' | 'singular' | 'unit'; noun: string; last: number }

/**
 * The counted noun of the number whose amount ends right before token `index`
 * (`400,000 Bitcoins` -> `bitcoins`), or null when there is none.
 */
export function countedNounAt(view: TokenView, index: number): string | null {
  return countedNounSpan(view, index)?.noun ?? null
}

/**
 * The head noun of the words from token `index` on, with its token. A plural noun ends the
 * phrase (`470,000 investors worldwide`); a singular one gives way to a noun after it (`5 bank
 * branches`), except after a count of one, where a plural-looking word is a verb (`one analyst
 * expects`); an irregular plural gives way to a regular one (`40 police officers`).
 */
export function countedNounSpan(view: TokenView, index: number): CountedNoun | null {
  const one = countsOne(view, index - 1)
  let head: { noun: string; last: number; kind: 'irregular' | 'singular' } | null = null
  let at = index
  for (let count = 0; count < reach; count++) {
    const read = roleAt(view, at)
    if (read.role === 'end') break
    if (read.role === 'modifier') {
      at = read.next
      continue
    }
    const { kind, noun, last } = read
    if (kind === 'plural' || kind === 'unit') {
      if (head !== null && (one || (head.kind === 'irregular' && kind === 'unit'))) break
      return rateOf(view, { noun, last })
    }
    if (head !== null && (head.kind === 'irregular' || (kind === 'irregular' && one))) break
    head = { noun, last, kind }
    at = last + 1
  }
  return head && rateOf(view, { noun: head.noun, last: head.last })
}

/** A rate keeps its `per` noun (`130 miles per hour`, `5 barrels per day`). */
function rateOf(view: TokenView, head: CountedNoun): CountedNoun {
  if (view.spacedWord(head.last + 1) !== 'per') return head
  const read = roleAt(view, head.last + 2)
  if (read.role !== 'noun' || read.kind !== 'singular') return head
  return { noun: `${head.noun} per ${read.noun}`, last: read.last }
}

/** True when the token before the phrase is a bare `1` or `one`. */
function countsOne(view: TokenView, index: number): boolean {
  const token = view.at(index)
  return token?.digits?.plain === '1' || token?.lower === 'one'
}

function roleAt(view: TokenView, index: number): WordRole {
  const word = view.spacedWord(index)
  const written = view.writtenWord(index)
  if (word === undefined || written === undefined) return { role: 'end' }
  if (view.attachedSymbol(index + 1) === '-' && view.attachedWord(index + 2) !== undefined) {
    // A hyphenated compound before the noun is an adjective (`5 long-term holders`).
    let next = index + 2
    while (view.attachedSymbol(next + 1) === '-' && view.attachedWord(next + 2) !== undefined) {
      next += 2
    }
    return { role: 'modifier', next: next + 1 }
  }
  if (acronymModifiers.has(written)) return { role: 'modifier', next: index + 1 }
  if (word.length < 2 || endsPhrase(word, written)) return { role: 'end' }
  const compound = compoundUnits.get(word)
  const second = compound && view.spacedWord(index + 1)
  if (
    second !== undefined &&
    (compound === '*' ? !endsPhrase(second, '') : compound?.has(second))
  ) {
    return { role: 'noun', kind: 'unit', noun: `${word} ${second}`, last: index + 1 }
  }
  if (nounModifiers.has(word)) return { role: 'modifier', next: index + 1 }
  const noun = { role: 'noun', noun: word, last: index } as const
  if (irregularPlurals.has(word)) return { ...noun, kind: 'irregular' }
  if (looksPlural(word)) return { ...noun, kind: 'plural' }
  if (word.length >= 4 && word.endsWith('ly')) {
    return lyNouns.has(word) ? { ...noun, kind: 'singular' } : { role: 'end' }
  }
  if (isParticiple(word)) return { role: 'modifier', next: index + 1 }
  return { ...noun, kind: 'singular' }
}

/** A word that ends the phrase: a function word, a verb form, a number word, a month ... */
function endsPhrase(word: string, written: string): boolean {
  return (
    phraseEnders.has(word) ||
    months.has(written) ||
    clockWords.has(written) ||
    movementNouns.has(word) ||
    movementWords.has(word) ||
    approximators.has(word) ||
    spelledUnits.has(word) ||
    spelledTens.has(word) ||
    spacedScales.has(word) ||
    word === 'hundred'
  )
}

/** `-s` plurals, not `-ss`, `-us`, `-is` words (`class`, `virus`, `crisis`). */
function looksPlural(word: string): boolean {
  if (word.length < 3 || !word.endsWith('s') || singularS.has(word)) return false
  return !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')
}

/** `-ed` and `-ing` forms (`5 trading days`, `3 injured workers`), but not `speed` or `building`. */
function isParticiple(word: string): boolean {
  if (word.length < 5) return false
  if (word.endsWith('ed')) return !word.endsWith('eed')
  return word.endsWith('ing') && !ingNouns.has(word)
}
