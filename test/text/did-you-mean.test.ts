import { describe, expect, it } from 'vitest'
import {
  didYouMean,
  figureTextReach,
  keyReach,
  nameReach,
  nearestTo
} from '../../src/text/did-you-mean.js'

describe('nearestTo', () => {
  it('finds the nearest candidate and its edit distance, case ignored by default', () => {
    expect(nearestTo('Titel', ['date', 'title', 'tags'])).toEqual({
      candidate: 'title',
      distance: 2
    })
    expect(nearestTo('TITLE', ['title'])).toEqual({ candidate: 'title', distance: 0 })
  })

  it('takes the first of equally near candidates, in their order', () => {
    expect(nearestTo('bat', ['cat', 'hat'])?.candidate).toBe('cat')
    expect(nearestTo('bat', ['hat', 'cat'])?.candidate).toBe('hat')
  })

  it('offers nothing beyond the reach, or when there are no candidates', () => {
    expect(nearestTo('headline', ['title', 'date'])).toBeUndefined()
    expect(nearestTo('title', [])).toBeUndefined()
  })

  it('counts case as an edit with matchCase', () => {
    expect(nearestTo('ABC', ['abc'], { matchCase: true, reach: () => 2 })).toBeUndefined()
    expect(nearestTo('ABC', ['abc'], { reach: () => 2 })?.distance).toBe(0)
  })
})

describe('the reaches', () => {
  it('keyReach: two edits, or a third of a long key rounded down', () => {
    expect([1, 6, 8, 9, 12].map((length) => keyReach('k'.repeat(length), ''))).toEqual([
      2, 2, 2, 3, 4
    ])
  })

  it('nameReach: a third rounded up, at least two, and fewer edits than the name has letters', () => {
    expect(['', 'a', 'bc', 'bct', 'gold', 'sevens'].map((name) => nameReach(name, ''))).toEqual([
      -1, 0, 1, 2, 2, 2
    ])
    expect(nearestTo('bct', ['btc'], { reach: nameReach })?.candidate).toBe('btc')
    expect(nearestTo('gold', ['btc'], { reach: nameReach })).toBeUndefined()
    expect(nearestTo('', ['a'], { reach: nameReach })).toBeUndefined()
  })

  it('figureTextReach: three edits, or half the longer text rounded up', () => {
    expect(figureTextReach('$9', '$9')).toBe(3)
    expect(figureTextReach('over 7%', 'over 17.5%')).toBe(5)
  })
})

describe('didYouMean', () => {
  it('phrases the suggestion, or gives an empty string', () => {
    expect(didYouMean('dat', ['data', 'date'])).toBe(' (did you mean "data"?)')
    expect(didYouMean('headline', ['title'])).toBe('')
  })

  it('passes its options on', () => {
    const options = { reach: figureTextReach, matchCase: true }
    expect(didYouMean('below $98,000', ['below the $99,000'], options)).toBe(
      ' (did you mean "below the $99,000"?)'
    )
  })
})
