/**
 * A recursive-descent parser for check expressions (SPEC 6). Precedence, loosest first: `or`,
 * `and`, `not`, comparisons, `+ -`, `* /`, unary `-`, postfix `.name` `[key]` `(args)`. Input is
 * bounded (length and nesting) before recursion can exhaust the stack, so that any string an
 * editor or an attacker writes gets a syntax error, never a crash.
 */
import { depthOf } from './ast.js'
import type { BinaryOperator, Expression } from './ast.js'
import { ExpressionFailure } from './failure.js'
import { describeToken, tokenize } from './tokenize.js'
import type { SymbolText, Token } from './tokenize.js'

/** Longest expression accepted, in characters. */
export const maxExpressionLength = 10_000

/** Deepest nesting accepted: brackets, calls, unary operators and operator chains alike. */
export const maxExpressionDepth = 200

/** A parsed expression, or why it does not parse with its 1-based column. */
export type ParseResult =
  | { ok: true; expression: Expression }
  | { ok: false; rule: 'expression-syntax'; message: string; column: number }

const keywords = new Set(['and', 'or', 'not', 'true', 'false'])
const comparisons = new Set<string>(['<', '<=', '>', '>=', '==', '!='])

/** Parses `source` into a syntax tree; never throws. */
export function parseExpression(source: string): ParseResult {
  try {
    if (source.length > maxExpressionLength) {
      fail(`expression is ${source.length} characters long; the limit is ${maxExpressionLength}`, 1)
    }
    const expression = new Parser(tokenize(source)).parse()
    if (depthOf(expression) > maxExpressionDepth) {
      fail(
        `expression is nested more than ${maxExpressionDepth} levels deep; split it into simpler checks`,
        1
      )
    }
    return { ok: true, expression }
  } catch (error) {
    if (error instanceof ExpressionFailure) {
      return {
        ok: false,
        rule: 'expression-syntax',
        message: error.message,
        column: error.column ?? 1
      }
    }
    throw error
  }
}

