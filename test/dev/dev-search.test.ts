/**
 * The search index of `factdesk dev` (issue 21, `src/dev/dev-search.ts`): made by pagefind, for
 * real, only when a file of it is asked for, and made once for the same briefs and settings
 * however many builds (each a new source) pass before it is asked for again.
 */
import { describe, expect, it } from 'vitest'
import { createDevSearch } from '../../src/dev/dev-search.js'
import type { SearchSource } from '../../src/dev/dev-search.js'

const decoder = new TextDecoder()

function page(title: string, text: string): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><nav>Home</nav><main><h1>${title}</h1><p>${text}</p></main></body></html>`
}

const slides = '2025/11/03/coin-slides/index.html'
const gold = '2025/11/04/gold-rises/index.html'

/** A source of `briefs`, counting how often they are read. */
function sourceOf(
  briefs: Record<string, string>,
  settings: Partial<SearchSource['settings']> = {}
): SearchSource & { reads: number } {
  const source = {
    settings: { base: '/', language: 'en', search: true, ...settings },
    reads: 0,
    *briefs(): Generator<readonly [string, string]> {
      source.reads++
      yield* Object.entries(briefs)
    }
  }
  return source
}

const twoBriefs = {
  [slides]: page('Coin slides', 'The coin fell over 4% on Monday.'),
  [gold]: page('Gold rises', 'Gold rose to a record high.')
}

/** The language hash pagefind names the index's metadata file with. */
async function entryOf(
  search: ReturnType<typeof createDevSearch>,
  source: SearchSource
): Promise<{ hash: string; page_count: number }> {
  const bytes = await search.file(source, 'pagefind/pagefind-entry.json')
  if (bytes === undefined) throw new Error('no pagefind-entry.json')
  const entry = JSON.parse(decoder.decode(bytes)) as {
    languages: Record<string, { hash: string; page_count: number }>
  }
  const en = entry.languages.en
  if (en === undefined) throw new Error('no English index')
  return en
}

describe('the dev server’s search index', () => {
  it('serves nothing when the site has no search, or outside pagefind/', async () => {
    const search = createDevSearch()
    const off = sourceOf(twoBriefs, { search: false })
    expect(await search.file(off, 'pagefind/pagefind.js')).toBeUndefined()
    const on = sourceOf(twoBriefs)
    expect(await search.file(on, 'index.html')).toBeUndefined()
    expect(await search.file(on, 'pagefind.js')).toBeUndefined()
    expect(await search.file(on, 'pagefindx/pagefind.js')).toBeUndefined()
    // Neither was worth reading the briefs for.
    expect(off.reads + on.reads).toBe(0)
  })

  it('serves the index of the briefs, and nothing for a file it does not have', async () => {
    const search = createDevSearch()
    const source = sourceOf(twoBriefs)
    const script = await search.file(source, 'pagefind/pagefind.js')
    expect(script).toBeInstanceOf(Uint8Array)
    expect(script?.byteLength).toBeGreaterThan(1000)
    const entry = await entryOf(search, source)
    expect(entry.page_count).toBe(2)
    const meta = await search.file(source, `pagefind/pagefind.${entry.hash}.pf_meta`)
    expect(meta?.byteLength).toBeGreaterThan(0)
    expect(await search.file(source, 'pagefind/no-such-file.js')).toBeUndefined()
    // A dozen requests of one build read its briefs once.
    expect(source.reads).toBe(1)
  })

  it('makes the index of the same briefs once, whichever build asks', async () => {
    const search = createDevSearch()
    const first = sourceOf(twoBriefs)
    const made = await search.file(first, 'pagefind/pagefind.js')
    // The next build's source: a new object with the same briefs, read only for their key.
    const next = sourceOf({ ...twoBriefs })
    const again = await search.file(next, 'pagefind/pagefind.js')
    expect(again).toBe(made)
    expect(next.reads).toBe(1)
  })

  it('makes the index again when a brief changed, and its files differ', async () => {
    const search = createDevSearch()
    const before = sourceOf(twoBriefs)
    const entryBefore = await entryOf(search, before)
    const scriptBefore = await search.file(before, 'pagefind/pagefind.js')
    const edited = sourceOf({
      ...twoBriefs,
      [gold]: page('Gold rises', 'Gold rose to a record high, then fell back.')
    })
    const entryAfter = await entryOf(search, edited)
    expect(entryAfter.hash).not.toBe(entryBefore.hash)
    expect(await search.file(edited, `pagefind/pagefind.${entryAfter.hash}.pf_meta`)).toBeDefined()
    // The new index has no file of the old one's.
    expect(
      await search.file(edited, `pagefind/pagefind.${entryBefore.hash}.pf_meta`)
    ).toBeUndefined()
    // Made anew, not served from the last index: even pagefind's unchanged script is new bytes.
    const scriptAfter = await search.file(edited, 'pagefind/pagefind.js')
    expect(scriptAfter).not.toBe(scriptBefore)
    expect(scriptAfter).toEqual(scriptBefore)
  })

  it('ignores what lies outside a brief’s main region', async () => {
    const search = createDevSearch()
    const made = await search.file(sourceOf(twoBriefs), 'pagefind/pagefind.js')
    const renamed = sourceOf({
      ...twoBriefs,
      [slides]: (twoBriefs[slides] ?? '').replace('<nav>Home</nav>', '<nav>Front page</nav>')
    })
    expect(await search.file(renamed, 'pagefind/pagefind.js')).toBe(made)
  })

  it('makes the index again for another base, whose links it holds', async () => {
    const search = createDevSearch()
    const made = await search.file(sourceOf(twoBriefs), 'pagefind/pagefind.js')
    const moved = sourceOf(twoBriefs, { base: '/news/' })
    expect(await search.file(moved, 'pagefind/pagefind.js')).not.toBe(made)
  })

  it('keeps only the last index: briefs changed back are indexed again', async () => {
    const search = createDevSearch()
    const made = await search.file(sourceOf(twoBriefs), 'pagefind/pagefind.js')
    const oneBrief = { [slides]: twoBriefs[slides] }
    expect(await search.file(sourceOf(oneBrief), 'pagefind/pagefind.js')).not.toBe(made)
    expect(await search.file(sourceOf(twoBriefs), 'pagefind/pagefind.js')).not.toBe(made)
  })
})
