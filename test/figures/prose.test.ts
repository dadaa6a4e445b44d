import { describe, expect, it } from 'vitest'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import { extractProse } from '../../src/figures/prose.js'
import { proseOf, readFigures } from './read-figures.js'

/** Each figure as `text@line:column`, the way the report positions it. */
function placed(markdown: string): string[] {
  return readFigures(markdown).map((figure) => `${figure.text}@${figure.line}:${figure.column}`)
}

/** An article whose five frontmatter lines were blanked, as the loader hands it over. */
const article = [
  '',
  '',
  '',
  '',
  '',
  '# Bitcoin falls 7%',
  '',
  'It plummeted **over 7%** in a _single_ day.',
  '',
  '> Ether lost',
  '> 14% and then',
  '',
  '- first item 3 banks',
  '  - nested 8 hours',
  '',
  '| Coin | Move |',
  '|------|------|',
  '| BTC  | -7.4% |',
  '| ETH \\| x | 14% drop |',
  '',
  'Link [over 2 days](https://example.org/3) ends.',
  ''
].join('\n')

describe('positions in the source file', () => {
  it('places figures in every kind of block at their file line and column', () => {
    expect(placed(article)).toEqual([
      '7%@6:17',
      'over 7%@8:16',
      '14%@11:3',
      '3 banks@13:14',
      '8 hours@14:12',
      '-7.4%@18:10',
      '14%@19:14',
      'over 2 days@21:7'
    ])
  })

  it('keeps the movement word of a figure inside strong emphasis', () => {
    const [figure] = readFigures('It plummeted **over 7%**.')
    expect(figure).toMatchObject({ text: 'over 7%', direction: 'down', sourceStart: 15 })
  })

  it('maps a figure on a blockquote continuation line past the `>` marker', () => {
    const markdown = '> It fell over\n> 9% again.'
    const [figure] = readFigures(markdown)
    expect(figure).toMatchObject({ text: 'over\n9%', line: 1, column: 11, direction: 'down' })
    expect(markdown.slice(figure?.sourceStart, figure?.sourceEnd)).toBe('over\n> 9%')
  })

  it('spans backslash escapes and character references in the source', () => {
    const markdown = 'Fees of \\$5 and &#36;6 and 5&#37; apply.'
    const figures = readFigures(markdown)
    expect(figures.map((figure) => figure.text)).toEqual(['$5', '$6', '5%'])
    expect(figures.map((figure) => markdown.slice(figure.sourceStart, figure.sourceEnd))).toEqual([
      '\\$5',
      '&#36;6',
      '5&#37;'
    ])
  })

  it('counts CRLF line endings as one line break', () => {
    expect(placed('First line.\r\nIt cost $5.\r\n\r\nThen 7 days.')).toEqual([
      '$5@2:9',
      '7 days@4:6'
    ])
  })

  it('places a figure inside a footnote definition', () => {
    expect(placed('Text[^1].\n\n[^1]: It took 4 hours.')).toEqual(['4 hours@3:15'])
  })
})

describe('what is not prose', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['a fenced code block', '```\nIt fell 99%\n```'],
    ['an indented code block', '    It fell 99%'],
    ['inline code', 'Run `fell 5%` now.'],
    ['a raw HTML block and its attributes', '<div title="5%">\nIt fell 6%\n</div>'],
    ['an inline HTML attribute', 'A <span title="5%">word</span> here.'],
    ['text inside an inline <script>', 'A <script>x = 5 + 7</script> word.'],
    ['text inside an inline <style>', 'A <style>p { width: 50% }</style> word.'],
    ['a bare URL', 'See https://example.org/5 now.'],
    ['a www autolink literal', 'See www.example.com/7 now.'],
    ['an angle-bracket autolink', 'See <https://example.org/8> now.'],
    ['an email autolink', 'Mail desk5@example.org now.'],
    ['link text that is its own URL', 'See [https://x.org/5](https://x.org/5) now.'],
    ['an image alt text and URL', 'See ![5 cats](https://x.org/6.png) now.'],
    ['a link URL', 'See [the data](https://example.org/2025/5) now.'],
    ['a link definition', '[data]: https://example.org/5 "Title 5"'],
    ['a footnote label', 'Text[^5].\n\n[^5]: Note.']
  ]
  it.each(cases)('finds no figure in %s', (_name, markdown) => {
    expect(readFigures(markdown)).toEqual([])
  })

  it('does not join an approximator and a number across inline code', () => {
    expect(readFigures('It was over `x` 5% today.').map((figure) => figure.text)).toEqual(['5%'])
  })

  it('does not join a number and a noun across table cells', () => {
    const figures = readFigures('| n | what |\n|---|---|\n| 5 | days |')
    expect(figures.map((figure) => [figure.text, figure.unit])).toEqual([['5', null]])
  })

  it('does not join a movement word and a figure across paragraphs', () => {
    expect(readFigures('Prices fell\n\n7% of holders sold.')[0]?.direction).toBeNull()
  })
})

describe('extractProse', () => {
  it('joins blocks with one space that maps to no source offset', () => {
    const prose = proseOf('# Title\n\nFirst.\n\n- item')
    expect(prose.text).toBe('Title First. item')
    expect(Array.from(prose.sourceOffsets)).toEqual([
      2, 3, 4, 5, 6, -1, 9, 10, 11, 12, 13, 14, -1, 19, 20, 21, 22
    ])
  })

  it('puts an object separator where inline code and images stood', () => {
    const prose = proseOf('a `b` c ![d](e.png) f')
    expect(prose.text).toBe('a \uFFFC c \uFFFC f')
    expect(prose.sourceOffsets[2]).toBe(-1)
  })

  it('keeps emphasis, strong, strikethrough and link text as prose', () => {
    expect(proseOf('*a* **b** ~~c~~ [d](https://x.org)').text).toBe('a b c d')
  })

  it('leaves the frontmatter out when it was blanked to empty lines', () => {
    const prose = proseOf('\n\n\nBody 5.')
    expect(prose.text).toBe('Body 5.')
    expect(prose.sourceOffsets[0]).toBe(3)
  })

  it('maps decoded characters to where their reference starts', () => {
    const prose = proseOf('S&amp;P')
    expect(prose.text).toBe('S&P')
    expect(Array.from(prose.sourceOffsets)).toEqual([0, 1, 6])
  })

  it('without the source, maps a rewritten text node to the node start', () => {
    const markdown = 'a \\$5'
    const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown)
    const prose = extractProse(tree)
    expect(prose.text).toBe('a $5')
    expect(Array.from(prose.sourceOffsets)).toEqual([0, 0, 0, 0])
  })

  it('without the source, still maps a verbatim text node character by character', () => {
    const tree = unified().use(remarkParse).use(remarkGfm).parse('\n\nIt cost $5.')
    expect(Array.from(extractProse(tree).sourceOffsets.slice(0, 3))).toEqual([2, 3, 4])
  })

  it('returns empty prose for an empty document', () => {
    const prose = proseOf('')
    expect(prose.text).toBe('')
    expect(prose.sourceOffsets.length).toBe(0)
  })
})
