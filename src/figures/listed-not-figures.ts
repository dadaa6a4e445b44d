/**
 * Marks the tokens that lie inside a phrase of the site's `not_figures` list (SPEC 3, 5), so that
 * `S&P 500` or `±4%` never yields a figure. Phrases match case-sensitively; a whitespace run in
 * the prose matches a whitespace run in the phrase, so a phrase wrapped across lines still counts.
 */
import type { Token } from './tokenize.js'
import { isSpace } from './tokenize.js'

const alphanumeric = /^[\p{L}\p{N}]$/u

/** Set `listedNotFigure` on every token that overlaps an occurrence of a listed phrase. */
export function markListedNotFigures(
  tokens: readonly Token[],
  text: string,
  phrases: readonly string[]
): void {
  // Most articles hold none of the phrases: a phrase occurs only where its first word does, and
  // looking for that word is far cheaper than collapsing the whole text.
  const wanted = collapsedPhrases(phrases).filter((phrase) => text.includes(firstWord(phrase)))
  if (wanted.length === 0) return
  const { collapsed, origins } = collapse(text)
  const spans: [number, number][] = []
  for (const phrase of wanted) {
    let at = collapsed.indexOf(phrase)
    while (at >= 0) {
      const start = origins[at] ?? 0
      const end = (origins[at + phrase.length - 1] ?? start) + 1
      if (standsAlone(text, start, end)) spans.push([start, end])
      at = collapsed.indexOf(phrase, at + 1)
    }
  }
  const merged = mergeSpans(spans)
  let spanIndex = 0
  for (const token of tokens) {
    while (spanIndex < merged.length && (merged[spanIndex]?.[1] ?? 0) <= token.start) spanIndex++
    const span = merged[spanIndex]
    if (span !== undefined && span[0] < token.end) token.listedNotFigure = true
  }
}

/** Sorted, disjoint spans, so that one forward walk over the tokens finds every overlap. */
function mergeSpans(spans: [number, number][]): [number, number][] {
  spans.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const span of spans) {
    const last = merged.at(-1)
    if (last !== undefined && span[0] <= last[1]) last[1] = Math.max(last[1], span[1])
    else merged.push([span[0], span[1]])
  }
  return merged
}

/** A match must not cut a word or a number in two (`G7` is not listed inside `G75`). */
function standsAlone(text: string, start: number, end: number): boolean {
  const cutsBefore = isAlphanumeric(text, start - 1) && isAlphanumeric(text, start)
  const cutsAfter = isAlphanumeric(text, end - 1) && isAlphanumeric(text, end)
  return !cutsBefore && !cutsAfter
}

function isAlphanumeric(text: string, index: number): boolean {
  const char = text[index]
  return char !== undefined && alphanumeric.test(char)
}

// The phrases of a build are the same for every article: collapse them once per list.
let lastList: { key: string; collapsed: string[] } | undefined

function collapsedPhrases(phrases: readonly string[]): string[] {
  const key = phrases.join('\n')
  if (lastList?.key !== key) {
    const collapsed = phrases
      .map((phrase) => collapse(phrase.trim()).collapsed)
      .filter((phrase) => phrase.length > 0)
    lastList = { key, collapsed }
  }
  return lastList.collapsed
}

function firstWord(phrase: string): string {
  const space = phrase.indexOf(' ')
  return space < 0 ? phrase : phrase.slice(0, space)
}

/** The text with each whitespace run as one space, and each kept character's original offset. */
function collapse(text: string): { collapsed: string; origins: Int32Array } {
  const origins = new Int32Array(text.length)
  const parts: string[] = []
  let length = 0
  let index = 0
  let kept = 0
  while (index < text.length) {
    if (isSpace(text.charCodeAt(index))) {
      parts.push(text.slice(kept, index), ' ')
      origins[length++] = index
      while (index < text.length && isSpace(text.charCodeAt(index))) index++
      kept = index
    } else {
      origins[length++] = index
      index++
    }
  }
  parts.push(text.slice(kept))
  return { collapsed: parts.join(''), origins: origins.subarray(0, length) }
}
