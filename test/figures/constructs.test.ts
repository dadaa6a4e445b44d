import { describe, expect, it } from 'vitest'
import { constructs } from '../../src/figures/constructs.js'

describe('the list of figure phrase readers', () => {
  const names = constructs.map((construct) => construct.name)

  it('tries the readers in this order, the bare amount last', () => {
    expect(names).toEqual([
      'between-range',
      'range-from',
      'approximator-phrase',
      'to-pair',
      'bare-amount'
    ])
  })

  it('names each reader once', () => {
    expect(new Set(names).size).toBe(names.length)
  })
})
