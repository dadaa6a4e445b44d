import { describe, expect, it } from 'vitest'
import type { Expression } from '../../src/checks/expression/ast.js'
import { parseExpression } from '../../src/checks/expression/parse-expression.js'

/** The tree written back with every operation in brackets, so that a table can state precedence. */
function bracketed(node: Expression): string {
  switch (node.type) {
    case 'number':
      return String(node.value)
    case 'string':
      return JSON.stringify(node.value)
    case 'boolean':
      return String(node.value)
    case 'identifier':
      return node.name
    case 'member':
      return `${bracketed(node.object)}.${node.name}`
    case 'index':
      return `${bracketed(node.object)}[${bracketed(node.key)}]`
    case 'call':
      return `${bracketed(node.callee)}(${node.args.map(bracketed).join(', ')})`
    case 'unary':
      return node.operator === 'not'
        ? `(not ${bracketed(node.operand)})`
        : `(-${bracketed(node.operand)})`
    case 'binary':
      return `(${bracketed(node.left)} ${node.operator} ${bracketed(node.right)})`
  }
}

function parsed(source: string): string {
  const result = parseExpression(source)
  if (!result.ok) throw new Error(`expected ${source} to parse, got: ${result.message}`)
  return bracketed(result.expression)
}

describe('parseExpression', () => {
  it.each([
    // precedence, loosest first: or, and, not, comparisons, + -, * /, unary -, postfix
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['1 * 2 + 3', '((1 * 2) + 3)'],
    ['a or b and c', '(a or (b and c))'],
    ['a and b or c', '((a and b) or c)'],
    ['not a and b', '((not a) and b)'],
    ['not a < b', '(not (a < b))'],
    ['not not a', '(not (not a))'],
    ['a < b + 1', '(a < (b + 1))'],
    ['a + 1 == b * 2', '((a + 1) == (b * 2))'],
    ['a <= b or c >= d', '((a <= b) or (c >= d))'],
    ['a != b and c > d', '((a != b) and (c > d))'],
    ['-a * b', '((-a) * b)'],
    ['-btc.close["2025-11-04"]', '(-btc.close["2025-11-04"])'],
    ['2 - -3', '(2 - (-3))'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    // associativity: left for every binary operator
    ['1 - 2 - 3', '((1 - 2) - 3)'],
    ['8 / 4 / 2', '((8 / 4) / 2)'],
    ['a or b or c', '((a or b) or c)'],
    ['a and b and c', '((a and b) and c)'],
    // postfix chains
    ['summary.supply.circulating', 'summary.supply.circulating'],
    ['btc.close["2025-11-04"]', 'btc.close["2025-11-04"]'],
    ['stats.countries["Korea, South"].gdp', 'stats.countries["Korea, South"].gdp'],
    [
      'pct_change(btc.close, "2025-11-03", "2025-11-04")',
      'pct_change(btc.close, "2025-11-03", "2025-11-04")'
    ],
    ['f()', 'f()'],
    ['round(share(a.b["x"], a.c["x"]), 1)', 'round(share(a.b["x"], a.c["x"]), 1)'],
    ['x.and.not', 'x.and.not'],
    // literals
    ['1.5', '1.5'],
    ['2e9', '2000000000'],
    ['2E+9', '2000000000'],
    ['1.25e-2', '0.0125'],
    ['007', '7'],
    ['"a \\"quoted\\" word \\\\ end"', '"a \\"quoted\\" word \\\\ end"'],
    ['""', '""'],
    ['true', 'true'],
    ['false', 'false'],
    ['prix_été', 'prix_été'],
    ['  1\n+\t2  ', '(1 + 2)']
  ])('parses %s as %s', (source, expected) => {
    expect(parsed(source)).toBe(expected)
  })

  it('keeps source offsets, with brackets inside the span of what they enclose', () => {
    const result = parseExpression('(a + b) / c')
    expect(result.ok).toBe(true)
    if (!result.ok || result.expression.type !== 'binary') return
    expect(result.expression).toMatchObject({ start: 0, end: 11 })
    expect(result.expression.left).toMatchObject({ start: 0, end: 7 })
    expect(result.expression.right).toMatchObject({ start: 10, end: 11 })
  })

  it.each([
    ['', 1, 'expression is empty'],
    ['   ', 1, 'expression is empty'],
    ['1 +', 4, 'expected a value after "+" at column 4, found the end of the expression'],
    ['* 2', 1, 'expected a value at column 1, found "*"'],
    ['(1 + 2', 7, '"(" at column 1 is never closed'],
    ['btc.close["2025-11-04"', 23, '"[" at column 10 is never closed'],
    ['f(1, 2', 7, '"(" at column 2 is never closed'],
    ['f(1,)', 5, 'expected a value after ","'],
    ['f(,1)', 3, 'expected a value after "(" at column 3'],
    ['x[]', 3, 'expected a value after "["'],
    ['()', 2, 'expected a value after "(" at column 2, found ")"'],
    ['1 2', 3, 'expected an operator or the end of the expression at column 3, found the number 2'],
    ['a b', 3, 'found "b"'],
    ['1 + 2)', 6, 'found ")"'],
    ['a < b < c', 7, 'comparisons cannot be chained'],
    ['a == b != c', 8, 'comparisons cannot be chained'],
    ['btc.', 5, 'expected a column or key name after "." at column 4'],
    ['btc.1', 5, 'expected a column or key name after "."'],
    ['a and', 6, 'expected a value after "and"'],
    ['not', 4, 'expected a value after "not"'],
    ['or b', 1, 'expected a value at column 1, found "or"'],
    ['1 = 2', 3, 'write "==" to compare'],
    ['!a', 1, 'write "not" instead of "!"'],
    ['a && b', 3, 'write "and" instead of "&&"'],
    ['a || b', 3, 'write "or" instead of "||"'],
    ["btc.close['2025-11-04']", 11, 'strings use double quotes'],
    ['btc.close["2025-11-04]', 11, 'string opened at column 11 is never closed'],
    ['"a\\nb"', 3, 'unknown escape "\\n"'],
    ['price $', 7, 'unexpected "$" at column 7'],
    ['1.', 1, '"1." at column 1 needs digits after the decimal point'],
    ['1.e5', 1, 'needs digits after the decimal point'],
    ['2e', 1, '"2e" at column 1 needs digits after the exponent'],
    ['2e+', 1, 'needs digits after the exponent'],
    ['12abc', 1, '"12abc" at column 1 is not a number'],
    ['1e999', 1, '"1e999" at column 1 is too large'],
    ['x + 😀', 5, 'unexpected "😀" at column 5']
  ])('rejects %j at column %i: %s', (source, column, message) => {
    const result = parseExpression(source)
    expect(result).toMatchObject({ ok: false, rule: 'expression-syntax', column })
    if (!result.ok) expect(result.message).toContain(message)
  })

  it('refuses an expression over 10,000 characters before reading it', () => {
    const result = parseExpression(`1${' '.repeat(10_000)}`)
    expect(result).toMatchObject({ ok: false, rule: 'expression-syntax', column: 1 })
    if (!result.ok) expect(result.message).toContain('the limit is 10000')
  })

  it.each([
    ['brackets', `${'('.repeat(201)}1${')'.repeat(201)}`, 201],
    ['index keys', `${'a['.repeat(201)}1${']'.repeat(201)}`, 402],
    ['call arguments', `${'f('.repeat(201)}1${')'.repeat(201)}`, 402],
    ['unary minus', `${'-'.repeat(201)}1`, 201],
    ['not', `${'not '.repeat(201)}a`, 801]
  ])('refuses nesting deeper than 200 levels of %s', (_, source, column) => {
    const result = parseExpression(source)
    expect(result).toMatchObject({ ok: false, rule: 'expression-syntax', column })
    if (!result.ok) expect(result.message).toContain('nested more than 200 levels deep')
  })

  it('accepts nesting of exactly 200 levels', () => {
    expect(parseExpression(`${'('.repeat(199)}1${')'.repeat(199)}`).ok).toBe(true)
  })

  it('refuses an operator chain longer than 200 levels, since it nests as deep as it is long', () => {
    const result = parseExpression(Array.from({ length: 250 }, () => '1').join(' + '))
    expect(result).toMatchObject({ ok: false, rule: 'expression-syntax', column: 1 })
  })

  it('gives a syntax error, not a stack overflow, for 10,000 opening brackets', () => {
    const result = parseExpression('('.repeat(10_000))
    expect(result).toMatchObject({ ok: false, rule: 'expression-syntax' })
  })
})
