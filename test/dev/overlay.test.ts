import { describe, expect, it } from 'vitest'
import { escapeHtml, problemLine, problemsOf, renderOverlay } from '../../src/dev/overlay.js'
import type { LocatedProblem } from '../../src/dev/overlay.js'
import type { Report } from '../../src/types.js'

const contradicted: LocatedProblem = {
  file: 'content/2025/11/04/crypto-day-of-terror.md',
  line: 31,
  column: 67,
  severity: 'error',
  rule: 'figure-contradicted',
  message: 'stated over 9%, data -7.30%'
}
const unchecked: LocatedProblem = {
  ...contradicted,
  line: 40,
  column: 3,
  severity: 'warning',
  rule: 'figure-unchecked',
  message: 'no check covers "38%"'
}

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['Fear & Greed', 'Fear &amp; Greed'],
    ['"quoted" and \'single\'', '&quot;quoted&quot; and &#39;single&#39;'],
    ['&amp; already escaped', '&amp;amp; already escaped'],
    ['plain text, 7%', 'plain text, 7%']
  ])('escapes %j', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped)
  })
})

describe('problemsOf', () => {
  it("gives each problem its own file, else its article's", () => {
    const report: Report = {
      version: 1,
      summary: {
        articles: 1,
        figures: 0,
        verified: 0,
        contradicted: 0,
        unchecked: 0,
        errors: 2,
        warnings: 0,
        exit: 2
      },
      articles: [
        {
          file: 'content/a.md',
          slug: 'a',
          url: '/a/',
          mode: 'standard',
          figures: [],
          asserts: [],
          problems: [
            { severity: 'error', line: 3, column: 1, rule: 'frontmatter', message: 'x' },
            {
              severity: 'error',
              line: 7,
              column: 2,
              rule: 'data-value',
              message: 'y',
              file: 'data/markets/btc-usd.csv'
            }
          ]
        }
      ]
    }
    expect(problemsOf(report).map(problemLine)).toEqual([
      'content/a.md:3:1  error  x  frontmatter',
      'data/markets/btc-usd.csv:7:2  error  y  data-value'
    ])
  })
})

describe('a headline figure in the overlay', () => {
  const headline = { ...contradicted, line: 2, column: 24, message: 'stated 25%, data +8.9%' }
  const report: Report = {
    version: 1,
    summary: {
      articles: 1,
      figures: 2,
      verified: 0,
      contradicted: 2,
      unchecked: 0,
      errors: 2,
      warnings: 0,
      exit: 1
    },
    articles: [
      {
        file: contradicted.file,
        slug: 'crypto-day-of-terror',
        url: '/2025/11/04/crypto-day-of-terror/',
        mode: 'standard',
        figures: [
          { ...figureAt(headline), in: 'title' },
          { ...figureAt(contradicted), in: 'body' }
        ],
        asserts: [],
        problems: [headline, contradicted].map((problem) => {
          const { line, column, severity, rule, message } = problem
          return { line, column, severity, rule, message }
        })
      }
    ]
  }

  it('knows which problems are in the headline, by the figure at their position', () => {
    expect(problemsOf(report).map((problem) => problem.part)).toEqual(['title', undefined])
  })

  it('says "In the headline" before that problem, and only that one', () => {
    const html = renderOverlay(1, problemsOf(report))
    const items = html.split('<li>').slice(1)
    expect(items[0]).toContain('In the headline:')
    expect(items[1]).not.toContain('In the')
  })
})

function figureAt(
  problem: LocatedProblem
): Omit<Report['articles'][number]['figures'][number], 'in'> {
  return {
    text: '25%',
    line: problem.line,
    column: problem.column,
    value: 25,
    unit: '%',
    approx: 'exact',
    direction: null,
    status: 'contradicted',
    actual: 8.9,
    expr: 'x',
    message: problem.message
  }
}

