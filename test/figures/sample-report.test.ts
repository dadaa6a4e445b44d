import { loadText } from '../helpers/load-text.js'
/**
 * Every sentence of the shipped crypto report, through the real loader and detector: the figures a
 * careful reader would underline, with their readings, and nothing else (not `November 4th`, not
 * the `±4%` listed in `not_figures`, nothing in the frontmatter or the table header).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { detectFigures } from '../../src/figures/detect.js'
import { extractProse } from '../../src/figures/prose.js'
import { parseMarkdown } from '../../src/markdown/parse-markdown.js'
import { parseSettings } from '../../src/settings/load-settings.js'

const file = 'content/2025/11/04/crypto-day-of-terror.md'
const { settings } = parseSettings(readFileSync('data/site.yaml', 'utf8'))

type Row = [
  line: number,
  text: string,
  value: number,
  unit: string | null,
  approx: string,
  direction: string | null
]

// prettier-ignore
const expected: Row[] = [
  // "Bitcoin's price plummeted over 7% during the session and briefly broke below the $99,000 mark"
  [96, 'over 7%', 7, '%', 'over', 'down'],
  [96, 'below the $99,000', 99_000, 'USD', 'under', null],
  // "Ether did worse, crashing 14% and falling below $3,100."
  [96, '14%', 14, '%', 'exact', 'down'],
  [96, 'below $3,100', 3_100, 'USD', 'under', null],
  // "That leaves it nearly 40% off its August peak." (a retracement: no direction)
  [96, 'nearly 40%', 40, '%', 'nearly', null],
  // "CoinGlass counted more than 470,000 traders liquidated within 24 hours, with forced closures
  // approaching $2 billion, more than 90% of it on long positions."
  [96, 'more than 470,000 traders', 470_000, 'traders', 'over', null],
  [96, '24 hours', 24, 'hours', 'exact', null],
  [96, 'approaching $2 billion', 2_000_000_000, 'USD', 'nearly', null],
  [96, 'more than 90%', 90, '%', 'over', null],
  // "the federal government shutdown had dragged on for more than 30 days"
  [102, 'more than 30 days', 30, 'days', 'over', null],
  // "Bitcoin perpetual futures had drawn a record $70 billion of open interest"
  [108, '$70 billion', 70_000_000_000, 'USD', 'exact', null],
  // "When bitcoin broke under the $100,000 support level"
  [108, 'under the $100,000', 100_000, 'USD', 'under', null],
  // "On-chain data show about 400,000 BTC sold by long-term holders"
  [112, 'about 400,000 BTC', 400_000, 'btc', 'about', null],
  // "attackers drained over $100 million from Balancer"
  [116, 'over $100 million', 100_000_000, 'USD', 'over', null],
  // "USDe had come unstuck from its peg by 38%"; "fees ... came in above $20 million in a single day"
  [116, '38%', 38, '%', 'exact', null],
  [116, 'above $20 million', 20_000_000, 'USD', 'over', null],
  // The table: close, change on the day ("down 7.3%"), low of the day, for bitcoin then ether.
  [130, '$99,420', 99_420, 'USD', 'exact', null],
  [130, '7.3%', 7.3, '%', 'exact', 'down'],
  [130, '$98,640', 98_640, 'USD', 'exact', null],
  [131, '$3,088', 3_088, 'USD', 'exact', null],
  [131, '14.0%', 14, '%', 'exact', 'down'],
  [131, '$3,052', 3_052, 'USD', 'exact', null],
  // "For retail investors, the 470,000 traders wiped out are the lesson"
  [135, '470,000 traders', 470_000, 'traders', 'exact', null]
]

describe('the sample crypto report', () => {
  it('reads exactly the figures a careful reader would underline, sentence by sentence', () => {
    const load = loadText(file, readFileSync(file, 'utf8'), settings)
    expect(load.problems).toEqual([])
    const markdown = load.article?.markdown ?? ''
    const figures = detectFigures(extractProse(parseMarkdown(markdown), markdown), markdown, {
      notFigures: settings.not_figures
    })
    expect(
      figures.map((figure): Row => [
        figure.line,
        figure.text,
        figure.value as number,
        figure.unit,
        figure.approx,
        figure.direction
      ])
    ).toEqual(expected)
  })
})
