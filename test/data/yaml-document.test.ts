import { describe, expect, it } from 'vitest'
import { jsonSource } from '../../src/data/json.js'
import { yamlSource } from '../../src/data/yaml.js'
import { parseSettings } from '../../src/settings/load-settings.js'
import { maxYamlNesting } from '../../src/yaml/nesting.js'
import { parseYaml, readYaml } from '../../src/yaml/parse-yaml.js'

const encoder = new TextEncoder()

async function load(source: typeof yamlSource, file: string, text: string) {
  return source.load({ bytes: encoder.encode(text), file })
}

const tooDeep = `${'['.repeat(maxYamlNesting + 1)}${']'.repeat(maxYamlNesting + 1)}\n`

describe('YAML data files, read by the one YAML parser', () => {
  it('places a parse error where the settings and frontmatter readers place it', async () => {
    const text = 'a: [1, 2\nb: 3\n'
    const point = parseYaml(text).errors[0]?.point
    const settings = parseSettings(text).problems[0]
    const { dataset, problems } = await load(yamlSource, 'data/x.yaml', text)
    expect(point).toBeDefined()
    expect(dataset).toBeUndefined()
    expect(problems[0]).toMatchObject({ rule: 'data-malformed', file: 'data/x.yaml', ...point })
    expect(settings).toMatchObject({ rule: 'settings', ...point })
  })

  it('words a repeated key, at the key repeated', async () => {
    const { problems } = await load(yamlSource, 'data/x.yaml', 'a: 1\na: 2\n')
    expect(problems).toEqual([
      {
        severity: 'error',
        line: 2,
        column: 1,
        rule: 'data-malformed',
        message: 'data/x.yaml repeats a key in one object; each key may appear once per object',
        file: 'data/x.yaml'
      }
    ])
  })

  it.each([
    ['YAML', yamlSource, 'data/deep.yaml'],
    ['JSON', jsonSource, 'data/deep.json']
  ])(
    'refuses %s nested past the limit at the first collection past it',
    async (_name, source, file) => {
      const { dataset, problems } = await load(source, file, tooDeep)
      expect(dataset).toBeUndefined()
      expect(problems).toEqual([
        {
          severity: 'error',
          line: 1,
          column: maxYamlNesting + 1,
          rule: 'data-malformed',
          message: `${file} nests deeper than ${maxYamlNesting} levels`,
          file
        }
      ])
    }
  )

  it('gives frontmatter and settings the same nesting limit, at the same place', () => {
    const parsed = parseYaml(tooDeep)
    expect(parsed.value).toBeUndefined()
    expect(parsed.errors).toEqual([
      {
        message: expect.stringContaining(`more than ${maxYamlNesting} levels`),
        point: { line: 1, column: maxYamlNesting + 1 }
      }
    ])
    expect(readYaml(tooDeep)).toMatchObject({ document: undefined, errors: [{ code: 'TOO_DEEP' }] })
  })

  it('keeps what it did not understand as a positioned warning, not an error', () => {
    const read = readYaml('a: 1\nb: !!js/function x\n')
    expect(read.errors).toEqual([])
    expect(read.warnings).toMatchObject([{ point: { line: 2, column: 4 } }])
    expect(parseYaml('a: 1\nb: !!js/function x\n').value).toEqual({ a: 1, b: 'x' })
  })
})
