/**
 * What the index and the build cache keep of a brief (issue 19): its `<main>`, without the
 * fact-check panels pagefind skips anyway, nested asides counted so no story text is lost.
 */
import { describe, expect, it } from 'vitest'
import { mainOf } from '../../src/search/search-index.js'

const text = (html: string): string => new TextDecoder().decode(mainOf(html))

describe('mainOf', () => {
  it('keeps the main element only', () => {
    expect(
      text('<header><nav>menu</nav></header><main id="m"><h1>T</h1></main><footer>f</footer>')
    ).toBe('<main id="m"><h1>T</h1></main>')
  })

  it('leaves out every fact-check panel, nested asides and all, and keeps the story around them', () => {
    const html =
      '<main><p>Before.</p><aside class="fact-panel" aria-labelledby="x"><aside>inner</aside><p>checks</p></aside>' +
      '<p>Between.</p><aside class="fact-panel fact-panel--wide"><p>more</p></aside><aside class="note">Kept aside.</aside></main>'
    expect(text(html)).toBe(
      '<main><p>Before.</p><p>Between.</p><aside class="note">Kept aside.</aside></main>'
    )
  })

  it('keeps a panel left unclosed, for pagefind to skip', () => {
    expect(text('<main><p>Story.</p><aside class="fact-panel"><p>checks</p></main>')).toBe(
      '<main><p>Story.</p><aside class="fact-panel"><p>checks</p></main>'
    )
  })

  it('is the whole page when there is no main element (a site’s own template)', () => {
    expect(text('<body><p>Story.</p></body>')).toBe('<body><p>Story.</p></body>')
  })
})
