/**
 * The README's templates guide lists every interface string (issue 19): the error for an unknown
 * key in `labels:` sends the editor there, so a key missing from it could not be found.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { en } from '../../src/i18n/catalogues/en.js'
import { labelKeys } from '../../src/i18n/labels.js'

describe('the README’s list of labels', () => {
  it('lists every key with its English', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8')
    const part = readme.slice(readme.indexOf('### Labels and languages'))
    const missing = labelKeys.filter((key) => {
      const row = part.split('\n').find((line) => line.startsWith(`| \`${key}\` |`))
      const english = en[key].trim()
      return row === undefined || !row.includes(english.replace(/\|/g, '\\|'))
    })
    expect(missing).toEqual([])
  })
})
