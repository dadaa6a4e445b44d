import type { Emphasis, Root, Text } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { markFigures } from '../../src/render/mark-figures.js'
import type { FigureMark } from '../../src/types.js'

const parser = unified().use(remarkParse)

function mark(sourceStart: number, sourceEnd: number, title: string): FigureMark {
  const span = { in: 'body', start: sourceStart, end: sourceEnd } as const
  return { sourceStart, sourceEnd, ...span, status: 'unchecked', title }
}

/** The pieces of the first paragraph: plain text as itself, a mark as `[title:text]`. */
function piecesOf(tree: Root): string[] {
  const paragraph = tree.children[0]
  if (paragraph?.type !== 'paragraph') throw new TypeError('expected a paragraph')
  return paragraph.children.map((child) => {
    if (child.type === 'text') return child.value
    const marked = child as Emphasis
    const title = String(marked.data?.hProperties?.title)
    return `[${title}:${marked.children.map((piece) => (piece as Text).value).join('')}]`
  })
}

describe('markFigures', () => {
  it('gives a character both of two overlapping marks cover to the one that starts first', () => {
    const markdown = 'abcdefghijklmnopqrst'
    const marked = markFigures(
      parser.parse(markdown),
      [mark(5, 15, 'b'), mark(2, 10, 'a')],
      markdown
    )
    expect(piecesOf(marked)).toEqual(['ab', '[a:cdefghij]', '[b:klmno]', 'pqrst'])
  })

  it('marks each of ten thousand figures in one paragraph, in order', () => {
    const markdown = 'Sales rose 3% and '.repeat(10_000)
    const marks = Array.from({ length: 10_000 }, (_, index) =>
      mark(index * 18 + 11, index * 18 + 13, String(index))
    )
    const pieces = piecesOf(markFigures(parser.parse(markdown), marks, markdown))
    const marked = pieces.filter((piece) => piece.startsWith('['))
    expect(marked).toHaveLength(10_000)
    expect(marked[0]).toBe('[0:3%]')
    expect(marked[9_999]).toBe('[9999:3%]')
  })

  it('leaves a tree without marks as it is', () => {
    const tree = parser.parse('Sales rose 3%.')
    expect(markFigures(tree, [], 'Sales rose 3%.')).toBe(tree)
  })
})