describe('renderOverlay', () => {
  it('is empty for a build that passed, so the reload after a fix clears it', () => {
    expect(renderOverlay(0, [unchecked])).toBe('')
  })

  it('lists each error as file:line:column  severity  message  rule', () => {
    const html = renderOverlay(1, [contradicted])
    expect(html).toContain(
      '<li><code>content/2025/11/04/crypto-day-of-terror.md:31:67  error  stated over 9%, data -7.30%  figure-contradicted</code></li>'
    )
  })

  it.each([
    [1, 'factdesk: a fact check failed (1 error)'],
    [2, 'factdesk: the build has input errors (1 error)']
  ])('heads a build that exited %i with %j', (exit, heading) => {
    expect(renderOverlay(exit, [contradicted])).toContain(`>${heading}</h2>`)
  })

  it('folds warnings under a count after the errors', () => {
    const html = renderOverlay(1, [unchecked, contradicted, unchecked])
    expect(html.indexOf('figure-contradicted')).toBeLessThan(html.indexOf('<details>'))
    expect(html).toContain('<details><summary>2 warnings</summary>')
    expect(html).toContain('no check covers &quot;38%&quot;  figure-unchecked')
  })

  it('escapes every part of a problem that comes from content', () => {
    const hostile: LocatedProblem = {
      file: 'content/<img src=x onerror=alert(1)>.md',
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'frontmatter',
      message: '</code></li></ol><script>alert("x")</script>'
    }
    const html = renderOverlay(2, [hostile])
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).toContain(
      'content/&lt;img src=x onerror=alert(1)&gt;.md:1:1  error  &lt;/code&gt;&lt;/li&gt;&lt;/ol&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;  frontmatter'
    )
  })

  it('has a labelled heading and a close button the client script can find', () => {
    const html = renderOverlay(1, [contradicted])
    expect(html).toContain(
      '<div id="factdesk-overlay" role="dialog" aria-modal="false" aria-labelledby="factdesk-overlay-title">'
    )
    expect(html).toContain('<h2 id="factdesk-overlay-title">')
    expect(html).toContain('<button type="button" id="factdesk-overlay-close"')
  })

  it('holds an empty status region for the "Rebuilding…" state, announced politely', () => {
    const html = renderOverlay(1, [contradicted])
    expect(html).toContain(
      '<p id="factdesk-status" class="fd-status" role="status" aria-live="polite"></p>'
    )
  })
})

describe('renderOverlay on an article page', () => {
  const other: LocatedProblem = {
    ...contradicted,
    file: 'content/2025/11/05/other.md',
    article: 'content/2025/11/05/other.md',
    line: 3
  }
  const dataProblem: LocatedProblem = {
    ...contradicted,
    file: 'data/markets/btc-usd.csv',
    article: contradicted.file,
    line: 7,
    rule: 'data-value'
  }
  const ownWarning: LocatedProblem = { ...unchecked, article: unchecked.file }

  it("lists the page's own errors first under a heading, the others under another", () => {
    const html = renderOverlay(2, [other, dataProblem, contradicted], {
      article: contradicted.file,
      kept: false
    })
    const items = html
      .split('<li>')
      .slice(1)
      .map((item) => item.slice(0, item.indexOf(':')))
    expect(items).toEqual([
      '<code>data/markets/btc-usd.csv',
      '<code>content/2025/11/04/crypto-day-of-terror.md',
      '<code>content/2025/11/05/other.md'
    ])
    expect(
      html.indexOf('<h3>On this page, <code>content/2025/11/04/crypto-day-of-terror.md</code></h3>')
    ).toBeLessThan(html.indexOf('<h3>Elsewhere (1 error)</h3>'))
    expect(html).toContain('The page still shows this build')
  })

  it("puts the page's own warnings first in the fold too", () => {
    const html = renderOverlay(1, [{ ...other, severity: 'warning' }, ownWarning, contradicted], {
      article: contradicted.file,
      kept: false
    })
    const fold = html.slice(html.indexOf('<details>'))
    expect(fold.indexOf('crypto-day-of-terror.md:40:3')).toBeLessThan(fold.indexOf('other.md:3'))
  })

  it('has no headings when the page has no errors of its own', () => {
    const html = renderOverlay(1, [other], { article: contradicted.file, kept: false })
    expect(html).not.toContain('<h3>')
  })

  it('says a kept page is the last good version of a story that no longer builds', () => {
    const html = renderOverlay(2, [contradicted], { article: contradicted.file, kept: true })
    expect(html).toContain(
      'This is the last good version of this page: <code>content/2025/11/04/crypto-day-of-terror.md</code> no longer builds.'
    )
  })
})
