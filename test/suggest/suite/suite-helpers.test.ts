/**
 * The suggestion suite's own tools: stripping checks keeps every figure's line, and an altered
 * figure is moved 5-20% as it was written, in the direction its original check contradicts.
 */
import { describe, expect, it } from 'vitest'
import { defaultSettings } from '../../../src/settings/load-settings.js'
import type { FigureResult } from '../../../src/types.js'
import { alterFigure, contradicts, moveNumber } from './alter-figure.js'
import { stripChecks } from './strip-checks.js'

const tolerance = defaultSettings().factcheck.tolerance

const article = [
  '---',
  'title: "T"',
  'checks:',
  '  - figure: "about $1,230"',
  '    expr: aaa.close["2025-03-08"]',
  '  # a comment inside the block',
  'data:',
  '  aaa: markets/aaa.csv',
  '---',
  'The index settled at about $1,230 on the day.',
  ''
].join('\n')

const figure: FigureResult = {
  text: 'about $1,230',
  in: 'body',
  line: 10,
  column: 22,
  value: 1230,
  unit: 'USD',
  approx: 'about',
  direction: null,
  status: 'verified',
  actual: 1228.5,
  expr: 'aaa.close["2025-03-08"]',
  message: ''
}

describe('stripChecks', () => {
  it('blanks the lines of the checks block and keeps every other line where it was', () => {
    const stripped = stripChecks(article)
    const lines = stripped.split('\n')
    expect(lines).toHaveLength(article.split('\n').length)
    expect(stripped).not.toContain('checks:')
    expect(stripped).not.toContain('expr:')
    expect(lines[6]).toBe('data:')
    expect(lines[9]).toBe('The index settled at about $1,230 on the day.')
  })

  it('leaves an article without checks as it is', () => {
    const plain = '---\ntitle: "T"\n---\nBody.\n'
    expect(stripChecks(plain)).toBe(plain)
  })
})

describe('moveNumber', () => {
  it('keeps decimals, grouping and round places', () => {
    expect(moveNumber('1,230', 1.1)).toBe('1,350')
    expect(moveNumber('470,000', 1.14)).toBe('540,000')
    expect(moveNumber('2.5', 1.12)).toBe('2.8')
  })

  it('refuses a number its writing cannot move by 5-20%', () => {
    expect(moveNumber('3', 1.1)).toBeUndefined()
  })
})

describe('alterFigure', () => {
  it('moves the figure in place so that its check contradicts it', () => {
    const altered = alterFigure(stripChecks(article), figure, 1228.5, tolerance, 0)
    expect(altered).toBeDefined()
    if (altered === undefined) return
    expect(altered.text).toMatch(/^about \$1,[0-9]{3}$/u)
    expect(altered.source.split('\n')[9]).toBe(`The index settled at ${altered.text} on the day.`)
    expect(
      contradicts({ ...figure, text: altered.text, value: altered.value }, 1228.5, tolerance)
    ).toBe(true)
    expect(contradicts(figure, 1228.5, tolerance)).toBe(false)
  })

  it('gives nothing when the figure is not written at its place', () => {
    expect(alterFigure(article, { ...figure, line: 2 }, 1228.5, tolerance, 0)).toBeUndefined()
  })
})
