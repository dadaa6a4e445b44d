import { describe, expect, it } from 'vitest'
import { buildTable } from '../../src/checks/datasets/build-table.js'
import type { Dataset, Table } from '../../src/checks/datasets/dataset.js'
import { loadDataStore, unreadDigest } from '../../src/checks/datasets/load-data-store.js'
import { csvSource, delimitedSource } from '../../src/data/csv.js'
import { digestBytes } from '../../src/data/data-source.js'
import type { DataContext, DataSource } from '../../src/data/data-source.js'
import { dataSources, listExtensions, sourceFor } from '../../src/data/sources.js'
import { tempSite } from '../helpers/temp-site.js'

function table(dataset: Dataset | undefined): Table {
  if (dataset?.kind !== 'table')
    throw new Error(`expected a table, got ${dataset?.kind ?? 'nothing'}`)
  return dataset.table
}

/** Pipe-separated values: a text format made from the CSV module's factory. */
const psvSource = delimitedSource({ name: 'PSV', extensions: ['psv'], delimiter: '|' })

/**
 * A toy binary format: the magic bytes `TOY1`, then rows of two little-endian 32-bit integers, a
 * year and a value. Its bytes are not UTF-8, so it only loads if the loader leaves decoding to it.
 */
const toySource: DataSource = {
  name: 'Toy',
  extensions: ['toy'],
  load({ bytes, file }: DataContext) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const magic = new TextDecoder().decode(bytes.subarray(0, 4))
    if (magic !== 'TOY1' || (bytes.byteLength - 4) % 8 !== 0) {
      const message = `${file} is not a toy file`
      return {
        dataset: undefined,
        problems: [{ severity: 'error', line: 1, column: 1, rule: 'data-malformed', message, file }]
      }
    }
    const rows = Array.from({ length: (bytes.byteLength - 4) / 8 }, (_, i) => ({
      line: i + 1,
      cells: [String(view.getInt32(4 + i * 8, true)), String(view.getInt32(8 + i * 8, true))]
    }))
    const built = buildTable({ file, header: ['year', 'value'], headerLine: 1, rows })
    return {
      dataset: built.table && Object.freeze({ kind: 'table', file, table: built.table }),
      problems: built.problems
    }
  },
  digest: (context) => `toy:${digestBytes(context)}`
}

function toyFile(rows: [number, number][]): Uint8Array {
  const bytes = new Uint8Array(4 + rows.length * 8)
  bytes.set(new TextEncoder().encode('TOY1'))
  const view = new DataView(bytes.buffer)
  rows.forEach(([year, value], i) => {
    view.setInt32(4 + i * 8, year, true)
    view.setInt32(8 + i * 8, value, true)
  })
  return bytes
}

describe('the data source registry', () => {
  it('holds CSV, TSV, JSON and YAML, in the order their extensions are listed', () => {
    expect(dataSources.map((source) => [source.name, source.extensions])).toEqual([
      ['CSV', ['csv']],
      ['TSV', ['tsv']],
      ['JSON', ['json']],
      ['YAML', ['yaml', 'yml']]
    ])
    expect(listExtensions()).toBe('.csv, .tsv, .json, .yaml or .yml')
    expect(Object.isFrozen(dataSources)).toBe(true)
  })

  it('finds a source by the last extension of a path, whatever its case', () => {
    expect(sourceFor('markets/btc-usd.CSV')?.name).toBe('CSV')
    expect(sourceFor('archive.json.yml')?.name).toBe('YAML')
    expect(sourceFor('notes.txt')).toBeUndefined()
    expect(sourceFor('markets/.csv')).toBeUndefined()
    expect(sourceFor('README')).toBeUndefined()
  })

  it('lets the first source listing an extension read it', () => {
    const shadow = { ...csvSource, name: 'Shadow' }
    expect(sourceFor('x.csv', [shadow, ...dataSources])?.name).toBe('Shadow')
  })
})

