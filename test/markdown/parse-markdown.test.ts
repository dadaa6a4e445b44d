import fc from 'fast-check'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { selectGfm } from '../../src/markdown/gfm-features.js'
import { firstParagraphText, parseMarkdown } from '../../src/markdown/parse-markdown.js'

const fullGfm = unified().use(remarkParse).use(remarkGfm)
const runs = Number(process.env.FACTDESK_FUZZ_RUNS ?? 300)

// Pieces that trigger every GFM construct and the plain-Markdown ones they interact with.
const piece = fc.constantFrom(
  'www.example.com',
  'https://x.org/a?b',
  'mail@example.org',
  'a | b\n--- | ---\n1 | 2\n',
  '~~gone~~',
  '~one~',
  '[^1]',
  '\n\n[^1]: note\n',
  '- [ ] todo\n',
  '* [x] done\n',
  '| x |',
  '`code | pipe`',
  '<b>html</b>',
  '**strong**',
  '_em_',
  '\n',
  '\n\n',
  ' ',
  'word',
  '7%',
  '$1.9 billion',
  '# Heading\n',
  '> quote\n',
  '[link](https://a.b)',
  '\\|',
  '@',
  'http://',
  'x](https://a.b y)',
  '](www.x.com',
  '\n[a]: https://b.c\n',
  '<https://x.y>',
  '![www.a.b](c)'
)

// A blanked frontmatter: lines of spaces (and a tab, which Markdown also reads as blank), with
// any line ending; the body then starts on a line of its own, maybe indented.
const blankedFrontmatter = fc
  .array(
    fc.tuple(fc.constantFrom('', ' ', '   ', '\t', '      '), fc.constantFrom('\n', '\r\n', '\r')),
    { minLength: 1, maxLength: 6 }
  )
  .map((lines) => lines.map(([spaces, end]) => spaces + end).join(''))

describe('parseMarkdown', () => {
  it('gives the tree full remark-gfm gives, positions included, under a blanked frontmatter', () => {
    fc.assert(
      fc.property(
        blankedFrontmatter,
        fc.constantFrom('', ' ', '    '),
        fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 30 }),
        (blank, indent, parts) => {
          const markdown = blank + indent + parts.join('')
          expect(parseMarkdown(markdown)).toEqual(fullGfm.parse(markdown))
        }
      ),
      { numRuns: runs }
    )
  })

  it('gives exactly the tree full remark-gfm gives, for text mixing every GFM construct', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 30 }),
        (parts) => {
          const markdown = parts.join('')
          expect(parseMarkdown(markdown)).toEqual(fullGfm.parse(markdown))
        }
      ),
      { numRuns: runs }
    )
  })

  it.each([
    ['plain prose', 'Bitcoin fell 7% today.', ''],
    ['a table', 'a | b\n-- | --\n1 | 2', 'table'],
    ['a bare link', 'see www.example.com', 'autolink-literal'],
    ['an e-mail address', 'write to desk@example.org', 'autolink-literal'],
    ['strikethrough', '~~no~~', 'strikethrough'],
    ['a footnote', 'x[^1]\n\n[^1]: y', 'footnote'],
    ['a task list', '- [ ] a', 'task-list-item']
  ])('enables only what %s needs', (_name, markdown, key) => {
    expect(selectGfm(markdown).key).toBe(key)
  })

  it('takes the lead from the first paragraph, whitespace collapsed', () => {
    expect(
      firstParagraphText(parseMarkdown('# Title\n\nFirst   line\nsecond *line*.\n\nNext.'))
    ).toBe('First line second line.')
  })
})
