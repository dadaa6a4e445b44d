/**
 * The words figure detection knows (SPEC 5): approximator phrases, scale words, spelled numbers,
 * currencies, movement words and the words that can never be a counted noun. Kept apart from the
 * scanner so that the vocabulary can be read, reviewed and extended in one place. Lists are
 * written as `|`-separated strings so that they stay readable after formatting.
 */
import type { Approx, Direction } from '../types.js'

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
  ...approximatorsOf('nearly', {
    magnitude: 'nearly|almost|close to',
    level: 'approaching|nearing'
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

/** Scale words written apart from the number, lower-cased, as powers of ten. */
export const spacedScales: ReadonlyMap<string, number> = new Map([
  ['thousand', 3],
  ['million', 6],
  ['billion', 9],
  ['trillion', 12],
  ['bn', 9],
  ['tn', 12],
  ['mn', 6]
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
 * another unit (`5m` metres, `4K` video, `2B`) count only after a currency sign.
 */
export const attachedScales: ReadonlyMap<string, AttachedScale> = new Map([
  ...scales(9, false, 'bn|BN|Bn'),
  ...scales(12, false, 'tn|TN|Tn'),
  ...scales(3, false, 'k'),
  ...scales(3, true, 'K'),
  ...scales(6, true, 'm|M|mn|MN'),
  ...scales(9, true, 'b|B')
])

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

/** Currency signs written before the number. */
export const currencySigns: ReadonlyMap<string, string> = pairs(
  '$ USD|€ EUR|£ GBP|¥ JPY|₹ INR|₩ KRW'
)

/** Letters written right before `$` or `¥` that name another currency (`US$`, `HK$`, `CN¥`). */
export const currencySignPrefixes: ReadonlyMap<string, string> = pairs(
  'US$ USD|HK$ HKD|A$ AUD|AU$ AUD|C$ CAD|CA$ CAD|NZ$ NZD|S$ SGD|NT$ TWD|R$ BRL|MX$ MXN|' +
    'CN¥ CNY|JP¥ JPY'
)

/** ISO codes (and `RMB`) that may stand before or after the number (`USD 5`, `5 billion EUR`). */
export const currencyCodes: ReadonlyMap<string, string> = pairs(
  'USD USD|EUR EUR|GBP GBP|JPY JPY|CNY CNY|RMB CNY|CHF CHF|CAD CAD|AUD AUD|HKD HKD|INR INR|' +
    'KRW KRW|SGD SGD'
)

/** Currency names written after the number, lower-cased (`5 billion yuan`, `20 euros`). */
export const currencyWords: ReadonlyMap<string, string> = pairs(
  'yuan CNY|renminbi CNY|euro EUR|euros EUR|dollar USD|dollars USD|yen JPY|sterling GBP'
)

/** Movement words before a figure (SPEC 5), lower-cased, with their common inflections. */
export const movementWords: ReadonlyMap<string, Direction> = new Map<string, Direction>([
  ...tag<Direction>(
    'down',
    'fell|fall|falls|falling|plunged|plunge|plunges|plunging|plummeted|plummet|plummets|' +
      'plummeting|crashed|crash|crashes|crashing|dropped|drop|drops|dropping|slid|slide|slides|' +
      'sliding|tumbled|tumble|tumbles|tumbling|lost|lose|loses|losing|down|declined|decline|' +
      'declines|declining|sank|sink|sinks|sinking|slumped|slump|slumps|slumping|dipped|dip|dips|' +
      'dipping|shed|sheds|shedding|slipped|slip|slips|slipping|decreased|decrease|decreases|' +
      'decreasing|shrank|shrinks|shrinking'
  ),
  ...tag<Direction>(
    'up',
    'rose|rise|rises|rising|risen|gained|gain|gains|gaining|jumped|jump|jumps|jumping|surged|' +
      'surge|surges|surging|soared|soar|soars|soaring|climbed|climb|climbs|climbing|rallied|' +
      'rally|rallies|rallying|up|increased|increase|increases|increasing|grew|grow|grows|' +
      'growing|grown|advanced|advances|advancing|rebounded|rebounds|rebounding|added|spiked|' +
      'spikes|spiking|skyrocketed|skyrockets'
  )
])

/**
 * Nouns and comparatives right after a figure that state a change (`a 14% drop`, `5% higher`).
 * `retracement`, `drawdown` and `correction` are left out on purpose: they are measured as
 * positive distances below a peak (`drawdown()` of SPEC 6 returns a positive percent), so a
 * direction would make a correct figure read as contradicted.
 */
export const movementNouns: ReadonlyMap<string, Direction> = new Map<string, Direction>([
  ...tag<Direction>(
    'down',
    'drop|fall|decline|plunge|loss|slide|dip|slump|tumble|crash|decrease|downturn|lower'
  ),
  ...tag<Direction>('up', 'rise|gain|jump|increase|surge|climb|rally|rebound|spike|higher')
])

/**
 * Phrases that may stand between a movement word and its figure without breaking the link
 * (`fell by 7%`, `rose a further 2%`, `fell as much as 7%`); adverbs in `-ly` pass as well. The
 * phrases are listed whole because the longest one sets how far back a movement word is looked
 * for; any of their words may then stand in any order.
 */
const movementFillerPhrases: readonly string[] = list(
  'by|a|an|another|a further|just|only|still|again|as much as'
)

/** Every word of the filler phrases, lower-cased. */
export const movementFillers: ReadonlySet<string> = new Set(movementFillerPhrases.flatMap(words))

/** The most words a filler phrase has (3 today, `as much as`). */
export const longestMovementFiller: number = longestPhrase(movementFillerPhrases)

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

/**
 * Lower-cased words that follow a number without being what it counts: function words, verbs,
 * adverbs and common adjectives (`3 of them`, `in 2025 alone`, `three major factors`).
 */
export const notCountedNouns: ReadonlySet<string> = new Set(
  list(
    'a|an|the|and|or|but|nor|so|yet|of|in|on|at|to|for|from|by|with|without|within|into|onto|' +
      'over|under|above|below|between|among|after|before|since|until|till|during|through|' +
      'across|against|along|around|about|per|than|as|like|via|vs|versus|off|out|up|down|near|' +
      'past|toward|towards|upon|beyond|behind|despite|except|if|when|while|whereas|because|' +
      'though|although|that|which|who|whom|whose|what|where|why|how|this|these|those|it|its|' +
      'they|them|their|we|us|our|you|your|he|him|his|she|her|me|my|is|are|was|were|be|been|' +
      'being|am|has|have|had|do|does|did|will|would|shall|should|can|could|may|might|must|not|' +
      'no|also|more|less|most|least|each|every|all|both|either|neither|any|some|many|much|few|' +
      'other|another|such|own|only|just|even|still|again|ago|alone|apiece|too|very|then|there|' +
      'here|now|later|earlier|instead|ever|never|already|percent|pct|plus|minus|said|says|say|' +
      'told|fell|rose|lost|slid|sank|grew|shed|won|major|minor|new|old|big|small|large|high|' +
      'low|key|top|main|separate|different|consecutive|straight|additional|extra|full|whole|' +
      'previous|last|next|same|total|successive|long|short|recent|early|late|several|local|' +
      'global|national|foreign|senior|leading|largest|biggest|smallest|highest|lowest|prior|' +
      'possible|potential|similar|various|individual|annual|times'
  )
)

/**
 * Lower-cased nouns after a bare `one` that make it an idiom rather than a count (`one day`,
 * `one way or another`).
 */
export const oneIdioms: ReadonlySet<string> = new Set(
  list('day|time|way|thing|side|hand|point|another|other|last|place')
)

/** Lower-cased words before `one` that make it a pronoun (`no one`, `the one`). */
export const onePronounMarkers: ReadonlySet<string> = new Set(
  list('the|no|any|every|each|this|that|which|such|at')
)

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

/** The number of words of the longest phrase, words separated by one space. */
function longestPhrase(phrases: Iterable<string>): number {
  let longest = 0
  for (const phrase of phrases) longest = Math.max(longest, words(phrase).length)
  return longest
}

function words(phrase: string): string[] {
  return phrase.split(' ')
}

function list(words: string): string[] {
  return words.split('|')
}

function tag<T>(value: T, words: string): [string, T][] {
  return list(words).map((word) => [word, value])
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
