/**
 * Words that stand between a number and the noun it counts without being that noun (SPEC 5.2):
 * common adjectives, nationalities and participles that do not end in `-ed` (`1,400 federal
 * workers`, `215 Pakistani soldiers`, `3 stolen cars`). `-ed` and `-ing` forms are known by their
 * ending (`counted-noun.ts`). Lower-cased.
 */
import { list } from './word-lists.js'

const adjectives =
  'new|old|young|big|small|large|major|minor|high|low|key|top|main|separate|different|' +
  'consecutive|straight|additional|extra|full|whole|previous|last|next|same|total|successive|' +
  'long|short|recent|early|late|several|local|global|national|foreign|senior|junior|leading|' +
  'largest|biggest|smallest|highest|lowest|prior|possible|potential|similar|various|' +
  'individual|annual|federal|state|public|private|former|current|active|elderly|daily|weekly|' +
  'monthly|quarterly|yearly|hourly|nightly|deadly|likely|costly|military|armed|further|fewer|' +
  'free|real|rural|urban|domestic|international|regional|municipal|political|economic|' +
  'financial|medical|legal|illegal|critical|serious|poor|rich|wealthy|white|black|red|green|' +
  'blue|open|vacant|empty|unpaid|full-time|part-time|average|typical|known|unknown|paid|built|' +
  'held|sold|spent|made|broken|stolen|frozen|hidden|fallen|given|taken|chosen|driven|written|' +
  'sworn|forgotten|born|grown|shown|seen|done|gone|eligible|available|independent|' +
  'commercial|residential|industrial|civil|nuclear|electric|digital|online|physical|mental|' +
  'special|general|common|certain|specific|main|natural|human|social|single|double|triple|' +
  'multiple|unique|distinct|fresh|direct|indirect|official|unofficial|registered|licensed|' +
  'eligible|small-cap|large-cap|mid-size|midsize|hot|cold|dry|wet|tall|wide|deep|heavy|light|' +
  'little|great|good|bad|best|worst|better|worse|first|second|third|fourth|fifth|tenth|final|' +
  'initial|remaining|existing|missing|injured|wounded|dead|alive|sick|healthy|safe|' +
  'female|male|adult|underage|minority|majority|corporate|institutional|retail|wholesale'

const nationalities =
  'american|british|chinese|japanese|russian|ukrainian|pakistani|indian|afghan|iranian|iraqi|' +
  'syrian|israeli|palestinian|lebanese|egyptian|saudi|turkish|german|french|italian|spanish|' +
  'portuguese|dutch|belgian|swiss|austrian|polish|swedish|norwegian|danish|finnish|irish|' +
  'scottish|welsh|english|greek|canadian|mexican|brazilian|argentine|argentinian|chilean|' +
  'colombian|peruvian|venezuelan|cuban|australian|korean|vietnamese|thai|indonesian|filipino|' +
  'malaysian|singaporean|bangladeshi|nepali|nigerian|kenyan|ethiopian|somali|sudanese|' +
  'african|european|asian|arab|kurdish|taiwanese|hungarian|romanian|czech|slovak|serbian|' +
  'croatian|bulgarian|yemeni|qatari|emirati|jordanian|libyan|tunisian|moroccan|algerian|' +
  'ghanaian|ugandan|congolese|rwandan|haitian|jamaican|latino|hispanic|western|eastern|' +
  'northern|southern'

/** Acronyms that stand as adjectives, as written (`5 US troops`, `3 EU states`). */
export const acronymModifiers: ReadonlySet<string> = new Set(list('US|UK|EU|UN|NATO|UAE|GOP'))

/** Lower-cased words that may stand between a number and its head noun, never the head. */
export const nounModifiers: ReadonlySet<string> = new Set([
  ...list(adjectives),
  ...list(nationalities)
])
