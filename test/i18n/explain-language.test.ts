/**
 * The plain-words sentences of checks follow the site's language (issue 19): words from its
 * catalogue, dates and numbers from its locale through `Intl`, with English unchanged.
 */
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadDataStore } from '../../src/checks/datasets/load-data-store.js'
import { evaluateExpression } from '../../src/checks/expression/evaluate-expression.js'
import type { EvaluationScope } from '../../src/checks/expression/evaluate-expression.js'
import { explainingIn, wordingFor } from '../../src/i18n/explain-words.js'

// The expression tests' fixture: btc-usd closes 107000 on 3 November 2025, 99071.3 on the 4th.
const root = fileURLToPath(new URL('../fixtures/data-store/', import.meta.url))
const aliases = { btc: 'markets/btc-usd.csv', liq: 'derivatives/liquidations.json' }
let scope: EvaluationScope

beforeAll(async () => {
  const { store } = await loadDataStore(root, Object.values(aliases))
  scope = { aliases, store }
})

/** The explanation of `source` on a site whose language is `language`. */
function explained(source: string, language: string, labels: Record<string, string> = {}): string {
  const wording = wordingFor({ language, labels })
  const result = explainingIn(wording, () => evaluateExpression(source, scope))
  if (!result.ok) throw new Error(`${source} failed: ${result.message}`)
  return result.explanation
}

const fall = 'pct_change(btc.close, "2025-11-03", "2025-11-04")'

describe('explanations in the site language', () => {
  it('keeps English as it was, for every English region', () => {
    const english = 'Close of btc-usd fell 7.41% from 3 to 4 November 2025'
    expect(explained(fall, 'en')).toBe(english)
    expect(explained(fall, 'en-US')).toBe(english)
    expect(evaluateExpression(fall, scope)).toMatchObject({ explanation: english })
  })

  it.each([
    ['de', 'Close von btc-usd fiel vom 3. bis 4. November 2025 um 7,41 %'],
    ['fr', 'Close de btc-usd a reculé de 7,41\u202f% du 3 au 4 novembre 2025'],
    ['es', 'Close de btc-usd bajó 7,41 % del 3 al 4 de noviembre de 2025'],
    ['pt-BR', 'Close de btc-usd caiu 7,41% de 3 a 4 de novembro de 2025'],
    ['ja', 'Btc-usdのcloseは2025年11月3日から2025年11月4日までに7.41%下落した'],
    ['zh-CN', 'Btc-usd的close在2025年11月3日至2025年11月4日下跌7.41%']
  ])('words a fall in %s with its verbs, its dates and its digits', (language, sentence) => {
    expect(explained(fall, language)).toBe(sentence)
  })

  it('words a range over two months and years with the month and year where they differ', () => {
    expect(explained('mean(btc.close, "2024-12-30", "2025-11-04")', 'de')).toBe(
      'Durchschnitt von close von btc-usd vom 30. Dezember 2024 bis 4. November 2025: 110.561,88'
    )
    expect(explained('max(btc.close, "2025-10-01", "2025-11-04")', 'fr')).toBe(
      'Le plus haut de close de btc-usd du 1 octobre au 4 novembre 2025\u202f: 124\u202f800'
    )
  })

  it('words comparisons and their failure in the language', () => {
    expect(explained('btc.close["2025-11-04"] > 98000', 'de')).toBe(
      'Close von btc-usd am 4. November 2025 (99.071,3) liegt über 98.000'
    )
    expect(explained('btc.close["2025-11-04"] > 100000', 'es')).toBe(
      'Close de btc-usd el 4 de noviembre de 2025 (99.071,3) no es superior a 100.000'
    )
  })

  it('takes a word from labels: in site.yaml over the catalogue', () => {
    expect(explained(fall, 'en', { explain_fell: '{what} slid {amount} {range}' })).toBe(
      'Close of btc-usd slid 7.41% from 3 to 4 November 2025'
    )
  })

  it('leaves the wording as it was after an evaluation, even one that throws', () => {
    expect(() =>
      explainingIn(wordingFor({ language: 'de', labels: {} }), () => {
        throw new Error('stop')
      })
    ).toThrow('stop')
    expect(evaluateExpression(fall, scope)).toMatchObject({
      explanation: 'Close of btc-usd fell 7.41% from 3 to 4 November 2025'
    })
  })
})
