import { describe, expect, it } from 'vitest'
import { buildReport } from '../../src/report/build-report.js'
import { formatText } from '../../src/report/format-text.js'
import { rules } from '../../src/rules.js'
import type { Report } from '../../src/types.js'
import { crypto, settings, storm } from './sample-entries.js'

const plain = { color: false, quiet: false }
const problemLine = /^(\S+):(\d+):(\d+) {2,}(error|warning) {2,}(\S.*\S) {2,}([a-z-]+)$/

// Splits the text into its blocks: blank-line separated, the summary line last.
function blocks(text: string): string[][] {
  return text
    .trimEnd()
    .split('\n\n')
    .map((block) => block.split('\n'))
}

// The listing's groups, one per file: the blocks before the hints and the summary line.
function groups(text: string): string[][] {
  return blocks(text).filter((block, index, all) => index < all.length - 1 && !isHints(block))
}

function isHints(block: readonly string[]): boolean {
  return block[0] === 'what to do:'
}

describe('formatText', () => {
  const report = buildReport([crypto, storm, settings])

  it('prints each problem as file:line:column  severity  message  rule', async () => {
    const rows = groups(await formatText(report, plain)).flatMap((group) => group.slice(1))
    expect(rows.map((row) => problemLine.exec(row)?.slice(1))).toEqual([
      [
        'content/2025/11/04/crypto-day-of-terror.md',
        '3',
        '1',
        'warning',
        'unknown key "tagz" (did you mean "tags"?)',
        'frontmatter'
      ],
      [
        'content/2025/11/04/crypto-day-of-terror.md',
        '24',
        '3',
        'error',
        'stated 10-12%, data 6.2% (not between 10% and 12%)',
        'figure-contradicted'
      ],
      [
        'content/2025/11/05/storm.md',
        '7',
        '1',
        'warning',
        'no check covers "three houses"',
        'figure-unchecked'
      ],
      [
        'content/2025/11/05/storm.md',
        '9',
        '1',
        'warning',
        'no check covers "three houses"',
        'figure-unchecked'
      ],
      [
        'data/site.yaml',
        '2',
        '1',
        'warning',
        'unknown key "titel" (did you mean "title"?)',
        'settings'
      ]
    ])
  })

  it('groups problems under a header naming their file', async () => {
    expect(
      groups(await formatText(report, plain)).map((group) => [group[0], group.length - 1])
    ).toEqual([
      ['content/2025/11/04/crypto-day-of-terror.md', 2],
      ['content/2025/11/05/storm.md', 2],
      ['data/site.yaml', 1]
    ])
  })

  it('aligns the columns within a file', async () => {
    const [crypto] = groups(await formatText(report, plain))
    const severities = (crypto ?? []).slice(1).map((row) => row.search(/error|warning/))
    expect(new Set(severities).size).toBe(1)
  })

  it("follows the listing with each rule's hint from the catalogue, once per rule", async () => {
    const hints = blocks(await formatText(report, plain)).find(isHints)
    expect(hints).toEqual([
      'what to do:',
      `  frontmatter          ${rules.frontmatter.hint}`,
      `  figure-contradicted  ${rules['figure-contradicted'].hint}`,
      `  figure-unchecked     ${rules['figure-unchecked'].hint}`,
      `  settings             ${rules.settings.hint}`
    ])
  })

  it('puts the hints after every problem line and before the summary line', async () => {
    const all = blocks(await formatText(report, plain))
    expect(all.findIndex(isHints)).toBe(all.length - 2)
    // No hint row reads as a problem line: it starts with spaces, not a file.
    for (const row of all.find(isHints) ?? []) expect(problemLine.test(row)).toBe(false)
  })

  it('ends with the summary line', async () => {
    const lines = (await formatText(report, plain)).split('\n')
    expect(lines.slice(-3)).toEqual([
      '',
      '2 articles, 4 figures: 1 verified, 1 contradicted, 2 unchecked; 1 error, 4 warnings',
      ''
    ])
  })

  it('prints errors only when quiet, and still counts everything', async () => {
    const text = await formatText(report, { color: false, quiet: true })
    expect(text).toBe(
      'content/2025/11/04/crypto-day-of-terror.md\n' +
        'content/2025/11/04/crypto-day-of-terror.md:24:3  error  stated 10-12%, data 6.2% (not between 10% and 12%)  figure-contradicted\n' +
        '\n' +
        '2 articles, 4 figures: 1 verified, 1 contradicted, 2 unchecked; 1 error, 4 warnings\n'
    )
  })

  it('prints only the summary for a clean site', async () => {
    const clean = buildReport([{ ...storm, problems: [] }])
    expect(await formatText(clean, plain)).toBe(
      '1 article, 2 figures: 0 verified, 0 contradicted, 2 unchecked; 0 errors, 0 warnings\n'
    )
  })

  it('colours only when asked', async () => {
    const escape = '\u001B['
    expect(await formatText(report, plain)).not.toContain(escape)
    expect(await formatText(report, { color: true, quiet: false })).toContain(escape)
  })

  it('keeps a message with line breaks on its line', async () => {
    const broken = buildReport([
      {
        ...settings,
        problems: [
          {
            severity: 'error',
            line: 4,
            column: 2,
            rule: 'settings',
            message: 'bad value\n  for "page_size"'
          }
        ]
      }
    ])
    const [group] = groups(await formatText(broken, plain))
    expect(group?.[1]).toBe('data/site.yaml:4:2  error  bad value for "page_size"  settings')
  })

  it('groups a problem under the file it names', async () => {
    const report: Report = {
      version: 1,
      summary: buildReport([]).summary,
      articles: [
        {
          ...storm,
          problems: [
            {
              severity: 'error',
              line: 3,
              column: 9,
              rule: 'template-error',
              message: 'no partial',
              file: 'templates/brief.hbs'
            }
          ]
        }
      ]
    }
    expect(groups(await formatText(report, plain))).toEqual([
      ['templates/brief.hbs', 'templates/brief.hbs:3:9  error  no partial  template-error']
    ])
  })
})
