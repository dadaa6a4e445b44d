import { describe, expect, it } from 'vitest'
import { buildReport } from '../../src/report/build-report.js'
import { escapeData, escapeProperty, formatGithub } from '../../src/report/format-github.js'
import { rules } from '../../src/rules.js'
import { crypto, settings, storm } from './sample-entries.js'

describe('formatGithub', () => {
  it("prints one workflow command per problem, each rule's hint in a folded group, then the summary", () => {
    expect(formatGithub(buildReport([crypto, settings])).split('\n')).toEqual([
      '::warning file=content/2025/11/04/crypto-day-of-terror.md,line=3,col=1,title=frontmatter::unknown key "tagz" (did you mean "tags"?)',
      '::error file=content/2025/11/04/crypto-day-of-terror.md,line=24,col=3,title=figure-contradicted::stated 10-12%25, data 6.2%25 (not between 10%25 and 12%25)',
      '::warning file=data/site.yaml,line=2,col=1,title=settings::unknown key "titel" (did you mean "title"?)',
      '::group::what to do',
      `frontmatter: ${rules.frontmatter.hint}`,
      `figure-contradicted: ${rules['figure-contradicted'].hint}`,
      `settings: ${rules.settings.hint}`,
      '::endgroup::',
      '1 article, 2 figures: 1 verified, 1 contradicted, 0 unchecked; 1 error, 2 warnings',
      ''
    ])
  })

  it('gives a rule named by many problems one hint', () => {
    const lines = formatGithub(buildReport([storm])).split('\n')
    expect(lines.filter((line) => line.startsWith('::warning '))).toHaveLength(2)
    expect(lines.filter((line) => line.startsWith('figure-unchecked: '))).toEqual([
      `figure-unchecked: ${rules['figure-unchecked'].hint}`
    ])
  })

  it('prints only the summary for a clean site, with no empty group', () => {
    expect(formatGithub(buildReport([{ ...storm, problems: [] }]))).toBe(
      '1 article, 2 figures: 0 verified, 0 contradicted, 2 unchecked; 0 errors, 0 warnings\n'
    )
  })

  it('escapes the file name as a property', () => {
    const odd = { ...settings, file: 'content/a,b:c.md' }
    expect(formatGithub(buildReport([odd])).split('\n')[0]).toBe(
      '::warning file=content/a%2Cb%3Ac.md,line=2,col=1,title=settings::unknown key "titel" (did you mean "title"?)'
    )
  })

  it.each([
    ['over 7%', 'over 7%25'],
    ['line one\nline two', 'line one%0Aline two'],
    ['a\r\nb', 'a%0D%0Ab'],
    ['100%25 literal', '100%2525 literal'],
    ['a: b, c', 'a: b, c']
  ])('escapes the message %j as %j', (message, escaped) => {
    expect(escapeData(message)).toBe(escaped)
  })

  it.each([
    ['content/x.md', 'content/x.md'],
    ['C:\\site\\x.md', 'C%3A\\site\\x.md'],
    ['a,b', 'a%2Cb'],
    ['50%', '50%25'],
    ['a\nb', 'a%0Ab']
  ])('escapes the property %j as %j', (value, escaped) => {
    expect(escapeProperty(value)).toBe(escaped)
  })
})
