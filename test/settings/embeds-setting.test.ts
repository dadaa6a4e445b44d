/**
 * `embeds:` in data/site.yaml (issue 18): the hosts whose iframes an article may keep. Each entry
 * is a plain host name, matched exactly against an iframe's host; anything else is a settings
 * error at the entry's own line, and the defaults stand in.
 */
import { describe, expect, it } from 'vitest'
import { parseSettings } from '../../src/settings/load-settings.js'

describe('the embeds setting', () => {
  it('is empty by default: no iframe is kept unless a host is listed', () => {
    expect(parseSettings('title: The Ledger\n').settings.embeds).toEqual([])
  })

  it('keeps listed hosts, lower-cased as a URL gives them', () => {
    const { settings, problems } = parseSettings(
      'embeds:\n  - datawrapper.dwcdn.net\n  - Flo.URI.sh\n  - www.youtube-nocookie.com\n'
    )
    expect(problems).toEqual([])
    expect(settings.embeds).toEqual([
      'datawrapper.dwcdn.net',
      'flo.uri.sh',
      'www.youtube-nocookie.com'
    ])
  })

  it.each([
    ['a URL', 'https://flo.uri.sh/', '3:5'],
    ['a host with a path', 'player.vimeo.com/video', '3:5'],
    ['a host with a port', 'www.youtube.com:443', '3:5'],
    ['an IP address', '192.168.0.1', '3:5'],
    ['a name with no dot', 'localhost', '3:5'],
    ['a wildcard', '"*.flourish.studio"', '3:5'],
    ['a label ending in a hyphen', 'bad-.example.org', '3:5']
  ])('refuses %s at its line in data/site.yaml', (_name, entry, at) => {
    const { settings, problems } = parseSettings(
      `embeds:\n  - datawrapper.dwcdn.net\n  - ${entry}\n`
    )
    expect(problems).toHaveLength(1)
    const [problem] = problems
    expect(`${problem?.line}:${problem?.column}`).toBe(at)
    expect(problem).toMatchObject({ severity: 'error', rule: 'settings', file: 'data/site.yaml' })
    expect(problem?.message).toMatch(/"embeds\[1\]": must be a host name such as/)
    expect(settings.embeds).toEqual([])
  })

  it('refuses a single host written without a list', () => {
    const { problems } = parseSettings('embeds: www.youtube.com\n')
    expect(problems.map((problem) => [problem.line, problem.column, problem.rule])).toEqual([
      [1, 9, 'settings']
    ])
  })
})

describe('the embeds setting and the site url', () => {
  it("refuses the site's own host, whose frames could lift their sandbox", () => {
    const { problems } = parseSettings(
      'url: https://news.example.org/\nembeds:\n  - flo.uri.sh\n  - news.example.org\n'
    )
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ line: 4, column: 5, rule: 'settings' })
    expect(problems[0]?.message).toMatch(/"embeds\[1\]": is the site's own host/)
  })
})
