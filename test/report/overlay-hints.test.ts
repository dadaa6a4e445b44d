/**
 * The dev overlay's words from the rule catalogue (issue 16): under the problems, each rule named
 * is shown once with its title and hint from `src/rules.ts`. The overlay's own tests are in
 * test/dev/overlay.test.ts; these are here with the other outputs the catalogue feeds.
 */
import { describe, expect, it } from 'vitest'
import { escapeHtml, renderOverlay } from '../../src/dev/overlay.js'
import type { LocatedProblem } from '../../src/dev/overlay.js'
import { rules } from '../../src/rules.js'
import type { RuleId } from '../../src/rules.js'

function problem(severity: 'error' | 'warning', rule: RuleId, line: number): LocatedProblem {
  return { file: 'content/a.md', line, column: 1, severity, rule, message: `${rule} here` }
}

/** How the overlay shows a rule's catalogue entry. */
function entry(id: RuleId): string {
  return (
    `<dt><code>${id}</code>: ${escapeHtml(rules[id].title)}</dt>` +
    `<dd>${escapeHtml(rules[id].hint)}</dd>`
  )
}

describe("the overlay's hints", () => {
  it('shows the title and hint of each rule the errors name, once, under the errors', () => {
    const html = renderOverlay(1, [
      problem('error', 'figure-contradicted', 3),
      problem('error', 'figure-contradicted', 9),
      problem('error', 'check-not-found', 12)
    ])
    expect(html).toContain(
      `</ol><dl>${entry('figure-contradicted')}${entry('check-not-found')}</dl>`
    )
    expect(html.split(rules['figure-contradicted'].hint)).toHaveLength(2)
  })

  it("folds the warnings' hints away with them, repeating none of the errors'", () => {
    const html = renderOverlay(1, [
      problem('warning', 'figure-unchecked', 2),
      problem('error', 'figure-contradicted', 3),
      problem('warning', 'figure-contradicted', 4)
    ])
    const [shown, folded] = html.split('<details>')
    expect(shown).toContain(entry('figure-contradicted'))
    expect(folded).toContain(`</ol><dl>${entry('figure-unchecked')}</dl></details>`)
    expect(folded).not.toContain(entry('figure-contradicted'))
  })

  it('keeps each problem item the terminal line, ending with its rule id', () => {
    const html = renderOverlay(2, [problem('error', 'frontmatter', 2)])
    expect(html).toContain(
      '<li><code>content/a.md:2:1  error  frontmatter here  frontmatter</code></li>'
    )
  })

  it('tells what to do about a crashed build too', () => {
    const html = renderOverlay(2, [problem('error', 'build-crash', 1)])
    expect(html).toContain(entry('build-crash'))
  })

  it('shows no hints when the build passed', () => {
    expect(renderOverlay(0, [problem('warning', 'figure-unchecked', 2)])).toBe('')
  })
})
