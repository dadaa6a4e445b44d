import { describe, expect, it } from 'vitest'
import { addCheck } from '../../src/suggest/add-check.js'
import type { CheckEntry } from '../../src/suggest/add-check.js'
import { checkedArticleOf, loadedArticleOf } from '../helpers/article-pipeline.js'
import { tempSite } from '../helpers/temp-site.js'

const entry: CheckEntry = {
  figure: 'over 7%',
  expr: 'pct_change(btc.close, "2025-11-03", "2025-11-04")'
}

const body =
  'Bitcoin plummeted over 7% on Tuesday, its worst day since March.\n\n`code: 3%` stays\n'

/** The article as an editor left it: comments, mixed quoting, flow and block collections. */
const edited = `---
title: 'Bitcoin plummets'   # the desk's wording
date: 2025-11-04T18:30:00+08:00
tags: [bitcoin, markets]
sources:
  - { name: CoinGlass, url: "https://www.coinglass.com/" }
data:
  btc: markets/btc-usd.csv   # daily bars
# Checks below were reviewed by the data desk.
checks:
  - figure: "its worst day"
    expr: btc.close["2025-11-04"]   # a deliberately odd one
    note: |
      kept as written
asserts:
  - expr: lowest_since(btc.low, "2025-11-04", "2025-07-01")
    says: worst day since March
---
${body}`

function added(source: string, add: CheckEntry = entry): string {
  const result = addCheck(source, add)
  if (!result.ok) throw new TypeError(`\`addCheck\` refused: ${result.message}`)
  return result.text
}

