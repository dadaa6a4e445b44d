import { mkdir, readFile, symlink } from 'node:fs/promises'
import type * as FsPromises from 'node:fs/promises'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { createDataStore } from '../../src/checks/datasets/dataset.js'
import type { Dataset, Table, TableDataset } from '../../src/checks/datasets/dataset.js'
import { loadDataStore } from '../../src/checks/datasets/load-data-store.js'
import { rowsBetween } from '../../src/checks/datasets/series.js'
import { evaluateExpression } from '../../src/checks/expression/evaluate-expression.js'
import { tempSite } from '../helpers/temp-site.js'

// Reads go through a spy that still reads, so the test can count how often each file is opened.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>()
  return { ...actual, readFile: vi.fn(actual.readFile) }
})

const fixture = fileURLToPath(new URL('../fixtures/data-store/', import.meta.url))

function table(dataset: Dataset | undefined): Table {
  if (dataset?.kind !== 'table')
    throw new Error(`expected a table, got ${dataset?.kind ?? 'nothing'}`)
  return dataset.table
}

describe('loadDataStore: formats', () => {
  it('reads a CSV table keyed by date, with each row line', async () => {
    const { store, problems } = await loadDataStore(fixture, ['markets/btc-usd.csv'])
    expect(problems).toEqual([])
    const dataset = store.get('markets/btc-usd.csv')
    expect(dataset).toMatchObject({ kind: 'table', file: 'data/markets/btc-usd.csv' })
    const btc = table(dataset)
    expect(btc.columns).toEqual(['date', 'open', 'high', 'low', 'close'])
    expect(btc.keys).toEqual([
      '2025-06-30',
      '2025-07-01',
      '2025-08-14',
      '2025-10-06',
      '2025-11-03',
      '2025-11-04'
    ])
    expect(btc.lines).toEqual([2, 3, 4, 5, 6, 7])
    expect(btc.dateKeys).toBe(true)
    expect(btc.cells[4]?.[5]).toBe('99071.3')
  })

  it('reads a TSV table', async () => {
    const { store, problems } = await loadDataStore(fixture, ['markets/eth-usd.tsv'])
    expect(problems).toEqual([])
    expect(table(store.get('markets/eth-usd.tsv'))).toMatchObject({
      columns: ['date', 'open', 'close'],
      keys: ['2025-11-03', '2025-11-04'],
      cells: [
        ['2025-11-03', '2025-11-04'],
        ['3800', '3600.5'],
        ['3600.5', '3290']
      ]
    })
  })

  it('reads a JSON array of objects as a table keyed by the first key, with row lines', async () => {
    const { store, problems } = await loadDataStore(fixture, ['derivatives/liquidations.json'])
    expect(problems).toEqual([])
    expect(table(store.get('derivatives/liquidations.json'))).toMatchObject({
      columns: ['date', 'total_usd', 'long_usd'],
      keys: ['2025-11-03', '2025-11-04'],
      lines: [2, 3],
      cells: [
        ['2025-11-03', '2025-11-04'],
        ['800000000', '1950000000'],
        ['500000000', '1778400000']
      ]
    })
  })

  it('reads a JSON object as a record with nested values and lists', async () => {
    const { store, problems } = await loadDataStore(fixture, ['markets/halving.json'])
    expect(problems).toEqual([])
    const dataset = store.get('markets/halving.json')
    if (dataset?.kind !== 'record') throw new Error('expected a record')
    const halving = dataset.root.entries.get('halving')
    expect(halving?.kind).toBe('object')
    if (halving?.kind !== 'object') return
    expect(halving.entries.get('reward')).toMatchObject({ kind: 'value', text: '3.125', line: 2 })
    expect(dataset.root.entries.get('blocks')).toMatchObject({ kind: 'list', line: 3 })
  })

  it('reads a YAML record, and a list of objects inside it as a table', async () => {
    const { store, problems } = await loadDataStore(fixture, ['markets/summary.yaml'])
    expect(problems).toEqual([])
    const dataset = store.get('markets/summary.yaml')
    if (dataset?.kind !== 'record') throw new Error('expected a record')
    expect(dataset.root.entries.get('note')).toMatchObject({ kind: 'value', text: 'n/a', line: 8 })
    const holders = dataset.root.entries.get('holders')
    if (holders?.kind !== 'table') throw new Error('expected a table')
    expect(holders.table).toMatchObject({
      columns: ['country', 'share'],
      keys: ['US', 'CN'],
      lines: [6, 7],
      dateKeys: false
    })
  })

  it('reads a YAML list of objects as a table, with YAML aliases resolved', async () => {
    const root = await tempSite({
      'data/rates.yml':
        '- { date: 2025-11-03, rate: 4.5 }\n- date: 2025-11-04\n  rate: &r 4.25\n- { date: 2025-11-05, rate: *r }\n'
    })
    const { store, problems } = await loadDataStore(root, ['rates.yml'])
    expect(problems).toEqual([])
    expect(table(store.get('rates.yml'))).toMatchObject({
      keys: ['2025-11-03', '2025-11-04', '2025-11-05'],
      lines: [1, 2, 4],
      cells: [
        ['2025-11-03', '2025-11-04', '2025-11-05'],
        ['4.5', '4.25', '4.25']
      ]
    })
  })

  it('keeps quoted commas and line breaks inside cells, and numbers later rows by their first line', async () => {
    const { store, problems } = await loadDataStore(fixture, ['bad/quoted.csv'])
    expect(problems).toEqual([])
    expect(table(store.get('bad/quoted.csv'))).toMatchObject({
      keys: ['a', 'b', 'c'],
      lines: [2, 3, 5],
      cells: [
        ['a', 'b', 'c'],
        ['one, two', 'first line\nsecond line', 'plain'],
        ['1', '2', '3']
      ]
    })
  })

  it('counts lines the same in files with Windows line breaks and a byte order mark', async () => {
    const root = await tempSite({
      'data/crlf.csv': '\uFEFFdate,close\r\n2025-11-03,1\r\n\r\n2025-11-04,2\r\n'
    })
    const { store, problems } = await loadDataStore(root, ['crlf.csv'])
    expect(problems).toEqual([])
    expect(table(store.get('crlf.csv'))).toMatchObject({
      columns: ['date', 'close'],
      lines: [2, 4]
    })
  })

  it('sorts date keys for ranges whatever the file order', async () => {
    const root = await tempSite({
      'data/unsorted.csv': 'date,v\n2025-11-04,4\n2025-11-01,1\n2025-11-03,3\n'
    })
    const { store } = await loadDataStore(root, ['unsorted.csv'])
    const unsorted = table(store.get('unsorted.csv'))
    expect(unsorted.sortedKeys).toEqual(['2025-11-01', '2025-11-03', '2025-11-04'])
    expect(rowsBetween(unsorted, '2025-11-02', '2025-11-04')).toEqual([2, 0])
  })

  it('loads cells that are not plain numbers without a problem: they fail only when used', async () => {
    const { store, problems } = await loadDataStore(fixture, ['bad/cells.csv'])
    expect(problems).toEqual([])
    expect(table(store.get('bad/cells.csv')).cells[1]).toEqual([
      'NaN',
      'Infinity',
      '1,234',
      'n/a',
      ''
    ])
    const scope = { aliases: { bad: 'bad/cells.csv' }, store }
    expect(evaluateExpression('sum(bad.volume)', scope)).toMatchObject({ ok: true, value: 15 })
    expect(evaluateExpression('bad.close["2025-11-02"]', scope)).toMatchObject({
      ok: false,
      rule: 'data-value'
    })
  })
})

