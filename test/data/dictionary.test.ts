/**
 * The data dictionary (issue 19, item 1): a sidecar's keys become a description, each wrong key a
 * positioned warning that leaves the rest in use; sidecars are named after their data file and
 * can never be bound as data; units format values as readers write them.
 */
import { describe, expect, it } from 'vitest'
import { loadDataStore } from '../../src/checks/datasets/load-data-store.js'
import { formatAmount } from '../../src/checks/expression/explain.js'
import { describePlace } from '../../src/data/dictionary-words.js'
import {
  descriptionPathOf,
  isDescriptionFile,
  parseDescription
} from '../../src/data/dictionary.js'
import { tempSite } from '../helpers/temp-site.js'

const file = 'data/markets/btc-usd.about.yaml'

function lines(text: string): string[] {
  return parseDescription(text, file).problems.map(
    (problem) =>
      `${problem.line}:${problem.column} ${problem.severity} ${problem.rule}: ${problem.message}`
  )
}

describe('parseDescription', () => {
  it('reads every key of a description', () => {
    const { description, problems } = parseDescription(
      [
        'title: Bitcoin daily prices',
        'subject: Bitcoin',
        'source: CoinDesk',
        'source_url: https://www.coindesk.com/',
        'licence: CC BY 4.0',
        'columns:',
        '  close: { label: closing price, unit: USD }',
        ''
      ].join('\n'),
      file
    )
    expect(problems).toEqual([])
    expect(description).toMatchObject({
      title: 'Bitcoin daily prices',
      subject: 'Bitcoin',
      source: 'CoinDesk',
      sourceUrl: 'https://www.coindesk.com/',
      licence: 'CC BY 4.0'
    })
    expect(description?.columns.get('close')).toEqual({ label: 'closing price', unit: 'USD' })
  })

  it('reports a misspelt key at its position and keeps the rest', () => {
    const text =
      'title: Bitcoin daily prices\nlicense: CC BY 4.0\ncolumns:\n  close:\n    lable: closing price\n    unit: USD\n'
    expect(lines(text)).toEqual([
      `2:1 warning data-description: unknown key "license" in ${file} (did you mean "licence"?): use title, subject, source, source_url, licence, columns`,
      '5:5 warning data-description: unknown key "lable" for column close (did you mean "label"?): use label or unit'
    ])
    const { description } = parseDescription(text, file)
    expect(description?.title).toBe('Bitcoin daily prices')
    expect(description?.columns.get('close')).toEqual({ unit: 'USD' })
  })

  it('reports values of the wrong kind where they are written', () => {
    expect(lines('title: [a, b]\nsource_url: www.example.org\ncolumns: close\n')).toEqual([
      '1:8 warning data-description: title must be text, e.g. title: Bitcoin daily prices',
      '2:13 warning data-description: source_url must be a web address starting with https://, not "www.example.org"',
      '3:10 warning data-description: columns must be a map of column names, e.g. close: { label: closing price, unit: USD }'
    ])
  })

  it('reports text that is not YAML, and describes nothing', () => {
    const { description, problems } = parseDescription('title: [unclosed\n', file)
    expect(description).toBeUndefined()
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ rule: 'data-description', severity: 'warning', file })
  })
})

describe('sidecar names', () => {
  it('is the data file name with .about.yaml for its extension', () => {
    expect(descriptionPathOf('markets/btc-usd.csv')).toBe('markets/btc-usd.about.yaml')
    expect(descriptionPathOf('world/v1.2/gdp.json')).toBe('world/v1.2/gdp.about.yaml')
    expect(isDescriptionFile('markets/btc-usd.about.yaml')).toBe(true)
    expect(isDescriptionFile('markets/btc-usd.yaml')).toBe(false)
  })

  it('is refused as data, and never offered as a "did you mean"', async () => {
    const root = await tempSite({
      'data/markets/btc-usd.csv': 'date,close\n2025-11-04,99420\n',
      'data/markets/btc-usd.about.yaml': 'title: Bitcoin daily prices\n'
    })
    const { store, problems } = await loadDataStore(root, [
      'markets/btc-usd.about.yaml',
      'markets/btc-usd.abot.yaml'
    ])
    expect(store.get('markets/btc-usd.about.yaml')).toBeUndefined()
    expect(problems.map((problem) => problem.rule)).toEqual(['data-unreadable'])
    expect(problems[0]?.message).toContain('describes a data file')
    expect(store.unloaded('markets/btc-usd.abot.yaml')?.message).not.toContain('about.yaml')
  })

  it('describes the dataset it sits next to', async () => {
    const root = await tempSite({
      'data/markets/btc-usd.csv': 'date,close\n2025-11-04,99420\n',
      'data/markets/btc-usd.about.yaml': 'subject: Bitcoin\n'
    })
    const { store } = await loadDataStore(root, ['markets/btc-usd.csv'])
    expect(store.get('markets/btc-usd.csv')?.description?.subject).toBe('Bitcoin')
  })
})

describe('readable words', () => {
  const place = { file: 'data/ferry/ferry_volumes.csv', path: ['daily_volume'] }

  it('names an undescribed column by its name and its file, never an alias', () => {
    expect(describePlace({ ...place, description: undefined })).toBe(
      'daily volume of ferry volumes'
    )
  })

  it('uses the subject and the label of a described column', () => {
    const columns = new Map([['daily_volume', { label: 'passengers carried' }]])
    expect(describePlace({ ...place, description: { subject: 'The ferry', columns } })).toBe(
      "The ferry's passengers carried"
    )
    expect(describePlace({ ...place, description: { columns } })).toBe('passengers carried')
  })

  it.each([
    [98944.5, 'USD', '$98,944.50'],
    [99420, 'USD', '$99,420'],
    [104, 'EUR', '€104'],
    [7.3, '%', '7.3%'],
    [30100, 'tonnes', '30,100 tonnes'],
    [401280, 'BTC', '401,280 BTC'],
    [12, 'ABC', '12 ABC'],
    [1.5, undefined, '1.5']
  ])('formats %s in %s as %s', (value, unit, expected) => {
    expect(formatAmount(value, unit)).toBe(expected)
  })
})
