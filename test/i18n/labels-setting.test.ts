/**
 * `labels:` in site.yaml (issue 19): a known key replaces the string it names, an unknown one is
 * one settings error at the key, with the key it likely means.
 */
import { describe, expect, it } from 'vitest'
import { labelsFor } from '../../src/i18n/labels.js'
import { parseSettings } from '../../src/settings/load-settings.js'

describe('labels: in site.yaml', () => {
  it('keeps the strings it names, for every page to print', () => {
    const { settings, problems } = parseSettings(
      'language: de\nlabels:\n  verdict_verified: Checked\n'
    )
    expect(problems).toEqual([])
    expect(settings.labels).toEqual({ verdict_verified: 'Checked' })
    expect(labelsFor(settings).verdict_verified).toBe('Checked')
  })

  it('refuses an unknown key with one error at the key, naming the nearest known key', () => {
    const { settings, problems } = parseSettings(
      'title: X\nlabels:\n  verdict_verified: Checked\n  verdict_verifed: Geprüft\n'
    )
    expect(problems).toHaveLength(1)
    const [problem] = problems
    expect(problem).toMatchObject({
      rule: 'settings',
      severity: 'error',
      file: 'data/site.yaml',
      line: 4,
      column: 3
    })
    expect(problem?.message).toMatch(/"labels\.verdict_verifed" names no interface string/)
    expect(problem?.message).toMatch(/did you mean "verdict_verified"\?/)
    expect(settings.labels).toEqual({})
  })

  it('refuses a string that is not text', () => {
    const { problems } = parseSettings('labels:\n  verdict_verified: [a, b]\n')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ rule: 'settings', line: 2 })
  })
})