describe('loadDataStore: problems', () => {
  it.each([
    [
      'an empty file',
      { 'data/e.csv': '' },
      'e.csv',
      { rule: 'data-unreadable', line: 1, message: 'data/e.csv is empty' }
    ],
    [
      'a blank file',
      { 'data/e.json': ' \n\n' },
      'e.json',
      { rule: 'data-unreadable', message: 'data/e.json is empty' }
    ],
    [
      'a YAML file with only a comment',
      { 'data/e.yaml': '# nothing yet\n' },
      'e.yaml',
      { rule: 'data-unreadable', message: 'is empty' }
    ],
    [
      'a folder',
      { 'data/dir.csv/x.csv': 'a,b\n' },
      'dir.csv',
      { rule: 'data-unreadable', message: 'data/dir.csv is a folder' }
    ],
    [
      'an unknown format',
      { 'data/x.xlsx': 'PK' },
      'x.xlsx',
      { rule: 'data-unreadable', message: 'use .csv, .tsv, .json, .yaml or .yml' }
    ],
    [
      'text that is not UTF-8',
      { 'data/x.csv': new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xfe, 0x0a]) },
      'x.csv',
      { rule: 'data-unreadable', message: 'is not UTF-8 text' }
    ],
    [
      'a header that is data',
      { 'data/x.csv': '2025-11-03,1\n2025-11-04,2\n' },
      'x.csv',
      { rule: 'data-malformed', line: 1, message: 'has no header row' }
    ],
    [
      'an unnamed header column',
      { 'data/x.csv': 'date,,close\n2025-11-03,1,2\n' },
      'x.csv',
      {
        rule: 'data-malformed',
        line: 1,
        message: 'column 2 of the header in data/x.csv has no name'
      }
    ],
    [
      'a header column named twice',
      { 'data/x.csv': 'date,close,close\n2025-11-03,1,2\n' },
      'x.csv',
      { rule: 'data-malformed', line: 1, message: 'column "close" appears twice' }
    ],
    [
      'a ragged row',
      { 'data/x.csv': 'date,open,close\n2025-11-01,1,2\n2025-11-02,3\n' },
      'x.csv',
      {
        rule: 'data-malformed',
        line: 3,
        column: 1,
        message: 'ragged row in data/x.csv: 2 cells where the header has 3'
      }
    ],
    [
      'a ragged TSV row',
      { 'data/x.tsv': 'date\tclose\n2025-11-01\t1\t2\n' },
      'x.tsv',
      { rule: 'data-malformed', line: 2, message: 'ragged row' }
    ],
    [
      'a quote never closed',
      { 'data/x.csv': 'date,note\n2025-11-03,fine\n2025-11-04,"open\n2025-11-05,x\n' },
      'x.csv',
      { rule: 'data-malformed', line: 3, message: 'starts on line 3 is never closed' }
    ],
    [
      'a duplicate key',
      { 'data/x.csv': 'date,close\n2025-11-03,1\n2025-11-04,2\n2025-11-03,3\n' },
      'x.csv',
      {
        rule: 'data-malformed',
        line: 4,
        column: 1,
        message: 'duplicate key "2025-11-03" in data/x.csv (first on line 2)'
      }
    ],
    [
      'a key that is not a real date',
      { 'data/x.csv': 'date,close\n2025-02-28,1\n2025-02-30,2\n' },
      'x.csv',
      {
        rule: 'data-malformed',
        line: 3,
        message: 'key "2025-02-30" in data/x.csv is not a real date'
      }
    ],
    [
      'a row without a key',
      { 'data/x.csv': 'date,close\n,1\n' },
      'x.csv',
      { rule: 'data-malformed', line: 2, message: 'has no key in its first column (date)' }
    ],
    [
      'JSON that does not parse',
      {
        'data/x.json':
          '[\n  { "date": "2025-11-03", "close": 1 },\n  { "date": "2025-11-04" "close": 2 }\n]\n'
      },
      'x.json',
      { rule: 'data-malformed', line: 3, column: 26, message: 'data/x.json is not valid JSON' }
    ],
    [
      'JSON cut short',
      { 'data/x.json': '[{"date": "2025-11-03"' },
      'x.json',
      { rule: 'data-malformed', line: 1, column: 23, message: 'is not valid JSON' }
    ],
    [
      'a JSON object with a key twice',
      { 'data/x.json': '{\n  "a": 1,\n  "a": 2\n}' },
      'x.json',
      { rule: 'data-malformed', line: 3, column: 3, message: 'repeats a key' }
    ],
    [
      'a JSON scalar',
      { 'data/x.json': '42' },
      'x.json',
      { rule: 'data-malformed', message: 'holds a single value' }
    ],
    [
      'a JSON list holding a number',
      { 'data/x.json': '[{"date": "2025-11-03", "v": 1},\n 7]' },
      'x.json',
      { rule: 'data-malformed', line: 2, message: 'a row in data/x.json is not an object' }
    ],
    [
      'a YAML key twice',
      { 'data/x.yaml': 'supply:\n  circulating: 1\n  circulating: 2\n' },
      'x.yaml',
      { rule: 'data-malformed', line: 3, column: 3, message: 'repeats a key' }
    ],
    [
      'YAML that does not parse',
      { 'data/x.yaml': 'a: [1, 2\nb: 3\n' },
      'x.yaml',
      { rule: 'data-malformed', message: 'data/x.yaml does not parse' }
    ]
  ])('reports %s', async (_, files, path, expected) => {
    const root = await tempSite(files)
    const { store, problems } = await loadDataStore(root, [path])
    expect(problems[0]).toMatchObject({
      severity: 'error',
      file: `data/${path}`,
      column: 1,
      ...expected,
      message: expect.stringContaining(expected.message)
    })
    if (expected.rule === 'data-unreadable') expect(store.get(path)).toBeUndefined()
  })

  it('reports every ragged row of a file, each at its line', async () => {
    const { problems } = await loadDataStore(fixture, ['bad/ragged.csv'])
    expect(problems.map(({ line, rule }) => [line, rule])).toEqual([
      [3, 'data-malformed'],
      [5, 'data-malformed']
    ])
  })

  it('keeps the first row of a duplicate key, so checks still evaluate', async () => {
    const { store } = await loadDataStore(fixture, ['bad/duplicate.csv'])
    expect(table(store.get('bad/duplicate.csv')).keys).toEqual(['2025-11-03', '2025-11-04'])
  })

  it.each([
    '../secret.csv',
    'markets/../../secret.csv',
    '/etc/passwd',
    'C:/data/x.csv',
    'markets\\btc-usd.csv',
    ''
  ])('refuses the path %j, which would leave data/', async (path) => {
    const { store, problems } = await loadDataStore(fixture, [path])
    expect(problems).toMatchObject([
      { severity: 'error', rule: 'path-unsafe', file: `data/${path}`, line: 1, column: 1 }
    ])
    expect(store.datasets.size).toBe(0)
  })

  it('refuses a symbolic link to a file outside the site, and follows one inside it', async () => {
    const outside = await tempSite({ 'secret.csv': 'date,v\n2025-11-03,1\n' })
    const root = await tempSite({ 'shared/inside.csv': 'date,v\n2025-11-03,1\n' })
    await mkdir(join(root, 'data'))
    await symlink(join(outside, 'secret.csv'), join(root, 'data', 'secret.csv'))
    await symlink(join(root, 'shared', 'inside.csv'), join(root, 'data', 'inside.csv'))
    const { store, problems } = await loadDataStore(root, ['secret.csv', 'inside.csv'])
    expect(problems).toMatchObject([
      {
        rule: 'path-unsafe',
        file: 'data/secret.csv',
        message: expect.stringContaining('outside the site')
      }
    ])
    expect(store.get('secret.csv')).toBeUndefined()
    expect(store.get('inside.csv')?.kind).toBe('table')
  })

  it('reports every bad file in one run and still loads the good ones', async () => {
    const { store, problems } = await loadDataStore(fixture, [
      'markets/btc-usd.csv',
      'missing.csv',
      'bad/empty.csv',
      '../x.csv'
    ])
    // A missing file is the articles' problem, at their data: entries (factcheck-plugin.ts).
    expect(problems.map((problem) => problem.file).sort()).toEqual([
      'data/../x.csv',
      'data/bad/empty.csv'
    ])
    expect(store.get('markets/btc-usd.csv')).toBeDefined()
    expect(store.unloaded('missing.csv')).toMatchObject({ missing: true })
    expect(store.unloaded('bad/empty.csv')).toMatchObject({ missing: false })
  })

  it('reports no problem of its own for a missing file, and names the existing file it likely means', async () => {
    const root = await tempSite({ 'data/markets/btc-usd.csv': 'date,close\n2025-11-04,1\n' })
    const { store, problems, digests } = await loadDataStore(root, [
      'markets/btc-usdd.csv',
      'elsewhere/nothing-like-it.csv'
    ])
    expect(problems).toEqual([])
    expect(store.get('markets/btc-usdd.csv')).toBeUndefined()
    expect(store.unloaded('markets/btc-usdd.csv')).toEqual({
      kind: 'unloaded',
      file: 'data/markets/btc-usdd.csv',
      missing: true,
      message:
        'data file data/markets/btc-usdd.csv does not exist (did you mean "markets/btc-usd.csv"?)'
    })
    expect(store.unloaded('elsewhere/nothing-like-it.csv')?.message).toBe(
      'data file data/elsewhere/nothing-like-it.csv does not exist: fix the path in the data: map, or add the file'
    )
    // The suggestion is part of the articles' problem: the checks' cache key changes with it.
    expect(digests.get('markets/btc-usdd.csv')).not.toBe(
      digests.get('elsewhere/nothing-like-it.csv')
    )
    expect(Object.isFrozen(store.unloaded('markets/btc-usdd.csv'))).toBe(true)
  })

  it('reads a number grouped by thousands alike in CSV, TSV, JSON and YAML (issue 18)', async () => {
    const root = await tempSite({
      'data/a.csv': 'date,v\n2025-11-04,"11,890"\n',
      'data/a.tsv': 'date\tv\n2025-11-04\t11,890\n',
      'data/a.json': '{ "v": "11,890" }',
      'data/a.yaml': 'v: 11,890\n'
    })
    const paths = { c: 'a.csv', t: 'a.tsv', j: 'a.json', y: 'a.yaml' }
    const { store } = await loadDataStore(root, Object.values(paths))
    const scope = { aliases: paths, store }
    for (const source of ['c.v["2025-11-04"]', 't.v["2025-11-04"]', 'j.v', 'y.v'])
      expect(evaluateExpression(source, scope)).toMatchObject({ ok: true, value: 11890 })
  })

  it('hands why a file did not load to worker threads with the data', async () => {
    const root = await tempSite({ 'data/markets/btc-usd.csv': 'date,close\n2025-11-04,1\n' })
    const { store } = await loadDataStore(root, ['markets/btc-usdd.csv', 'markets/btc-usd.csv'])
    // As the article runner shares the store: its datasets, serialized, rebuilt in the worker.
    const copy = createDataStore(
      deserialize(serialize(new Map(store.datasets))) as typeof store.datasets
    )
    expect(copy.unloaded('markets/btc-usdd.csv')).toEqual(store.unloaded('markets/btc-usdd.csv'))
    expect(copy.get('markets/btc-usdd.csv')).toBeUndefined()
    expect(copy.get('markets/btc-usd.csv')).toMatchObject({ kind: 'table' })
  })
})

