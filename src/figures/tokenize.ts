/**
 * The single-pass scanner under figure detection (SPEC 5): it cuts the prose into words, digit
 * runs, single symbols and boundaries, reading each character once. Everything after it works on
 * tokens with a bounded look around, which keeps detection linear in the text.
 */
import type { Prose } from '../types.js'
import { isWhitespace } from '../text/whitespace.js'

/** What a token is. `boundary` stands for anything phrases must not join across. */
export type TokenKind = 'word' | 'number' | 'symbol' | 'boundary'

/** A digit run as written: `470,000`, `1.8`, `.5`, or something malformed like `1,1,1`. */
export interface Digits {
  /** The digits with thousands separators removed, ready for `Number()`: `470000`, `1.8`. */
  plain: string
  /** False when separators do not form a number (`1,1,1`, `1.2.3`, `1234,567`). */
  wellFormed: boolean
  /** True when written with `,` thousands separators. */
  grouped: boolean
  /** True when written with a decimal point. */
  decimal: boolean
}

/** One token of the prose. */
export interface Token {
  kind: TokenKind
  /** Offsets in `Prose.text`, end exclusive. */
  start: number
  end: number
  text: string
  /** Lower-cased `text`, for word lookups. */
  lower: string
  /** True when whitespace stands between this token and the previous one. */
  spaced: boolean
  digits?: Digits
  /** Set when the token lies inside a phrase listed in `not_figures`. */
  listedNotFigure?: boolean
}

/** Counts the work a detection run does, so that tests can show it stays linear. */
export interface ScanStats {
  /** Characters scanned plus tokens read; grows linearly with the text. */
  steps: number
}

/** The object replacement character extraction puts where a non-prose node stood. */
export const objectSeparator = '\uFFFC'

const letterPattern = /^[\p{L}\p{M}]$/u

/**
 * Cut `prose.text` into tokens. Whitespace the extraction inserted (source offset -1) and object
 * separators become `boundary` tokens, so that no phrase joins across blocks or removed nodes.
 */
export function tokenize(prose: Prose, stats?: ScanStats): Token[] {
  const { text, sourceOffsets } = prose
  const tokens: Token[] = []
  let spaced = true
  let index = 0
  while (index < text.length) {
    const code = text.charCodeAt(index)
    if (code === 0xfffc || (isSpace(code) && sourceOffsets[index] === -1)) {
      const start = index
      while (index < text.length && isBoundaryChar(text, sourceOffsets, index)) index++
      if (tokens.at(-1)?.kind !== 'boundary') push(tokens, 'boundary', text, start, index, true)
      spaced = true
      continue
    }
    if (isSpace(code)) {
      spaced = true
      index++
      continue
    }
    const start = index
    if (
      isDigit(code) ||
      vulgarFractions.has(text[index] ?? '') ||
      (code === 0x2e && startsBareDecimal(text, index))
    ) {
      index = scanDigits(text, sourceOffsets, index)
      const token = push(tokens, 'number', text, start, index, spaced)
      token.digits = readDigits(token.text)
    } else if (letterLength(text, index) > 0) {
      let length = letterLength(text, index)
      while (length > 0) {
        index += length
        length = letterLength(text, index)
      }
      push(tokens, 'word', text, start, index, spaced)
    } else {
      index += isSurrogatePair(text, index) ? 2 : 1
      push(tokens, 'symbol', text, start, index, spaced)
    }
    spaced = false
  }
  if (stats) stats.steps += text.length
  return tokens
}

function push(
  tokens: Token[],
  kind: TokenKind,
  text: string,
  start: number,
  end: number,
  spaced: boolean
): Token {
  const slice = text.slice(start, end)
  const token: Token = { kind, start, end, text: slice, lower: slice.toLowerCase(), spaced }
  tokens.push(token)
  return token
}

/** The vulgar fractions SPEC 5.1 reads, alone or right after digits (`3½%` is 3.5). */
const vulgarFractions = new Map([
  ['½', 1 / 2],
  ['¼', 1 / 4],
  ['¾', 3 / 4],
  ['⅓', 1 / 3],
  ['⅔', 2 / 3],
  ['⅛', 1 / 8]
])

/**
 * Spaces that group thousands in newsroom copy (SPEC 5.1): no-break (U+00A0), narrow no-break
 * (U+202F) and thin (U+2009) spaces, and a plain space between groups of exactly three digits.
 */
const groupSpaces = new Set([0x20, 0xa0, 0x202f, 0x2009])

/**
 * Digits, then `,` or `.` separators only where a digit follows them, then a vulgar fraction
 * glued to whole digits. A space groups thousands only after a first group of one to three
 * digits (or a group of three), before exactly three digits that no further digit follows, and
 * never across a block boundary (a space the extraction added): `200 000` is one figure, while
 * `in 2025 200 people` and `1 2 3` stay apart.
 */
