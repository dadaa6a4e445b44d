import type { Element, Root as HastRoot } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import type { Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderBodyHtml } from '../../src/render/body-html.js'
import type { FigureMark, FigureStatus } from '../../src/types.js'

const parser = unified().use(remarkParse).use(remarkGfm)

function parse(markdown: string): Root {
  return parser.parse(markdown)
}

function fragment(html: string): HastRoot {
  return fromHtml(html, { fragment: true })
}

/** A mark on the `occurrence`-th (1-based) appearance of `text` in `markdown`. */
function markOf(
  markdown: string,
  text: string,
  status: FigureStatus = 'verified',
  occurrence = 1
): FigureMark {
  let start = -1
  for (let seen = 0; seen < occurrence; seen++) start = markdown.indexOf(text, start + 1)
  if (start < 0) throw new TypeError(`\`${text}\` not found`)
  const span = { in: 'body', start, end: start + text.length } as const
  return {
    sourceStart: start,
    sourceEnd: start + text.length,
    ...span,
    status,
    title: `${status}: ${text}`
  }
}

function marksIn(html: string): Element[] {
  return selectAll('span.fd-fig', fragment(html))
}

describe('renderBodyHtml', () => {
  it.each<[FigureStatus]>([['verified'], ['contradicted'], ['unchecked'], ['error']])(
    'marks a %s figure with its class, hover title and status',
    (status) => {
      const markdown = 'Bitcoin plummeted over 7% in a single day.'
      const html = renderBodyHtml(parse(markdown), [markOf(markdown, 'over 7%', status)], markdown)
      const [mark] = marksIn(html)
      expect(mark).toBeDefined()
      expect(mark?.properties.className).toEqual(['fd-fig', `fd-fig--${status}`])
      expect(mark?.properties.title).toBe(`${status}: over 7%`)
      expect(mark?.properties.dataStatus).toBe(status)
      expect(toString(mark as Element)).toBe('over 7%')
    }
  )

  it('gives a figure that crosses emphasis one span per piece', () => {
    const markdown = 'Ether fell *nearly* 40% from its peak.'
    const mark = { ...markOf(markdown, '*nearly* 40%'), title: 'nearly 40%' }
    const pieces = marksIn(renderBodyHtml(parse(markdown), [mark], markdown))
    expect(pieces.map((piece) => toString(piece))).toEqual(['nearly', ' 40%'])
    expect(pieces.every((piece) => piece.properties.title === 'nearly 40%')).toBe(true)
  })

  it.each([
    ['an indented list continuation', '- Prices\n  fell over 7% today', 'over 7%'],
    ['a block quote continuation', '> Prices\n> fell over 7% today', 'over 7%'],
    ['text after a backslash escape', 'A \\* note: over 7% today', 'over 7%'],
    ['text after a character reference', 'AT&amp;T fell over 7% today', 'over 7%'],
    ['a table cell', '| a | b |\n|---|---|\n| x | over 7% |', 'over 7%'],
    ['a link text', 'See [a drop of over 7%](https://example.org/)', 'over 7%'],
    ['inline raw HTML around it', 'It fell <b>over 7%</b> today', 'over 7%']
  ])('marks exactly the figure in %s', (_, markdown, text) => {
    const marks = marksIn(renderBodyHtml(parse(markdown), [markOf(markdown, text)], markdown))
    expect(marks.map((mark) => toString(mark))).toEqual([text])
  })

  it('marks several figures of one text node separately', () => {
    const markdown = 'Liquidations neared $2 billion; more than 90% were longs.'
    const marks = [
      markOf(markdown, '$2 billion', 'verified'),
      markOf(markdown, 'more than 90%', 'unchecked')
    ]
    const found = marksIn(renderBodyHtml(parse(markdown), marks, markdown))
    expect(found.map((mark) => [toString(mark), mark.properties.dataStatus])).toEqual([
      ['$2 billion', 'verified'],
      ['more than 90%', 'unchecked']
    ])
  })

  it('gives every character to the earliest-starting mark covering it, however marks overlap', () => {
    const markdown =
      'Prices rose 3.2% to $1,230, above the $1,200 floor, with 40 analysts and 5 brokers.'
    const statuses: FigureStatus[] = ['verified', 'contradicted', 'unchecked', 'error']
    const mark = fc
      .tuple(
        fc.nat(markdown.length - 1),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(...statuses)
      )
      .map(([start, length, status]): FigureMark => {
        const end = Math.min(markdown.length, start + length)
        const span = { in: 'body', start, end } as const
        return { sourceStart: start, sourceEnd: end, ...span, status, title: `${start}-${end}` }
      })
    fc.assert(
      fc.property(fc.array(mark, { maxLength: 6 }), (marks) => {
        const html = renderBodyHtml(parse(markdown), marks, markdown)
        const expected: string[] = []
        const ordered = [...marks].sort(
          (a, b) => a.sourceStart - b.sourceStart || a.sourceEnd - b.sourceEnd
        )
        let run: { title: string; text: string } | undefined
        for (let offset = 0; offset < markdown.length; offset++) {
          const owner = ordered.find(
            (candidate) => candidate.sourceStart <= offset && offset < candidate.sourceEnd
          )
          if (owner !== undefined && run?.title === owner.title) run.text += markdown[offset]
          else {
            if (run) expected.push(`${run.title}:${run.text}`)
            run = owner && { title: owner.title, text: markdown[offset] ?? '' }
          }
        }
        if (run) expected.push(`${run.title}:${run.text}`)
        expect(
          marksIn(html).map((found) => `${String(found.properties.title)}:${toString(found)}`)
        ).toEqual(expected)
      }),
      { numRuns: 300 }
    )
  })

  it('leaves the caller’s tree unchanged, so a second render gives the same HTML', () => {
    const markdown = 'Bitcoin fell **over 7%** and <i>ether</i> 14%.'
    const tree = parse(markdown)
    const before = structuredClone(tree)
    const marks = [markOf(markdown, 'over 7%'), markOf(markdown, '14%', 'contradicted')]
    const first = renderBodyHtml(tree, marks, markdown)
    expect(tree).toEqual(before)
    expect(renderBodyHtml(tree, marks, markdown)).toBe(first)
    expect(marksIn(renderBodyHtml(tree, [], markdown))).toHaveLength(0)
  })

  it.each([
    ['a script element', '<script>alert(1)</script>', 'script'],
    [
      'an inline event handler',
      '<img src="https://example.org/x.png" onerror="alert(1)">',
      'img[onerror]'
    ],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', 'a[href^="javascript"]'],
    ['a Markdown javascript: link', '[x](javascript:alert(1))', 'a[href^="javascript"]'],
    ['a data: image', '<img src="data:image/svg+xml;base64,PHN2Zz4=">', 'img[src^="data"]'],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>', 'iframe'],
    [
      'an SVG carrying a script',
      '<svg><script>alert(1)</script><text>hi</text></svg>',
      'svg, script'
    ],
    ['a style element', '<style>body { display: none }</style>', 'style'],
    ['an object element', '<object data="https://evil.example/x.swf"></object>', 'object'],
    [
      'a form posting elsewhere',
      '<form action="https://evil.example/"><input name="q"></form>',
      'form'
    ]
  ])('strips %s from raw HTML', (_, hostile, selector) => {
    const markdown = `Before.\n\n${hostile}\n\nAfter.`
    const html = renderBodyHtml(parse(markdown), [], markdown)
    const tree = fragment(html)
    expect(selectAll(selector, tree)).toHaveLength(0)
    expect(selectAll('[onerror], [onclick], [onload]', tree)).toHaveLength(0)
    expect(toString(tree)).not.toContain('alert(1)')
    expect(toString(tree)).toContain('After.')
  })

  it('keeps ordinary raw HTML that is safe', () => {
    const markdown = 'Read the <span title="Federal Reserve">Fed</span> minutes<sup>1</sup>.'
    const tree = fragment(renderBodyHtml(parse(markdown), [], markdown))
    expect(select('span', tree)?.properties.title).toBe('Federal Reserve')
    expect(toString(select('sup', tree) ?? tree)).toBe('1')
  })

  it('keeps footnote and in-page links pointing at the prefixed ids', () => {
    const markdown =
      'A claim[^1], see <a href="#table">the table</a>.\n\n<div id="table">data</div>\n\n[^1]: A note.'
    const tree = fragment(renderBodyHtml(parse(markdown), [], markdown))
    const ids = new Set(selectAll('[id]', tree).map((element) => String(element.properties.id)))
    const targets = selectAll('a[href^="#"]', tree).map((link) =>
      String(link.properties.href).slice(1)
    )
    expect(targets.length).toBe(3)
    expect(targets.filter((target) => !ids.has(target))).toEqual([])
    expect([...ids].every((id) => id.startsWith('user-content-'))).toBe(true)
  })

  it('does not let raw HTML forge a figure mark', () => {
    const markdown =
      'Real over 7% here.\n\n<span class="fd-fig fd-fig--verified" data-status="verified" title="Verified">99%</span>'
    const html = renderBodyHtml(
      parse(markdown),
      [markOf(markdown, 'over 7%', 'unchecked')],
      markdown
    )
    const marks = marksIn(html)
    expect(marks.map((mark) => [toString(mark), mark.properties.dataStatus])).toEqual([
      ['over 7%', 'unchecked']
    ])
    expect(selectAll('[data-status]', fragment(html))).toHaveLength(1)
  })

  it('without the Markdown source still marks figures of verbatim text', () => {
    const markdown = 'Bitcoin plummeted over 7% in a single day.'
    expect(
      marksIn(renderBodyHtml(parse(markdown), [markOf(markdown, 'over 7%')])).map((m) =>
        toString(m)
      )
    ).toEqual(['over 7%'])
  })
})

describe('table alignment', () => {
  it('writes GFM column alignment as classes, not the obsolete align attribute', () => {
    const html = renderBodyHtml(parse('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n'), [])
    const cells = selectAll('th, td', fragment(html)) as Element[]
    expect(cells.map((cell) => cell.properties.align)).toEqual(Array(6).fill(undefined))
    expect(cells.map((cell) => (cell.properties.className as string[] | undefined)?.[0])).toEqual([
      'fd-align-left',
      'fd-align-center',
      'fd-align-right',
      'fd-align-left',
      'fd-align-center',
      'fd-align-right'
    ])
  })
})
