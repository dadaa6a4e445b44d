import { describe, expect, it } from 'vitest'
import { defaultSettings, parseSettings } from '../../src/settings/load-settings.js'

describe('parseSettings', () => {
  it('gives every key its SPEC 3 default', () => {
    expect(defaultSettings()).toEqual({
      title: 'factdesk',
      url: 'http://localhost/',
      base: '/',
      language: 'en',
      timezone: 'UTC',
      description: '',
      permalink: '/{yyyy}/{mm}/{dd}/{slug}/',
      excerpt_length: 60,
      page_size: 20,
      factcheck: {
        mode: 'standard',
        strict_sections: [],
        tolerance: { about: 0.05, nearly: 0.1, slightly: 0.05, understated: 1.5 }
      },
      sections: {},
      search: true,
      labels: {},
      not_figures: [],
      embeds: []
    })
  })

  it('normalizes url and base to end with a slash', () => {
    const { settings, problems } = parseSettings('url: https://x.example/news\nbase: /news\n')
    expect(problems).toEqual([])
    expect(settings.url).toBe('https://x.example/news/')
    expect(settings.base).toBe('/news/')
  })

  it('merges partial tolerances with their defaults', () => {
    const { settings } = parseSettings('factcheck:\n  tolerance: { about: 0.1 }\n')
    expect(settings.factcheck.tolerance).toEqual({
      about: 0.1,
      nearly: 0.1,
      slightly: 0.05,
      understated: 1.5
    })
  })

  it('fills every tolerance of a factcheck block that names none', () => {
    const { settings } = parseSettings('factcheck:\n  mode: strict\n')
    expect(settings.factcheck).toEqual({ ...defaultSettings().factcheck, mode: 'strict' })
  })

  it('gives each load defaults of its own, not shared objects', () => {
    const first = defaultSettings()
    const second = defaultSettings()
    expect(second).toEqual(first)
    expect(second.factcheck.tolerance).not.toBe(first.factcheck.tolerance)
  })

  it.each([
    ['an unknown key', 'titel: X\n', '1:1', /unknown key "titel"/],
    ['a wrong type', 'page_size: many\n', '1:12', /"page_size": expected number, received string/],
    ['a nested wrong type', 'factcheck:\n  mode: loose\n', '2:9', /"factcheck.mode"/],
    ['an unknown time zone', 'timezone: Mars/Olympus\n', '1:11', /IANA time zone/],
    ['a relative url', 'url: news.example.org\n', '1:6', /absolute http\(s\) URL/],
    ['YAML that does not parse', 'title: [unclosed\n', '2:1', /not valid YAML/]
  ])('reports %s at its position in data/site.yaml', (_name, text, at, message) => {
    const { problems } = parseSettings(text)
    expect(problems.length).toBeGreaterThan(0)
    const problem = problems[0]
    expect(`${problem?.line}:${problem?.column}`).toBe(at)
    expect(problem).toMatchObject({ severity: 'error', rule: 'settings', file: 'data/site.yaml' })
    expect(problem?.message).toMatch(message)
  })
})
