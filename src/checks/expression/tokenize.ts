/**
 * Splits a check expression into tokens (SPEC 6). Characters that only appear in other languages'
 * syntax (`=`, `!`, `&&`, `||`, single quotes) get a message that names this language's spelling,
 * because editors will type them.
 */
import { ExpressionFailure } from './failure.js'

/** Operators and punctuation, longest first so that `<=` is not read as `<` then `=`. */
const symbols = [
  '<=',
  '>=',
  '==',
  '!=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '(',
  ')',
  '[',
  ']',
  ',',
  '.'
] as const

/** An operator or punctuation mark. */
export type SymbolText = (typeof symbols)[number]

/** One token with its 0-based offsets in the source (`end` exclusive). */
export type Token =
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'string'; value: string; start: number; end: number }
  /** Identifiers and the words `and`, `or`, `not`, `true`, `false`. */
  | { kind: 'name'; text: string; start: number; end: number }
  | { kind: 'symbol'; text: SymbolText; start: number; end: number }
  | { kind: 'end'; start: number; end: number }

/** A name, and a number with whatever letters follow it, so that `12abc` fails as one token. */
const namePattern = /[\p{L}\p{N}_]+/uy
const numberPattern = /[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]*)?[\p{L}\p{N}_]*/uy

const hints: ReadonlyArray<readonly [string, string]> = [
  ['&&', 'write "and" instead of "&&"'],
  ['||', 'write "or" instead of "||"'],
  ['=', 'write "==" to compare'],
  ['!', 'write "not" instead of "!"'],
  ["'", 'strings use double quotes: "2025-11-04"']
]

/** Reads every token of `source`, ending with an `end` token; throws `ExpressionFailure`. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  while (at < source.length) {
    const char = source[at] ?? ''
    if (/\s/.test(char)) {
      at++
    } else if (/[0-9]/.test(char)) {
      const token = readNumber(source, at)
      tokens.push(token)
      at = token.end
    } else if (char === '"') {
      const token = readString(source, at)
      tokens.push(token)
      at = token.end
    } else if (/[\p{L}_]/u.test(char)) {
      const text = matchAt(namePattern, source, at) || char
      tokens.push({ kind: 'name', text, start: at, end: at + text.length })
      at += text.length
    } else {
      const symbol = symbols.find((candidate) => source.startsWith(candidate, at))
      if (symbol !== undefined) {
        tokens.push({ kind: 'symbol', text: symbol, start: at, end: at + symbol.length })
        at += symbol.length
      } else {
        const hint = hints.find(([text]) => source.startsWith(text, at))
        const shown = String.fromCodePoint(source.codePointAt(at) ?? 0)
        throw new ExpressionFailure(
          'expression-syntax',
          `unexpected "${hint?.[0] ?? shown}" at column ${at + 1}${hint === undefined ? '' : `: ${hint[1]}`}`,
          at + 1
        )
      }
    }
  }
  tokens.push({ kind: 'end', start: source.length, end: source.length })
  return tokens
}

function readNumber(source: string, start: number): Token {
  const text = matchAt(numberPattern, source, start)
  const fail = (reason: string): never => {
    throw new ExpressionFailure(
      'expression-syntax',
      `"${text}" at column ${start + 1} ${reason}`,
      start + 1
    )
  }
  if (/\.$|\.[eE]/.test(text)) fail('needs digits after the decimal point')
  if (/[eE][+-]?$/.test(text)) fail('needs digits after the exponent')
  if (!/^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(text)) {
    fail(
      'is not a number: write numbers with digits only (no separators or units), e.g. 98000 or 2e9'
    )
  }
  const value = Number(text)
  if (!Number.isFinite(value)) fail('is too large')
  return { kind: 'number', value, start, end: start + text.length }
}

function readString(source: string, start: number): Token {
  let value = ''
  let at = start + 1
  while (at < source.length) {
    const char = source[at] ?? ''
    if (char === '"') return { kind: 'string', value, start, end: at + 1 }
    if (char === '\\') {
      const escaped = source[at + 1]
      if (escaped !== '"' && escaped !== '\\') {
        throw new ExpressionFailure(
          'expression-syntax',
          `unknown escape "\\${escaped ?? ''}" at column ${at + 1}: only \\" and \\\\ may be escaped`,
          at + 1
        )
      }
      value += escaped
      at += 2
    } else {
      value += char
      at++
    }
  }
  throw new ExpressionFailure(
    'expression-syntax',
    `string opened at column ${start + 1} is never closed: add the closing double quote`,
    start + 1
  )
}

function matchAt(pattern: RegExp, source: string, at: number): string {
  pattern.lastIndex = at
  return pattern.exec(source)?.[0] ?? ''
}

/** A token as a syntax message names it: `the number 7`, `"btc"`, `the end of the expression`. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the expression'
    case 'number':
      return `the number ${token.value}`
    case 'string':
      return `the string "${token.value.length > 30 ? `${token.value.slice(0, 30)}…` : token.value}"`
    case 'name':
      return `"${token.text.length > 30 ? `${token.text.slice(0, 30)}…` : token.text}"`
    case 'symbol':
      return `"${token.text}"`
  }
}
