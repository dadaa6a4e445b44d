/**
 * Inputs for the fuzzing properties: Markdown, YAML and check expressions built from pieces that
 * make parsers and matchers work hard (digit runs, joiners, approximators, unclosed syntax, tags,
 * aliases), mixed with raw text of any code point.
 */
import fc from 'fast-check'

/** Pieces that make matchers work hard: digits, joiners, scales, approximators and Markdown. */
const numberPieces = [
  '1',
  '12',
  '999',
  '0',
  '1,',
  '000,',
  '1.',
  '.5',
  '-',
  '–',
  ' to ',
  ' and ',
  '%',
  '$',
  '€',
  'US$',
  'bn',
  'k',
  'm',
  ' million',
  ' billion'
]
const wordPieces = [
  'over ',
  'more than ',
  'nearly ',
  'about ',
  'just under ',
  'between ',
  'the ',
  'some ',
  'up to ',
  'fell ',
  'rose ',
  'a ',
  'drop',
  'one',
  'ninety-nine',
  'two',
  'G7',
  'COVID-19',
  'November 4th',
  '2025-11-04',
  '1999',
  '10:30'
]
const markdownPieces = [
  ' ',
  '\n',
  '\n\n',
  '*',
  '_',
  '`',
  '[',
  '](',
  ')',
  '<b>',
  '</b>',
  '<!--',
  '-->',
  '# ',
  '> ',
  '| ',
  '\\',
  '&amp;',
  '&#49;',
  '\r\n',
  '\t',
  '\u00a0',
  '\u2028',
  '\uFEFF',
  '\u0301'
]
const piece = fc.constantFrom(...numberPieces, ...wordPieces, ...markdownPieces)
const pieceText = (maxLength: number) =>
  fc.array(piece, { maxLength }).map((pieces) => pieces.join(''))
/** A run of one adversarial piece, long enough to expose a quadratic matcher. */
const longRun = fc
  .tuple(
    fc.constantFrom(
      '1,',
      '1.',
      '1-',
      'over ',
      'between 1 and ',
      '$1 to ',
      'more than more than ',
      '9'
    ),
    fc.integer({ min: 50, max: 2000 })
  )
  .map(([unit, count]) => unit.repeat(count))
/** Text of any kind: raw code points, adversarial pieces, long runs. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  pieceText(200),
  longRun
)

/** YAML pieces: keys the loader knows, values of every type, and syntax that breaks parsers. */
const yamlKeys = [
  'title',
  'date',
  'updated',
  'slug',
  'section',
  'tags',
  'byline',
  'summary',
  'draft',
  'embargo',
  'sources',
  'corrections',
  'data',
  'checks',
  'asserts',
  'factcheck',
  'tagz',
  '__proto__',
  '<<'
]
const yamlValues = [
  'T',
  '"x"',
  "'y'",
  '42',
  '-1e400',
  'true',
  'null',
  '~',
  '[a, b]',
  '{ name: n }',
  '[',
  '{',
  '&a x',
  '*a',
  '*b',
  '!!binary aGk=',
  '!!js/function f',
  '2025-11-04',
  '2025-02-30',
  '2025-11-04T10:00:00+25:00',
  '"\\0"',
  '|\n  block',
  '>-\n  folded',
  '- item',
  '"..\\\\x"',
  'а',
  '\t',
  '"{{x}}"',
  '"<!--"'
]
const yamlLine = fc.oneof(
  fc
    .tuple(fc.constantFrom(...yamlKeys), fc.constantFrom(...yamlValues))
    .map(([key, value]) => `${key}: ${value}`),
  fc.constantFrom(
    '  - figure: "7%"',
    '    expr: btc.close["2025-11-04"]',
    '  btc: markets/btc.csv',
    '---',
    '...',
    '%YAML 1.1',
    '? complex',
    ''
  ),
  fc.string({ unit: 'binary', maxLength: 40 })
)
/** The lines between the `---` fences of an article, or a whole settings file. */
export const frontmatter = fc.array(yamlLine, { maxLength: 12 }).map((lines) => lines.join('\n'))
/** An article file: LF, CRLF, with a BOM and no closing fence, or no frontmatter at all. */
export const articleSource = fc.oneof(
  fc.tuple(frontmatter, anyText).map(([yaml, body]) => `---\n${yaml}\n---\n${body}`),
  fc
    .tuple(frontmatter, anyText)
    .map(([yaml, body]) => `---\r\n${yaml.replace(/\n/g, '\r\n')}\r\n---\r\n${body}`),
  fc.tuple(frontmatter, anyText).map(([yaml, body]) => `\uFEFF---\n${yaml}\n${body}`),
  anyText
)

const expressionPieces = [
  'btc',
  'gdp',
  '.close',
  '.low',
  '.usd',
  '.__proto__',
  '.constructor',
  '["2025-11-04"]',
  '["2025-02-30"]',
  '[0]',
  '(',
  ')',
  ',',
  ' + ',
  ' - ',
  ' * ',
  ' / ',
  ' == ',
  ' < ',
  ' and ',
  ' or ',
  'not ',
  '-',
  '1',
  '0',
  '1e308',
  '2e-320',
  '"x"',
  'true',
  'pct_change',
  'change',
  'min',
  'max',
  'mean',
  'sum',
  'count',
  'drawdown',
  'share',
  'round',
  'abs',
  'value',
  'lowest_since',
  'highest_since',
  'eval',
  'globalThis',
  ' ',
  '"',
  '[',
  ']'
]
/** Check expressions: pieces of the language, deep nesting, long chains and raw text. */
export const expressionText = fc.oneof(
  fc
    .array(fc.constantFrom(...expressionPieces), { maxLength: 40 })
    .map((pieces) => pieces.join('')),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.integer({ min: 1, max: 3000 }).map((depth) => `${'('.repeat(depth)}1${')'.repeat(depth)}`),
  fc.integer({ min: 1, max: 3000 }).map((depth) => `${'-'.repeat(depth)}1`),
  fc
    .integer({ min: 1, max: 3000 })
    .map((terms) => Array.from({ length: terms }, () => 'btc.close["2025-11-04"]').join(' + '))
)
