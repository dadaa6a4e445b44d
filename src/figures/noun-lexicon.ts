/**
 * The words the counted noun of SPEC 5.2 is read with: words that end the noun phrase after a
 * number, and the words that make a bare `one` no count. The words skipped before the head noun
 * (adjectives, nationalities, participles) are in `noun-modifiers.ts`.
 */
import { list } from './word-lists.js'

/**
 * Lower-cased words that end the noun phrase after a number, so that what comes before them (if
 * anything) is what it counts: function words, pronouns, auxiliaries, adverbs and verb forms
 * (`3 of them`, `in 2025 alone`, `Ten went missing`).
 */
export const phraseEnders: ReadonlySet<string> = new Set(
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
      'here|now|later|earlier|instead|ever|never|already|percent|pct|plus|minus|times|' +
      // Verb forms that are seldom what a number counts (the simple past of irregular verbs,
      // and verbs that follow a count of people: `Ten went missing`, `20 remain`).
      'said|says|say|told|tell|went|go|goes|came|come|comes|saw|see|sees|took|take|takes|gave|' +
      'give|gives|got|get|gets|fled|flee|ran|run|runs|won|win|wins|fell|rose|lost|slid|sank|' +
      'grew|shed|began|became|broke|chose|drove|ate|flew|forgot|knew|rode|spoke|stole|swam|' +
      'threw|woke|wore|wrote|struck|fought|sought|remain|remains|agree|agrees|believe|believes|' +
      'think|thinks|want|wants|need|needs|expect|expects|die|dies|survive|survives|seem|seems|' +
      'appear|appears|live|remained|stayed|stay|stays|voted|vote|joined|join|joins|attend|' +
      'attends|own|owns|hold|holds|face|left|died'
  )
)

/** Singular nouns ending in `-ing` that a number counts (`one building`, `one meeting`). */
export const ingNouns: ReadonlySet<string> = new Set(
  list(
    'thing|building|meeting|morning|evening|offering|listing|hearing|ruling|filing|warning|' +
      'wedding|painting|sibling|ceiling|outing|booking|posting|sighting|shooting|bombing|' +
      'killing|recording|reading|drawing|finding|string|spring|king|ring|wing|swing|earring'
  )
)

/** Nouns ending in `-ly` (most `-ly` words are adverbs that end the phrase). */
export const lyNouns: ReadonlySet<string> = new Set(
  list('family|ally|supply|assembly|anomaly|monopoly|butterfly|tally|belly|bully|lily|fly|jelly')
)

/** Words ending in `s` that are singular (`5 gas stations` counts stations). */
export const singularS: ReadonlySet<string> = new Set(
  list('gas|bias|alias|atlas|canvas|chaos|lens|yes|this|thus|news|species|series|analytics')
)

/**
 * Plural nouns without an `s`, which may still stand before the head (`40 police officers`,
 * `10 staff members`), lower-cased.
 */
export const irregularPlurals: ReadonlySet<string> = new Set(
  list(
    'people|children|men|women|police|staff|personnel|crew|cattle|feet|teeth|mice|geese|data|' +
      'media|criteria|bacteria|sheep|deer|fish|aircraft|livestock|youth|clergy'
  )
)

/**
 * Compound units, which stay whole (`229 square miles`, `5 metric tons`): the first word, with
 * the words it may take after it (`*`: every noun).
 */
export const compoundUnits: ReadonlyMap<string, ReadonlySet<string> | '*'> = new Map<
  string,
  ReadonlySet<string> | '*'
>([
  ['square', '*'],
  ['cubic', '*'],
  ['metric', new Set(list('tons|tonnes|ton|tonne'))],
  ['short', new Set(list('tons|ton'))],
  ['long', new Set(list('tons|ton'))],
  ['nautical', new Set(list('miles|mile'))],
  ['troy', new Set(list('ounces|ounce'))],
  ['light', new Set(list('years|year'))],
  ['board', new Set(list('feet|foot'))]
])

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
