/**
 * Slugs from headlines, for `factdesk new`: lower-case ASCII words joined by hyphens, the
 * pattern SPEC 4 requires of `slug`, short enough to read in a URL.
 */

/** Slugs longer than this are cut at the last word that fits. */
export const maxSlugLength = 60

/** Latin letters that Unicode does not decompose into a base letter and an accent. */
const latinLetters: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i'
}

/**
 * The slug of `title`: accents dropped (`Café` -> `cafe`), apostrophes inside words dropped (`Musk's` ->
 * `musks`), every run of other characters turned
 * into one hyphen, hyphens trimmed, and cut to at most `maxLength` characters at a word boundary
 * (a single longer word is cut inside). Empty when the title has no ASCII letter or digit.
 */
export function slugify(title: string, maxLength = maxSlugLength): string {
  // Lower-casing first: `İ` lower-cases to `i` plus a combining dot, which the next steps drop.
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđðþı]/g, (letter) => latinLetters[letter] ?? letter)
    .replace(/(?<=[a-z0-9])['’](?=[a-z])/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= maxLength) return slug
  // Searching back from the limit itself: a hyphen there means the limit is a word boundary.
  const cut = slug.lastIndexOf('-', maxLength)
  return slug.slice(0, cut > 0 ? cut : maxLength).replace(/-+$/, '')
}