function scanDigits(text: string, sourceOffsets: Int32Array, from: number): number {
  let index = from
  // Digits of the group being read, and how the number was written so far.
  let group = 0
  let spaceGrouped = false
  let otherSeparator = false
  while (index < text.length) {
    const code = text.charCodeAt(index)
    if (isDigit(code)) {
      index++
      group++
    } else if ((code === 0x2c || code === 0x2e) && isDigit(text.charCodeAt(index + 1))) {
      // A decimal point may follow space groups (`12 500.5`); a comma may not mix with them.
      if (code === 0x2c && spaceGrouped) break
      otherSeparator = true
      index++
      group = 0
    } else if (
      groupSpaces.has(code) &&
      !otherSeparator &&
      (spaceGrouped ? group === 3 : group >= 1 && group <= 3) &&
      sourceOffsets[index] !== -1 &&
      threeDigitsAt(text, index + 1)
    ) {
      index++
      group = 0
      spaceGrouped = true
    } else if (
      group > 0 &&
      !spaceGrouped &&
      !otherSeparator &&
      vulgarFractions.has(text[index] ?? '')
    ) {
      // `6½`: the fraction ends the number.
      index++
      break
    } else break
  }
  if (index === from && vulgarFractions.has(text[index] ?? '')) index++
  return index
}

/** Exactly three digits at `index`, no digit after them. */
function threeDigitsAt(text: string, index: number): boolean {
  return (
    isDigit(text.charCodeAt(index)) &&
    isDigit(text.charCodeAt(index + 1)) &&
    isDigit(text.charCodeAt(index + 2)) &&
    !isDigit(text.charCodeAt(index + 3))
  )
}

function readDigits(written: string): Digits {
  const fraction = vulgarFractions.get(written.at(-1) ?? '')
  if (fraction !== undefined) {
    // `6½` or `½`: whole digits (never grouped or decimal here, see `scanDigits`) and the fraction.
    const whole = written.slice(0, -1)
    return {
      plain: String((whole === '' ? 0 : Number(whole)) + fraction),
      wellFormed: true,
      grouped: false,
      decimal: true
    }
  }
  const spaced = /[ \u00a0\u202f\u2009]/.test(written)
  const digits = readCommaDigits(written.replace(/[ \u00a0\u202f\u2009]/g, ','))
  return spaced ? { ...digits, grouped: true } : digits
}

/** Digits grouped by commas, as `readDigits` hands them on (space groups become commas). */
function readCommaDigits(written: string): Digits {
  const groups = written.split(',')
  const grouped = groups.length > 1
  const pointAt = written.indexOf('.')
  const decimal = pointAt >= 0
  let wellFormed = written.indexOf('.', pointAt + 1) < 0 || pointAt < 0
  if (grouped) {
    const head = groups[0] ?? ''
    const lastGroup = groups.at(-1) ?? ''
    const lastWhole = decimal ? lastGroup.slice(0, lastGroup.indexOf('.')) : lastGroup
    const middle = groups.slice(1, -1)
    // Western grouping by thousands, or the Indian by lakhs and crores (`11,11,111`): groups of
    // two before the last three, as Indian papers write rupee amounts. Beyond the SPEC.
    const middleLength = head.length <= 2 && middle.length > 0 ? 2 : 3
    const western = middle.every((group) => group.length === 3)
    const groupLength = western ? 3 : middleLength
    wellFormed &&= head.length >= 1 && head.length <= 3 && !head.includes('.')
    wellFormed &&= middle.every((group) => group.length === groupLength && !group.includes('.'))
    wellFormed &&= lastWhole.length === 3 && (!decimal || lastGroup.indexOf('.') === 3)
  }
  const plain = written.replaceAll(',', '')
  return { plain: plain.startsWith('.') ? `0${plain}` : plain, wellFormed, grouped, decimal }
}

/** `.5` starts a number only when it does not continue a word or another number. */
function startsBareDecimal(text: string, index: number): boolean {
  if (!isDigit(text.charCodeAt(index + 1))) return false
  const before = text.charCodeAt(index - 1)
  return index === 0 || isSpace(before) || before === 0x28 || before === 0x7e
}

function isBoundaryChar(text: string, sourceOffsets: Int32Array, index: number): boolean {
  const code = text.charCodeAt(index)
  return code === 0xfffc || (isSpace(code) && sourceOffsets[index] === -1)
}

function isSurrogatePair(text: string, index: number): boolean {
  const high = text.charCodeAt(index)
  const low = text.charCodeAt(index + 1)
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

/**
 * Whitespace, including the no-break and thin spaces newsroom copy uses inside figures: the one
 * rule of `text/whitespace.ts`, so that figures and check texts are cut at the same places.
 */
export const isSpace: (code: number) => boolean = isWhitespace

/** Length in code units of the letter at `index`, or 0 when there is none. */
function letterLength(text: string, index: number): number {
  const code = text.charCodeAt(index)
  if (Number.isNaN(code)) return 0
  if (code < 0x80) {
    return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? 1 : 0
  }
  const point = text.codePointAt(index) ?? 0
  const length = point > 0xffff ? 2 : 1
  if (point === 0xfffc) return 0
  return letterPattern.test(String.fromCodePoint(point)) ? length : 0
}
