/**
 * Where each character of a YAML string was written (`src/yaml/scalar-offsets.ts`): every style a
 * headline or summary may be written in, each character placed on the source character it came
 * from (an escape on its backslash).
 */
import { describe, expect, it } from 'vitest'
import { offsetsOfRuns, prosePlacesOf } from '../../src/content/prose-places.js'
import { parseYaml } from '../../src/yaml/parse-yaml.js'

/** For each character of the value at `key`, the source character at its offset. */
function writtenAt(yaml: string, key: string): string {
  const parsed = parseYaml(yaml)
  const offsets = parsed.stringOffsets([key])
  if (offsets === undefined) throw new TypeError(`no string at ${key}`)
  return [...offsets].map((offset) => yaml.charAt(offset)).join('')
}

const styles: [name: string, yaml: string, written: string][] = [
  ['plain', 'title: Oil tops $90 a barrel\n', 'Oil tops $90 a barrel'],
  ['double-quoted', 'title: "Oil tops $90"\n', 'Oil tops $90'],
  // `\"` and `\u00a0` stand on their backslash.
  ['double-quoted escapes', 'title: "A \\"big\\" 470\\u00a0000"\n', 'A \\big\\ 470\\000'],
  ["single-quoted ''", "title: 'Harbour''s 9% jump'\n", "Harbour's 9% jump"],
  // A folded line break is the break; the next line's indentation is skipped.
  ['folded block', 'summary: >\n  closed at\n  $104 today\n', 'closed at\n$104 today\n'],
  ['literal block', 'summary: |\n  line one\n  5% two\n', 'line one\n5% two\n'],
  ['plain over two lines', 'summary: rose\n  7% on the day\n', 'rose\n7% on the day'],
  ['double-quoted line continuation', 'title: "rose \\\n  7%"\n', 'rose 7%']
]

describe('the offsets of a YAML string', () => {
  it.each(styles)('places every character of a %s string', (_name, yaml, written) => {
    const key = yaml.slice(0, yaml.indexOf(':'))
    expect(writtenAt(yaml, key)).toBe(written)
  })

  it('places the trimmed headline and the summary in the file, as runs', () => {
    const yaml = 'title: "  Oil \\"tops\\" $90"\nsummary: Up 5%\n'
    const parsed = parseYaml(yaml)
    const raw = parsed.value as Record<string, unknown>
    // The YAML starts after `---\n`: offset 4 of the file.
    const places = prosePlacesOf(parsed, 4, raw)
    const file = `---\n${yaml}`
    const title = 'Oil "tops" $90'
    const offsets = offsetsOfRuns(places.title, title.length)
    expect([...offsets].map((offset) => file.charAt(offset)).join('')).toBe('Oil \\tops\\ $90')
    // A plain summary is one run.
    expect(places.summary).toEqual([0, 4 + yaml.indexOf('Up')])
  })
})