describe('addCheck', () => {
  it('appends the entry under the last check, every other line and the body kept as they were', () => {
    const text = added(edited)
    const inserted = [
      '  - figure: "over 7%"',
      '    expr: pct_change(btc.close, "2025-11-03", "2025-11-04")'
    ]
    const before = edited.split('\n')
    const at = before.indexOf('asserts:')
    expect(text.split('\n')).toEqual([...before.slice(0, at), ...inserted, ...before.slice(at)])
    expect(text.endsWith(`---\n${body}`)).toBe(true)
  })

  it('writes an entry the build reads as a check, at the line it was written', () => {
    const text = added(edited, { ...entry, occurrence: 1 })
    const { frontmatter } = loadedArticleOf(text).data
    const last = frontmatter.checks.at(-1)
    expect(last).toMatchObject({ ...entry, occurrence: 1 })
    const line = text.split('\n').indexOf('  - figure: "over 7%"') + 1
    expect(last?.line).toBe(line)
    expect(frontmatter.checks).toHaveLength(2)
    expect(frontmatter.tags).toEqual(['bitcoin', 'markets'])
  })

  it('binds the figure: the next check of the article verifies it against the data', async () => {
    const root = await tempSite({
      'data/markets/btc-usd.csv': 'date,close,low\n2025-11-03,100,99\n2025-11-04,92.59,90\n'
    })
    const source = `---\ntitle: Bitcoin plummets\ndate: 2025-11-04\ndata:\n  btc: markets/btc-usd.csv\n---\n${body}`
    const figureOf = async (text: string) =>
      (await checkedArticleOf(text, { root })).article.figures.find(
        (figure) => figure.text === 'over 7%'
      )
    expect((await figureOf(source))?.status).toBe('unchecked')
    const figure = await figureOf(added(source))
    expect(figure).toMatchObject({ status: 'verified', expr: entry.expr })
    expect(figure?.actual).toBeCloseTo(-7.41, 2)
  })

  it('creates checks: right after data: when the article has none', () => {
    const source = `---\ntitle: x # t\ndata:\n  btc: markets/btc-usd.csv\nasserts: []\n---\n${body}`
    expect(added(source)).toBe(
      `---\ntitle: x # t\ndata:\n  btc: markets/btc-usd.csv\n` +
        `checks:\n  - figure: "over 7%"\n    expr: ${entry.expr}\n` +
        `asserts: []\n---\n${body}`
    )
  })

  it('creates data: and checks: after the last key, before trailing comments, when both are missing', () => {
    const source = `---\ntitle: "x"\ntags: []\n# data:\n#   btc: markets/btc-usd.csv\n---\n${body}`
    const text = added(source, { ...entry, data: { btc: 'markets/btc-usd.csv' } })
    expect(text).toBe(
      `---\ntitle: "x"\ntags: []\n` +
        `data:\n  btc: markets/btc-usd.csv\n` +
        `checks:\n  - figure: "over 7%"\n    expr: ${entry.expr}\n` +
        `# data:\n#   btc: markets/btc-usd.csv\n---\n${body}`
    )
  })

  it('adds a data alias the entry needs, and leaves one that is already there', () => {
    const text = added(edited, {
      ...entry,
      data: { btc: 'markets/btc-usd.csv', liq: 'derivatives/liquidations.csv' }
    })
    const lines = text.split('\n')
    const data = lines.indexOf('data:')
    expect(lines.slice(data, data + 3)).toEqual([
      'data:',
      '  btc: markets/btc-usd.csv   # daily bars',
      '  liq: derivatives/liquidations.csv'
    ])
    expect(loadedArticleOf(text).data.frontmatter.data).toEqual({
      btc: 'markets/btc-usd.csv',
      liq: 'derivatives/liquidations.csv'
    })
  })

  it('adds data: before checks: when only checks: exists', () => {
    const source = `---\ntitle: x\nchecks:\n- figure: "its worst day"\n  expr: btc.close["2025-11-04"]\n---\n${body}`
    expect(added(source, { ...entry, data: { btc: 'markets/btc-usd.csv' } })).toBe(
      `---\ntitle: x\ndata:\n  btc: markets/btc-usd.csv\nchecks:\n` +
        `- figure: "its worst day"\n  expr: btc.close["2025-11-04"]\n` +
        `- figure: "over 7%"\n  expr: ${entry.expr}\n---\n${body}`
    )
  })

  it('turns an empty checks: [] into a block list and adds to a flow data map in flow style', () => {
    const source = `---\ntitle: x\ndate: 2025-11-04\ndata: {eth: markets/eth-usd.csv}\nchecks: []   # none yet\n---\n${body}`
    const text = added(source, { ...entry, data: { btc: 'markets/btc-usd.csv' } })
    expect(text).toBe(
      `---\ntitle: x\ndate: 2025-11-04\ndata: { eth: markets/eth-usd.csv, btc: markets/btc-usd.csv }\n` +
        `checks:   # none yet\n  - figure: "over 7%"\n    expr: ${entry.expr}\n---\n${body}`
    )
    expect(loadedArticleOf(text).data.frontmatter.checks).toHaveLength(1)
  })

  it('adds to a flow list of checks in flow style', () => {
    const source = `---\ntitle: x\ndate: 2025-11-04\nchecks: [{ figure: "its worst day", expr: "btc.close" }]\n---\n${body}`
    const text = added(source, { ...entry, occurrence: 1 })
    expect(text.split('\n')[3]).toBe(
      `checks: [ { figure: "its worst day", expr: "btc.close" }, { figure: "over 7%", expr: 'pct_change(btc.close, "2025-11-03", "2025-11-04")', occurrence: 1 } ]`
    )
    expect(loadedArticleOf(text).data.frontmatter.checks.map((check) => check.figure)).toEqual([
      'its worst day',
      'over 7%'
    ])
  })

  it('keeps CRLF line endings, in the new lines too', () => {
    const source = edited.replace(/\n/g, '\r\n')
    const text = added(source, { ...entry, data: { liq: 'derivatives/liquidations.csv' } })
    expect(text.replace(/\r\n/g, '')).not.toContain('\n')
    expect(text.replace(/\r\n/g, '\n')).toBe(
      added(edited, { ...entry, data: { liq: 'derivatives/liquidations.csv' } })
    )
    expect(loadedArticleOf(text).data.frontmatter.checks.at(-1)).toMatchObject(entry)
  })

  it('keeps a byte-order mark and a figure that YAML would read as another type', () => {
    const source = `\uFEFF---\ntitle: x\n---\nIn 2025 it rose.\n`
    const text = added(source, { figure: '2025', expr: '2025' })
    expect(text).toBe(
      `\uFEFF---\ntitle: x\nchecks:\n  - figure: "2025"\n    expr: "2025"\n---\nIn 2025 it rose.\n`
    )
  })

  it.each([
    [
      'no frontmatter',
      `# Title\n${body}`,
      'the file has no frontmatter: it does not start with a --- line'
    ],
    [
      'an unclosed frontmatter',
      `---\ntitle: x\n${body}`,
      'the frontmatter is not closed: no --- line follows it'
    ],
    [
      'a frontmatter that is not a map',
      `---\n- x\n---\n${body}`,
      'the frontmatter is not a block of keys such as title: and date:'
    ],
    [
      'checks: that is not a list',
      `---\ntitle: x\nchecks:\n  figure: a\n---\n${body}`,
      'checks: is not a list; make it a list of entries (checks: [] when empty)'
    ],
    [
      'an empty checks:',
      `---\ntitle: x\nchecks:\n---\n${body}`,
      'checks: is not a list; make it a list of entries (checks: [] when empty)'
    ],
    [
      'data: that is not a map',
      `---\ntitle: x\ndata: [a]\n---\n${body}`,
      'data: is not a map of aliases to paths under data/'
    ]
  ])('refuses %s', (_name, source, message) => {
    expect(addCheck(source, entry)).toEqual({ ok: false, message })
  })

  it('refuses YAML that does not parse, naming the line in the file', () => {
    const result = addCheck(`---\ntitle: x\ntags: [a\n---\n${body}`, entry)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toMatch(
      /^the frontmatter is not valid YAML \(line [34]\): /
    )
  })

  it('refuses an alias the article already uses for another file', () => {
    expect(addCheck(edited, { ...entry, data: { btc: 'markets/btc-eur.csv' } })).toEqual({
      ok: false,
      message:
        'data: already has "btc" for markets/btc-usd.csv, not markets/btc-eur.csv; rename one of them, then add the check by hand'
    })
  })

  it('refuses an edit that would change another key too, as through a YAML alias', () => {
    const source = `---\ntitle: x\nchecks: &shared\n  - figure: "a"\n    expr: b\nkept: *shared\n---\n${body}`
    expect(addCheck(source, entry)).toEqual({
      ok: false,
      message:
        'the check could not be added without changing the rest of the frontmatter; add it by hand'
    })
  })

  it('refuses an entry the article already has', () => {
    expect(addCheck(added(edited), entry)).toEqual({
      ok: false,
      message: 'checks: already has this entry for "over 7%"'
    })
  })
})
