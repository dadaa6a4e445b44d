/** The words of SPEC 5.4 that give a figure its direction, and what may stand between them. */
import type { Direction } from '../types.js'
import { list, longestPhrase, tag, words } from './word-lists.js'

/** Movement words before a figure (SPEC 5), lower-cased, with their common inflections. */
export const movementWords: ReadonlyMap<string, Direction> = new Map<string, Direction>([
  ...tag<Direction>(
    'down',
    'fell|fall|falls|falling|plunged|plunge|plunges|plunging|plummeted|plummet|plummets|' +
      'plummeting|crashed|crash|crashes|crashing|dropped|drop|drops|dropping|slid|slide|slides|' +
      'sliding|tumbled|tumble|tumbles|tumbling|lost|lose|loses|losing|down|declined|decline|' +
      'declines|declining|sank|sink|sinks|sinking|slumped|slump|slumps|slumping|dipped|dip|dips|' +
      'dipping|shed|sheds|shedding|slipped|slip|slips|slipping|decreased|decrease|decreases|' +
      'decreasing|shrank|shrinks|shrinking|shrunk|eased|ease|eases|easing|retreated|retreat|' +
      'retreats|retreating|contracted|contracting|tanked|tanking|lower'
  ),
  ...tag<Direction>(
    'up',
    'rose|rise|rises|rising|risen|gained|gain|gains|gaining|jumped|jump|jumps|jumping|surged|' +
      'surge|surges|surging|soared|soar|soars|soaring|climbed|climb|climbs|climbing|rallied|' +
      'rally|rallies|rallying|up|increased|increase|increases|increasing|grew|grow|grows|' +
      'growing|grown|advanced|advances|advancing|rebounded|rebounds|rebounding|added|spiked|' +
      'spikes|spiking|skyrocketed|skyrockets|higher'
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
