/** Small helpers to write the word lists of figure detection as `|`-separated strings. */

/** The number of words of the longest phrase, words separated by one space. */
export function longestPhrase(phrases: Iterable<string>): number {
  let longest = 0
  for (const phrase of phrases) longest = Math.max(longest, words(phrase).length)
  return longest
}

export function words(phrase: string): string[] {
  return phrase.split(' ')
}

export function list(words: string): string[] {
  return words.split('|')
}

export function tag<T>(value: T, words: string): [string, T][] {
  return list(words).map((word) => [word, value])
}
