import { describe, expect, it } from 'vitest'
import { maxSlugLength, slugify } from '../../src/commands/slugify.js'

describe('slugify', () => {
  it.each([
    ['lower-cases and joins words with hyphens', 'Bitcoin Breaks Below', 'bitcoin-breaks-below'],
    [
      'turns every run of other characters into one hyphen',
      'Bitcoin breaks below $99,000 -- again!',
      'bitcoin-breaks-below-99-000-again'
    ],
    ['trims hyphens at both ends', '  "Peru" breaks ties…  ', 'peru-breaks-ties'],
    ['drops accents', 'Café société à Zürich', 'cafe-societe-a-zurich'],
    ['spells out letters Unicode does not decompose', 'Straße für Ærø', 'strasse-fur-aero'],
    ['drops apostrophes inside words', "Musk's robotaxi isn’t here", 'musks-robotaxi-isnt-here'],
    ['keeps digits', 'COVID-19 cases rise 14%', 'covid-19-cases-rise-14'],
    ['gives nothing for a title without ASCII letters or digits', '比特币', '']
  ])('%s', (_case, title, slug) => {
    expect(slugify(title)).toBe(slug)
  })

  it('cuts a long title at the last word boundary within the limit', () => {
    const title =
      'Bitcoin breaks below the ninety-nine thousand dollar mark as liquidations approach two billion'
    const slug = slugify(title)
    expect(slug).toBe('bitcoin-breaks-below-the-ninety-nine-thousand-dollar-mark-as')
    expect(slug.length).toBeLessThanOrEqual(maxSlugLength)
  })

  it('keeps a word that ends exactly at the limit', () => {
    expect(slugify('abcd efgh ijkl', 9)).toBe('abcd-efgh')
  })

  it('cuts inside a single word longer than the limit', () => {
    expect(slugify('a'.repeat(80))).toBe('a'.repeat(maxSlugLength))
  })

  it('always gives the slug pattern of SPEC 4', () => {
    for (const title of [
      '--x--',
      'Ünïcödé — “quoted” – dashes',
      'a  b',
      "It's 5 o'clock",
      'ƒøø bår'
    ]) {
      expect(slugify(title)).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/)
    }
  })
})
