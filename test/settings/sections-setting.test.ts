import { describe, expect, it } from 'vitest'
import { parseSettings } from '../../src/settings/load-settings.js'
import { sectionName } from '../../src/render/section-name.js'

describe('sections: in site.yaml', () => {
  it('maps section slugs to the names readers see', () => {
    const { settings, problems } = parseSettings('sections:\n  us: U.S.\n  markets: Markets\n')
    expect(problems).toEqual([])
    expect(settings.sections).toEqual({ us: 'U.S.', markets: 'Markets' })
    expect(sectionName(settings, 'us')).toBe('U.S.')
  })

  it('names a section without an entry by capitalising each word of its slug', () => {
    const { settings } = parseSettings('sections:\n  us: U.S.\n')
    expect(sectionName(settings, 'real-estate')).toBe('Real Estate')
    expect(sectionName(settings, 'world')).toBe('World')
    // Short forms are not guessed: `us` reads `Us` until site.yaml names it.
    expect(sectionName({ sections: {} }, 'us')).toBe('Us')
  })

  it('does not take a name from the object prototype', () => {
    expect(sectionName({ sections: {} }, 'constructor')).toBe('Constructor')
  })

  it.each([
    [
      'a key that is not a slug',
      'title: X\nsections:\n  us: U.S.\n  Real Estate: Homes\n',
      '4:3',
      /"Real Estate" is not a section slug/
    ],
    [
      'an empty name',
      'sections:\n  us: ""\n',
      '2:7',
      /"sections.us": must be the name readers see/
    ],
    ['a name that is not text', 'sections:\n  us: 3\n', '2:7', /"sections.us": expected string/],
    ['a list instead of a map', 'sections: [us]\n', '1:11', /"sections": expected record/]
  ])('reports %s at its line as a settings error', (_, text, place, message) => {
    const { settings, problems } = parseSettings(text)
    expect(problems).toHaveLength(1)
    const [problem] = problems
    expect(`${problem?.line}:${problem?.column}`).toBe(place)
    expect(problem?.rule).toBe('settings')
    expect(problem?.file).toBe('data/site.yaml')
    expect(problem?.message).toMatch(message)
    expect(settings.sections).toEqual({})
  })
})
