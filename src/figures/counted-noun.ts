/**
 * The counted noun of SPEC 5.2: what a number counts, read from the words right after it
 * (`470,000 investors` -> `investors`).
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
import { notCountedNouns } from './noun-lexicon.js'

/**
 * The counted noun right after a number, lower-cased (`400,000 Bitcoins` -> `bitcoins`), or null
 * when the next word is a function word, a verb form, an adverb, a common adjective, a month, a
 * movement noun or the first half of a hyphenated compound (`5 long-term holders`).
 */
export function countedNounAt(view: TokenView, index: number): string | null {
  const word = view.spacedWord(index)
  const written = view.writtenWord(index)
  if (word === undefined || written === undefined || word.length < 2) return null
  if (notCountedNouns.has(word) || months.has(written) || clockWords.has(written)) return null
  if (movementNouns.has(word) || movementWords.has(word) || approximators.has(word)) return null
  if (spelledUnits.has(word) || spelledTens.has(word) || spacedScales.has(word)) return null
  if (word === 'hundred' || looksLikeVerbOrAdverb(word)) return null
  if (view.attachedSymbol(index + 1) === '-' && view.attachedWord(index + 2) !== undefined) {
    return null
  }
  return word
}

/** `-ly` adverbs, `-ed` and `-ing` forms: right after a number they are rarely what it counts. */
function looksLikeVerbOrAdverb(word: string): boolean {
  if (word.length >= 4 && word.endsWith('ly')) return true
  return word.length >= 5 && (word.endsWith('ed') || word.endsWith('ing'))
}
