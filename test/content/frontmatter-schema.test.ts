import { describe, expect, it } from 'vitest'
import { frontmatterKeys, frontmatterOf, frontmatterSchema } from '../../src/content/frontmatter-schema.js'
import type { CheckSpec, Frontmatter, Source } from '../../src/types.js'
import { parseYaml } from '../../src/yaml/parse-yaml.js'

/** The frontmatter of `yaml`, as an article named `quiet-day.md` gets it. */
function frontmatterOfText(yaml: string): Frontmatter {
  const result = frontmatterSchema('UTC').safeParse(parseYaml(yaml).value)
  if (!result.success) throw result.error
  return frontmatterOf(result.data, result.data.slug ?? 'quiet-day', () => ({ line: 1, column: 1 }))
}

describe('the frontmatter schema as the one declaration of the frontmatter', () => {
  it('lists the keys of the schema, in the order of the SPEC 4 table', () => {
    expect(frontmatterKeys).toEqual([
      'title', 'date', 'updated', 'slug', 'section', 'tags', 'byline', 'dateline', 'summary', 'draft',
      'embargo', 'sources', 'corrections', 'data', 'checks', 'asserts', 'factcheck', 'image', 'image_alt',
      'image_credit'
    ])
    expect(frontmatterKeys).toEqual(Object.keys(frontmatterSchema('Asia/Shanghai').shape))
  })

  it('keeps only known keys in the article, and leaves out optional keys not given', () => {
    const frontmatter = frontmatterOfText('title: T\ndate: 2025-11-04\ntagz: [a]\nsources:\n  - name: Desk')
    expect(Object.keys(frontmatter).sort()).toEqual(
      ['asserts', 'checks', 'corrections', 'data', 'date', 'draft', 'section', 'slug', 'sources', 'tags', 'title']
    )
    expect(frontmatter.sources).toEqual([{ name: 'Desk' }])
  })

  it('gives the slug it is handed and places each check and assert with `pointOf`', () => {
    const result = frontmatterSchema('UTC').safeParse({
      title: 'T',
      date: '2025-11-04',
      slug: 'from-yaml',
      checks: [{ figure: '7%', expr: 'x' }],
      asserts: [{ expr: 'true', says: 'yes' }]
    })
    if (!result.success) throw result.error
    const frontmatter = frontmatterOf(result.data, 'given', (path) => ({ line: path.length, column: Number(path[1]) + 1 }))
    expect(frontmatter.slug).toBe('given')
    expect(frontmatter.checks).toEqual([{ figure: '7%', expr: 'x', line: 2, column: 1 }])
    expect(frontmatter.asserts).toEqual([{ expr: 'true', says: 'yes', line: 2, column: 1 }])
  })

  it('types an optional key as absent, never undefined (exactOptionalPropertyTypes)', () => {
    // @ts-expect-error a source without a url leaves the key out
    const source: Source = { name: 'Desk', url: undefined }
    // @ts-expect-error a check knows its position in the article file
    const check: CheckSpec = { figure: '7%', expr: 'x' }
    expect([source.name, check.figure]).toEqual(['Desk', '7%'])
  })
})