class Parser {
  private at = 0
  private depth = 0

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): Expression {
    if (this.peek().kind === 'end')
      fail('expression is empty: write a value to check, e.g. btc.close["2025-11-04"]', 1)
    const expression = this.or()
    const next = this.peek()
    if (next.kind !== 'end') {
      fail(
        `expected an operator or the end of the expression at column ${next.start + 1}, found ${describeToken(next)}`,
        next.start + 1
      )
    }
    return expression
  }

  private or(): Expression {
    let left = this.and()
    while (this.isWord('or')) {
      this.next()
      left = binary('or', left, this.and())
    }
    return left
  }

  private and(): Expression {
    let left = this.not()
    while (this.isWord('and')) {
      this.next()
      left = binary('and', left, this.not())
    }
    return left
  }

  private not(): Expression {
    if (!this.isWord('not')) return this.comparison()
    const token = this.next()
    const operand = this.nested(token, () => this.not())
    return { type: 'unary', operator: 'not', operand, start: token.start, end: operand.end }
  }

  private comparison(): Expression {
    const left = this.additive()
    const operator = this.symbolIn(comparisons)
    if (operator === undefined) return left
    this.next()
    const node = binary(operator.text as BinaryOperator, left, this.additive())
    const chained = this.symbolIn(comparisons)
    if (chained !== undefined) {
      fail(
        `comparisons cannot be chained ("${chained.text}" at column ${chained.start + 1}): join them with "and"`,
        chained.start + 1
      )
    }
    return node
  }

  private additive(): Expression {
    let left = this.multiplicative()
    for (
      let op = this.symbolIn(additiveSymbols);
      op !== undefined;
      op = this.symbolIn(additiveSymbols)
    ) {
      this.next()
      left = binary(op.text as BinaryOperator, left, this.multiplicative())
    }
    return left
  }

  private multiplicative(): Expression {
    let left = this.unary()
    for (
      let op = this.symbolIn(multiplicativeSymbols);
      op !== undefined;
      op = this.symbolIn(multiplicativeSymbols)
    ) {
      this.next()
      left = binary(op.text as BinaryOperator, left, this.unary())
    }
    return left
  }

  private unary(): Expression {
    const token = this.peek()
    if (!isSymbol(token, '-')) return this.postfix()
    this.next()
    const operand = this.nested(token, () => this.unary())
    return { type: 'unary', operator: '-', operand, start: token.start, end: operand.end }
  }

  private postfix(): Expression {
    let node = this.primary()
    for (;;) {
      const token = this.peek()
      if (isSymbol(token, '.')) {
        this.next()
        const name = this.next()
        if (name.kind !== 'name') {
          fail(
            `expected a column or key name after "." at column ${token.start + 1}, found ${describeToken(name)}`,
            name.start + 1
          )
        }
        node = { type: 'member', object: node, name: name.text, start: node.start, end: name.end }
      } else if (isSymbol(token, '[')) {
        this.next()
        const key = this.nested(token, () => this.or())
        const close = this.expect(']', token)
        node = { type: 'index', object: node, key, start: node.start, end: close.end }
      } else if (isSymbol(token, '(')) {
        this.next()
        const args = this.nested(token, () => this.arguments(token))
        const close = this.expect(')', token)
        node = { type: 'call', callee: node, args, start: node.start, end: close.end }
      } else {
        return node
      }
    }
  }

  private arguments(open: Token): Expression[] {
    const args: Expression[] = []
    if (isSymbol(this.peek(), ')')) return args
    for (;;) {
      args.push(this.or())
      if (!isSymbol(this.peek(), ',')) return args
      this.next()
      if (isSymbol(this.peek(), ')')) {
        fail(
          `expected a value after "," in the call at column ${open.start + 1}`,
          this.peek().start + 1
        )
      }
    }
  }

  private primary(): Expression {
    const token = this.next()
    switch (token.kind) {
      case 'number':
        return { type: 'number', value: token.value, start: token.start, end: token.end }
      case 'string':
        return { type: 'string', value: token.value, start: token.start, end: token.end }
      case 'name':
        if (token.text === 'true' || token.text === 'false') {
          return {
            type: 'boolean',
            value: token.text === 'true',
            start: token.start,
            end: token.end
          }
        }
        if (keywords.has(token.text)) break
        return { type: 'identifier', name: token.text, start: token.start, end: token.end }
      case 'symbol':
        if (token.text === '(') {
          const inner = this.nested(token, () => this.or())
          const close = this.expect(')', token)
          // The span grows to cover the brackets, so that quoting a node quotes them too.
          return { ...inner, start: token.start, end: close.end }
        }
        break
      case 'end':
        break
    }
    const previous = this.tokens[this.at - 2]
    const after = previous === undefined ? '' : ` after ${describeToken(previous)}`
    return fail(
      `expected a value${after} at column ${token.start + 1}, found ${describeToken(token)}`,
      token.start + 1
    )
  }

  private nested<T>(token: Token, parse: () => T): T {
    if (++this.depth > maxExpressionDepth) {
      fail(
        `expression is nested more than ${maxExpressionDepth} levels deep at column ${token.start + 1}`,
        token.start + 1
      )
    }
    const result = parse()
    this.depth--
    return result
  }

  private expect(text: ')' | ']', open: Token): Token {
    const token = this.next()
    if (isSymbol(token, text)) return token
    const opener = text === ')' ? '(' : '['
    return fail(
      `"${opener}" at column ${open.start + 1} is never closed: expected "${text}" at column ${token.start + 1}, found ${describeToken(token)}`,
      token.start + 1
    )
  }

  private peek(): Token {
    return (
      this.tokens[this.at] ??
      this.tokens[this.tokens.length - 1] ?? { kind: 'end', start: 0, end: 0 }
    )
  }

  private next(): Token {
    const token = this.peek()
    if (this.at < this.tokens.length - 1) this.at++
    else this.at = this.tokens.length
    return token
  }

  private isWord(word: string): boolean {
    const token = this.peek()
    return token.kind === 'name' && token.text === word
  }

  private symbolIn(set: ReadonlySet<string>): (Token & { kind: 'symbol' }) | undefined {
    const token = this.peek()
    return token.kind === 'symbol' && set.has(token.text) ? token : undefined
  }
}

const additiveSymbols = new Set<string>(['+', '-'])
const multiplicativeSymbols = new Set<string>(['*', '/'])

function binary(operator: BinaryOperator, left: Expression, right: Expression): Expression {
  return { type: 'binary', operator, left, right, start: left.start, end: right.end }
}

function isSymbol(token: Token, text: SymbolText): boolean {
  return token.kind === 'symbol' && token.text === text
}

function fail(message: string, column: number): never {
  throw new ExpressionFailure('expression-syntax', message, column)
}
