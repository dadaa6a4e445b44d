/**
 * The words figure detection knows (SPEC 5): approximator phrases, scale words, spelled numbers,
 * currencies, months and clock words (movement words: `movement-lexicon.ts`; words that are
 * never a counted noun: `noun-lexicon.ts`). Kept apart from the
 * scanner so that the vocabulary can be read, reviewed and extended in one place. Lists are
 * written as `|`-separated strings so that they stay readable after formatting.
 */
import type { Approx } from '../types.js'
import { list, longestPhrase, tag } from './word-lists.js'

/**
 * Approximator phrases of the SPEC 5 table, lower-cased, words separated by one space. Each is
 * written once, under its approx and its kind: `magnitude` phrases qualify the size of a move and
 * keep its direction (`plummeted over 7%`), `level` phrases name a level being crossed and leave
 * the figure without one (`fell below $3,100`). The lookups below are all derived from this table.
 */
const approximatorTable: readonly ApproximatorEntry[] = [
  ...approximatorsOf('over', {
    magnitude: 'over|more than|in excess of|upwards of',
    level: 'above|exceeding|exceeded|exceeds|surpassed|topping|topped|north of'
  }),
  ...approximatorsOf('at-least', { magnitude: 'at least|no fewer than|no less than|a minimum of' }),
  ...approximatorsOf('under', {
    magnitude: 'less than|fewer than',
    level: 'under|below|beneath|shy of'
  }),
  ...approximatorsOf('at-most', { magnitude: 'at most|up to|no more than|a maximum of' }),
  // `near` beyond the SPEC: headlines write it for `nearing` (`liquidations near $2 billion`).
  ...approximatorsOf('nearly', {
    magnitude: 'nearly|almost|close to',
    level: 'approaching|nearing|near'
  }),
  ...approximatorsOf('about', {
    magnitude: 'about|around|approximately|roughly|some|an estimated|circa'
  }),
  ...approximatorsOf('just-over', {
    magnitude: 'just over|slightly more than',
    level: 'slightly above'
  }),
  ...approximatorsOf('just-under', {
    magnitude: 'just under|slightly less than',
    level: 'slightly below'
  })
]

/** Every approximator phrase of the SPEC 5 table with the approx it gives. */
export const approximators: ReadonlyMap<string, Approx> = new Map(
  approximatorTable.map((entry) => [entry.phrase, entry.approx])
)

/**
 * The most words any approximator phrase has (3 today, `slightly more than`): how far
 * `approximatorAt` looks ahead. Derived, so that a longer phrase added above is read whole.
 */
export const longestApproximator: number = longestPhrase(approximators.keys())

/**
 * Approximators that name a level being crossed rather than the size of a move: after a movement
 * word they leave the figure without a direction (`fell below $3,100`, SPEC 5), while magnitude
 * qualifiers keep it (`plummeted over 7%`).
 */
export const levelApproximators: ReadonlySet<string> = new Set(
  approximatorTable.filter((entry) => entry.level).map((entry) => entry.phrase)
)

/**
 * Scale words written apart from the number, lower-cased, as powers of ten (SPEC 5.1). Beyond
 * the SPEC: Reuters' `bln` and `trln`, and the Indian `lakh` (1e5) and `crore` (1e7), singular or
 * plural (`₹500 crore`, `2 lakh people`). `k` and `m` count only glued (`attachedScales`): apart
 * they are more often a unit (`5 m` is five metres).
 */
export const spacedScales: ReadonlyMap<string, number> = new Map([
  ['thousand', 3],
  ['million', 6],
  ['billion', 9],
  ['trillion', 12],
  ...tag(6, 'mn|mln'),
  ...tag(9, 'bn|bln'),
  ...tag(12, 'tn|trn|trln'),
  ...tag(5, 'lakh|lakhs'),
  ...tag(7, 'crore|crores')
])

/**
 * Scale words that may follow another (`Rs 1.5 lakh crore` is 1.5e12, the way Indian budgets are
 * written): `crore` after `lakh` or `thousand`. Beyond the SPEC.
 */
export const secondScales: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['crore', new Set(list('lakh|lakhs|thousand'))],
  ['crores', new Set(list('lakh|lakhs|thousand'))]
])

/** `hundred` multiplies before a larger scale word (`two hundred million`). */
export const hundredExponent = 2

