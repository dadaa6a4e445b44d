/**
 * Numbers that name a thing (SPEC 5.5): a bare number right after a capitalized name word
 * (`Route 38`, `Category 3`, `Boeing 737`, `Windows 11`, `Fortune 500`). A capitalized word is no
 * name word when it is a function word, an adverb, an approximator or movement word, a month or a
 * weekday (`Only 12`, `About 12`, `In May 40`), or, in a headline, a verb (`Death Toll Reaches
 * 40`). A unit, a scale word or a capitalized counted noun after the number (`Port Handles 40
 * Ships a Day`) shows a figure, whatever stands before it.
 */
import type { TokenView } from './token-view.js'
import { approximators, months, spacedScales, spelledTens, spelledUnits } from './lexicon.js'
import { movementNouns, movementWords } from './movement-lexicon.js'
import { phraseEnders } from './noun-lexicon.js'
import { nounModifiers } from './noun-modifiers.js'
import { countedNounSpan } from './counted-noun.js'
import { unitAt } from './unit.js'
import { list } from './word-lists.js'

/** Capitalized words that start a sentence or a headline before a count, lower-cased. */
const notNameWords: ReadonlySet<string> = new Set(
  list(
    'today|yesterday|tomorrow|tonight|overall|meanwhile|however|altogether|perhaps|maybe|' +
      'exactly|precisely|almost|nearly|roughly|some|another|additionally|and|but|or|top|just|' +
      'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|' +
      'sat|sun|week|day|year|month|quarter|season|since|from|total|totals|number|count'
  )
)

/** Name words that end in `s` although they are no verb (`Windows 11`, `Series 7`). */
const namesInS: ReadonlySet<string> = new Set(
  list('windows|series|mercedes|airbus|texas|paris|mars|venus|jobs|los|las|kansas|arkansas')
)

/** Symbols that may touch a name number on the right (`at Gate 12.`). */
const closers: ReadonlySet<string> = new Set(list('.|,|;|:|)|]|!|?|"|”|’|\''))

const upper = /\p{Lu}/u

/** True when the number token at `first` names a thing: a name word before it, nothing after. */
export function namesAThing(view: TokenView, first: number): boolean {
  const digits = view.at(first)?.digits
  if (!digits || digits.grouped || !digits.wellFormed || !view.spaced(first)) return false
  const name = view.writtenWord(first - 1)
  if (name === undefined || !upper.test(name) || !isNameWord(view, first - 1, name)) return false
  const closer = view.attachedSymbol(first + 1)
  if (closer !== undefined) return closers.has(closer) && !view.isNumber(first + 2)
  if (view.attached(first + 1)) return false
  if (unitAt(view, first + 1, null) !== null) return false
  const next = view.spacedWord(first + 1)
  if (next !== undefined && (spacedScales.has(next) || next === 'hundred')) return false
  const noun = countedNounSpan(view, first + 1)
  return noun === null || !upper.test(view.writtenWord(noun.last)?.charAt(0) ?? '')
}

function isNameWord(view: TokenView, index: number, written: string): boolean {
  const word = written.toLowerCase()
  if (months.has(written) || notNameWords.has(word) || phraseEnders.has(word)) return false
  if (nounModifiers.has(word) || approximators.has(word) || movementWords.has(word)) return false
  if (movementNouns.has(word) || spelledUnits.has(word) || spelledTens.has(word)) return false
  if (spacedScales.has(word) || word.endsWith('ly')) return false
  if (word.length >= 4 && word.endsWith('ed')) return false
  return !(
    headlineVerb(word) && upper.test(view.spaced(index) ? (view.writtenWord(index - 1) ?? '') : '')
  )
}

/** A word that reads as a verb in a headline (`Reaches`, `Handles`): an `-s` form. */
function headlineVerb(word: string): boolean {
  if (namesInS.has(word) || !word.endsWith('s')) return false
  return !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')
}
