/** Words after a number that are not what it counts, and the words that make a bare `one` no count. */
import { list } from './word-lists.js'

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