/** A scale suffix attached to the digits, and whether it needs a currency sign to count. */
export interface AttachedScale {
  exponent: number
  needsCurrency: boolean
}

/**
 * Scale suffixes attached to the digits (`$2bn`, `10k`), as written. The ones that also read as
 * another unit (`5m` metres, `4K` video, `2B`) count only after a currency sign; `mn`, `mln`,
 * `trn` are scales alone, like `bn` (SPEC 5.1: `3mln cars`), though `30mn` may mean minutes.
 */
export const attachedScales: ReadonlyMap<string, AttachedScale> = new Map([
  ...scales(9, false, 'bn|BN|Bn|bln|BLN|Bln'),
  ...scales(12, false, 'tn|TN|Tn|trn|TRN|Trn|trln|TRLN|Trln'),
  ...scales(6, false, 'mn|MN|Mn|mln|MLN|Mln'),
  ...scales(3, false, 'k'),
  ...scales(3, true, 'K'),
  ...scales(6, true, 'm|M'),
  ...scales(9, true, 'b|B'),
  // Tabloid and Irish house styles glue the whole word: `£10.7billion`, `$7trillion`.
  ...scales(3, false, 'thousand'),
  ...scales(6, false, 'million'),
  ...scales(9, false, 'billion'),
  ...scales(12, false, 'trillion')
])

/**
 * `pc` for per cent, glued or spaced (`16pc`, `3 pc`), as the Telegraph and the Irish papers
 * write it. Beyond the SPEC; `pcs` (pieces) is not it.
 */
export const percentAbbreviation = 'pc'

/** Spelled units and teens. */
export const spelledUnits: ReadonlyMap<string, number> = new Map(
  list(
    'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|' +
      'sixteen|seventeen|eighteen|nineteen'
  ).map((word, index) => [word, index + 1])
)

/** Spelled tens, which may take a unit after a hyphen (`twenty-five`). */
export const spelledTens: ReadonlyMap<string, number> = new Map(
  list('twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety').map((word, index) => [
    word,
    (index + 2) * 10
  ])
)

/**
 * Abbreviations of percentage points and basis points, lower-cased, with the unit they stand
 * for; read both attached to the digits (`25bps`) and apart (`2 ppt`).
 */
export const pointAbbreviations: ReadonlyMap<string, string> = pairs(
  'pp pp|ppt pp|ppts pp|bp bp|bps bp'
)

/** Month names and abbreviations as written (capitalized), so that the verb `may` is no month. */
export const months: ReadonlySet<string> = new Set(
  list(
    'January|February|March|April|May|June|July|August|September|October|November|December|' +
      'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|' +
      'JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|SEPT|' +
      'OCT|NOV|DEC'
  )
)

/** Suffixes that make a number an ordinal (`4th`, `1st`), lower-cased. */
export const ordinalSuffixes: ReadonlySet<string> = new Set(list('st|nd|rd|th'))

/** Words after a number that make it a time of day (`6 pm`, `18:30` is handled apart). */
export const clockWords: ReadonlySet<string> = new Set(list('am|pm|AM|PM|GMT|UTC'))

/** One approximator phrase of the table. */
interface ApproximatorEntry {
  phrase: string
  approx: Approx
  /** True for a phrase that names a level being crossed (`below`), false for a magnitude. */
  level: boolean
}

/** The phrases of one approx, by kind, each a `|`-separated list. */
interface ApproximatorPhrases {
  magnitude: string
  level?: string
}

function approximatorsOf(approx: Approx, phrases: ApproximatorPhrases): ApproximatorEntry[] {
  const magnitude = list(phrases.magnitude).map((phrase) => ({ phrase, approx, level: false }))
  const levels = phrases.level === undefined ? [] : list(phrases.level)
  const level = levels.map((phrase) => ({ phrase, approx, level: true }))
  return [...magnitude, ...level]
}

function pairs(entries: string): ReadonlyMap<string, string> {
  return new Map(
    list(entries).map((entry) => {
      const space = entry.indexOf(' ')
      return [entry.slice(0, space), entry.slice(space + 1)]
    })
  )
}

function scales(
  exponent: number,
  needsCurrency: boolean,
  words: string
): [string, AttachedScale][] {
  return list(words).map((word) => [word, { exponent, needsCurrency }])
}