describe('loadDataStore with sources of its own', () => {
  it('loads a text format registered beside the others, which still load', async () => {
    const root = await tempSite({
      'data/rates.psv': 'date|rate\n2025-11-03|4.5\n2025-11-04|4.25\n',
      'data/rates.csv': 'date,rate\n2025-11-03,4.5\n'
    })
    const { store, problems } = await loadDataStore(root, ['rates.psv', 'rates.csv'], {
      sources: [...dataSources, psvSource]
    })
    expect(problems).toEqual([])
    expect(table(store.get('rates.psv'))).toMatchObject({
      columns: ['date', 'rate'],
      keys: ['2025-11-03', '2025-11-04'],
      lines: [2, 3]
    })
    expect(table(store.get('rates.csv')).keys).toEqual(['2025-11-03'])
  })

  it("reports a new text format's problems at their lines, in its own words", async () => {
    const root = await tempSite({ 'data/x.psv': 'date|rate\n2025-11-03|4.5|9\n' })
    const { problems } = await loadDataStore(root, ['x.psv'], { sources: [psvSource] })
    expect(problems).toMatchObject([
      { rule: 'data-malformed', file: 'data/x.psv', line: 2, column: 1 }
    ])
    expect(problems[0]?.message).toContain('ragged row in data/x.psv')
  })

  it('loads a binary format from its bytes, undecoded', async () => {
    const bytes = toyFile([
      [2024, -1],
      [2025, 0xfffe]
    ])
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    const root = await tempSite({ 'data/series.toy': bytes, 'data/broken.toy': 'TOY' })
    const { store, problems, digests } = await loadDataStore(root, ['series.toy', 'broken.toy'], {
      sources: [...dataSources, toySource]
    })
    expect(table(store.get('series.toy'))).toMatchObject({
      columns: ['year', 'value'],
      keys: ['2024', '2025'],
      cells: [
        ['2024', '2025'],
        ['-1', '65534']
      ]
    })
    expect(problems).toMatchObject([
      {
        rule: 'data-malformed',
        file: 'data/broken.toy',
        message: 'data/broken.toy is not a toy file'
      }
    ])
    expect(digests.get('series.toy')).toBe(`toy:${digestBytes({ bytes, file: '' })}`)
  })

  it('lists only the registered extensions for a file of no known format', async () => {
    const root = await tempSite({ 'data/x.csv': 'date,v\n2025-11-03,1\n' })
    const { problems } = await loadDataStore(root, ['x.csv'], { sources: [psvSource, toySource] })
    expect(problems).toMatchObject([
      {
        rule: 'data-unreadable',
        message: 'data/x.csv is not a data file factdesk reads: use .psv or .toy'
      }
    ])
  })
})

describe('loadDataStore: digests', () => {
  it('digests the very bytes it loads, read once, by each path as given', async () => {
    const loaded: Uint8Array[] = []
    const digested: Uint8Array[] = []
    const spy: DataSource = {
      ...csvSource,
      load(context) {
        loaded.push(context.bytes)
        return csvSource.load(context)
      },
      digest(context) {
        digested.push(context.bytes)
        return digestBytes(context)
      }
    }
    const text = 'date,v\n2025-11-03,1\n'
    const root = await tempSite({
      'data/a.csv': text,
      'data/b.csv': text,
      'data/c.csv': 'date,v\n2025-11-03,2\n'
    })
    const { digests } = await loadDataStore(root, ['a.csv', './a.csv', 'b.csv', 'c.csv'], {
      sources: [spy]
    })
    // Three files read once each; the bytes loaded are the very bytes digested (files are read
    // concurrently, so the calls of different files interleave).
    expect(loaded).toHaveLength(3)
    expect(digested).toHaveLength(3)
    for (const bytes of loaded) expect(digested.filter((other) => other === bytes)).toHaveLength(1)
    expect(digests.get('a.csv')).toBe(digests.get('./a.csv'))
    expect(digests.get('a.csv')).toBe(digests.get('b.csv'))
    expect(digests.get('c.csv')).not.toBe(digests.get('a.csv'))
    expect(digests.get('a.csv')).toMatch(/^[0-9a-f]{64}$/)
  })

  it('gives every file it does not read the same digest', async () => {
    const root = await tempSite({ 'data/x.txt': 'hello' })
    const { digests } = await loadDataStore(root, ['missing.csv', 'x.txt', '../x.csv'])
    expect([...digests]).toEqual([
      ['missing.csv', unreadDigest],
      ['x.txt', unreadDigest],
      ['../x.csv', unreadDigest]
    ])
  })
})