describe('loadDataStore: sharing', () => {
  it('reads each distinct file once, however many articles list it and however it is spelled', async () => {
    const read = vi.mocked(readFile)
    read.mockClear()
    const paths = Array.from(
      { length: 4_000 },
      (_, i) =>
        [`markets/btc-usd.csv`, `./markets/eth-usd.tsv`, `derivatives//liquidations.json`][i % 3] ??
        ''
    )
    const { store, problems } = await loadDataStore(fixture, [
      ...paths,
      'derivatives/liquidations.json'
    ])
    expect(problems).toEqual([])
    expect(read).toHaveBeenCalledTimes(3)
    expect(store.datasets.size).toBe(3)
    expect(store.get('./markets/btc-usd.csv')).toBe(store.get('markets/btc-usd.csv'))
  })

  it('freezes what it loads, so that articles cannot change shared data', async () => {
    const { store } = await loadDataStore(fixture, ['markets/btc-usd.csv', 'markets/summary.yaml'])
    const dataset = store.get('markets/btc-usd.csv') as TableDataset
    expect(Object.isFrozen(store)).toBe(true)
    expect(Object.isFrozen(dataset)).toBe(true)
    expect(Object.isFrozen(dataset.table)).toBe(true)
    expect(Object.isFrozen(dataset.table.keys)).toBe(true)
    expect(Object.isFrozen(dataset.table.cells[1])).toBe(true)
    expect(Object.isFrozen(store.get('markets/summary.yaml'))).toBe(true)
    expect(() => (dataset.table.keys as string[]).push('x')).toThrow(TypeError)
  })

  it('survives a structured clone, as a worker thread would receive it', async () => {
    const { store } = await loadDataStore(fixture, ['markets/btc-usd.csv', 'markets/summary.yaml'])
    const copy = createDataStore(structuredClone(store.datasets))
    const aliases = { btc: 'markets/btc-usd.csv', summary: 'markets/summary.yaml' }
    for (const source of [
      'pct_change(btc.close, "2025-11-03", "2025-11-04")',
      'summary.holders.share["US"]'
    ]) {
      expect(evaluateExpression(source, { aliases, store: copy })).toEqual(
        evaluateExpression(source, { aliases, store })
      )
    }
  })
})
