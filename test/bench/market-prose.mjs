/**
 * The fixed vocabulary of the synthetic newsroom: filler prose, headings, list items, links,
 * headlines and the unchecked figures. Filler never holds a digit or a spelled-out number, so the
 * only figures in an article are the ones the generator places on purpose (SPEC 5 counts `one`
 * to `ninety-nine` as figures, so the word lists avoid them).
 */

/** The four sections of the site. */
export const sections = ['markets', 'world', 'economy', 'business']

/** About thirty tag values; an article takes two to four. */
export const tags = [
  'rates',
  'inflation',
  'currencies',
  'commodities',
  'energy',
  'metals',
  'equities',
  'bonds',
  'credit',
  'earnings',
  'central-banks',
  'trade',
  'shipping',
  'housing',
  'labour',
  'technology',
  'banks',
  'insurance',
  'retail',
  'autos',
  'mining',
  'agriculture',
  'emerging-markets',
  'asia',
  'europe',
  'americas',
  'policy',
  'volatility',
  'funds',
  'derivatives'
]

/** Bylines. */
export const bylines = [
  'Markets desk',
  'Economics desk',
  'World desk',
  'Business desk',
  'Data desk'
]

const subjects = [
  'Portfolio managers',
  'Regional lenders',
  'Currency traders',
  'Pension funds',
  'Commodity houses',
  'Retail investors',
  'Hedge funds',
  'Insurers',
  'Exporters',
  'Central bank watchers',
  'Bond dealers',
  'Strategists at the large brokers',
  'Treasury desks',
  'Market makers',
  'Shipping firms',
  'Analysts covering the sector'
]

const verbs = [
  'kept a close eye on',
  'remained cautious about',
  'spent the session debating',
  'questioned',
  'took a fresh look at',
  'grew more confident about',
  'were divided over',
  'quietly adjusted to',
  'pointed again to',
  'played down',
  'sought cover from',
  'reassessed',
  'priced in',
  'warned about'
]

const objects = [
  'the path of interest rates',
  'the outlook for global demand',
  'the strength of the dollar',
  'tighter credit conditions',
  'the pace of inventory rebuilding',
  'softer factory orders',
  'the latest earnings guidance',
  'the supply of new government debt',
  'freight costs',
  'wage growth in services',
  'the health of consumer spending',
  'the property slowdown',
  'funding costs for smaller companies',
  'the policy signals from the capital'
]

const tails = [
  'while volumes stayed below their seasonal norm',
  'even as the broader market drifted without direction',
  'and several desks trimmed their exposure before the weekend',
  'as liquidity thinned in the final hour of trading',
  'although few were willing to call a turning point',
  'after officials offered little new guidance',
  'with spreads on corporate paper barely changing',
  'and the options market priced calmer weeks ahead',
  'while the currency held within its recent range',
  'because the data calendar for the week looked light'
]

const headings = [
  'What moved the market',
  'The view from the trading floor',
  'Policy in focus',
  'Where the money went',
  'Risks on the horizon',
  'The data behind the move',
  'How the region reacted',
  'What analysts are watching',
  'Funding and liquidity',
  'The longer view'
]

const listItems = [
  'tighter lending standards at regional banks',
  'a firmer dollar against Asian currencies',
  'softer demand for industrial metals',
  'renewed interest in short-dated government bonds',
  'profit taking in technology shares',
  'higher insurance costs for shipping routes',
  'caution ahead of the central bank meeting',
  'steady inflows into money market funds',
  'weaker guidance from consumer companies',
  'a pickup in corporate bond issuance'
]

const links = [
  ['the exchange notice', 'https://example.org/notices/market-update'],
  ['the central bank statement', 'https://example.org/policy/statement'],
  ['our earlier report', 'https://news.example.org/markets/'],
  ['the ministry release', 'https://example.org/ministry/release'],
  ['the data desk methodology', 'https://news.example.org/about/data/']
]

const headlineVerbs = [
  'edges higher',
  'slips',
  'steadies',
  'swings',
  'extends its run',
  'pares losses',
  'wobbles',
  'holds firm'
]

const headlineCauses = [
  'traders weigh the rate outlook',
  'funds rotate out of growth shares',
  'exporters brace for tariffs',
  'investors await inflation data',
  'bond yields drift',
  'the dollar firms',
  'commodity prices cool',
  'earnings season opens',
  'policy makers signal patience',
  'liquidity thins before the holiday'
]

/**
 * A filler sentence without figures.
 * @param {{ pick<T>(items: T[]): T }} random
 */
export function fillerSentence(random) {
  return `${random.pick(subjects)} ${random.pick(verbs)} ${random.pick(objects)}, ${random.pick(tails)}.`
}

/**
 * A paragraph of `count` filler sentences with `extra` sentences (figures, links) mixed in at
 * random places.
 * @param {{ pick<T>(items: T[]): T, int(min: number, max: number): number }} random
 * @param {number} count
 * @param {string[]} extra
 */
export function paragraph(random, count, extra = []) {
  const sentences = Array.from({ length: count }, () => fillerSentence(random))
  for (const sentence of extra) sentences.splice(random.int(0, sentences.length), 0, sentence)
  return sentences.join(' ')
}

/** Section headings, distinct within an article. */
export function pickHeadings(random, count) {
  return random.sample(headings, count)
}

/** A bullet list of three or four items. */
export function bulletList(random) {
  return random
    .sample(listItems, random.int(3, 4))
    .map((item) => `- ${item};`)
    .join('\n')
}

/** A sentence carrying one Markdown link. */
export function linkSentence(random) {
  const [text, url] = random.pick(links)
  return `Details are in [${text}](${url}), which ${random.pick(['desks circulated early', 'was published overnight', 'readers can consult in full'])}.`
}

/** A headline for a series name such as `Alder index`. */
export function headline(random, name) {
  return `${name} ${random.pick(headlineVerbs)} as ${random.pick(headlineCauses)}`
}

/**
 * The five figures no check covers, each in its own sentence: counted nouns, a dollar amount with
 * a scale word, a share in percent. They become `unchecked` warnings in standard mode.
 */
export function uncheckedSentences(random) {
  return [
    `Some ${random.int(12, 60)} analysts polled by the desk expect the pattern to hold.`,
    `Turnover came to $${random.int(2, 9)}.${random.int(1, 9)} billion across the main venues.`,
    `At least ${random.int(3, 9)} brokers revised their year-end targets.`,
    `More than ${random.int(120, 900)} funds reported fresh positions in the sector.`,
    `Index futures accounted for a ${random.int(11, 45)}% share of volume.`
  ]
}
