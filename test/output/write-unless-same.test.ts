import { readFile, symlink, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempFolders } from '../helpers/temp-folders.js'
import { writeSize, writeUnlessSame } from '../../src/output/write-unless-same.js'
import { contentDigest } from '../../src/output/content-digest.js'

const folder = tempFolders('unless-same')

/** Pieces of a few characters each, as a report comes out of its renderer. */
function pieces(text: string): string[] {
  return text.match(/[\s\S]{1,4093}/g) ?? []
}

const big = 'ab'.repeat(writeSize) + 'tail' // three flushes and a bit
const changedLate = big.slice(0, -3) + 'XYZ'
const changedEarly = 'Z' + big.slice(1)

describe('writeUnlessSame', () => {
  // [case, candidate contents in order (undefined: absent), file, which candidate matches]
  const cases: [string, (string | undefined)[], string, number | undefined][] = [
    ['no candidate at all', [], big, undefined],
    ['a missing candidate', [undefined], 'short', undefined],
    ['the first candidate holds the bytes', [big, big], big, 0],
    ['only the second holds them', [changedLate, big], big, 1],
    ['both differ near the end', [changedLate, changedLate], big, undefined],
    ['both differ at the start', [changedEarly, changedLate], big, undefined],
    ['the candidate is longer', [big + 'more'], big, undefined],
    ['the candidate is shorter', [big.slice(0, -1)], big, undefined],
    ['an empty file, matched', [''], '', 0],
    ['an empty file, not matched', ['x'], '', undefined],
    ['multi-byte text', ['é'.repeat(writeSize)], 'é'.repeat(writeSize), 0],
    [
      'multi-byte text that differs',
      ['é'.repeat(writeSize)],
      'é'.repeat(writeSize - 1) + 'e',
      undefined
    ]
  ]
  it.each(cases)('%s', async (_name, contents, text, matching) => {
    const dir = await folder()
    const paths = contents.map((_, index) => join(dir, `candidate-${index}`))
    for (const [index, content] of contents.entries()) {
      const path = paths[index]
      if (path !== undefined && content !== undefined) await writeFile(path, content)
    }
    const part = join(dir, 'part')
    const { same, digest } = writeUnlessSame(pieces(text), paths, part)
    expect(digest).toEqual(contentDigest(Buffer.from(text)))
    if (matching === undefined) {
      expect(same).toBeUndefined()
      expect(await readFile(part, 'utf8')).toBe(text)
    } else {
      expect(same).toBe(paths[matching])
      expect(existsSync(part)).toBe(false)
    }
  })

  it('does not take a symbolic link for a candidate, even to the right bytes', async () => {
    const dir = await folder()
    await writeFile(join(dir, 'elsewhere'), big)
    await symlink(join(dir, 'elsewhere'), join(dir, 'link'))
    expect(
      writeUnlessSame(pieces(big), [join(dir, 'link')], join(dir, 'part')).same
    ).toBeUndefined()
    expect(await readFile(join(dir, 'part'), 'utf8')).toBe(big)
  })

  it('produces the pieces once, however many candidates there are', async () => {
    const dir = await folder()
    await writeFile(join(dir, 'a'), changedEarly)
    await writeFile(join(dir, 'b'), changedLate)
    let produced = 0
    function* counted(): Generator<string> {
      for (const piece of pieces(big)) {
        produced++
        yield piece
      }
    }
    writeUnlessSame(counted(), [join(dir, 'a'), join(dir, 'b')], join(dir, 'part'))
    expect(produced).toBe(pieces(big).length)
    expect(await readFile(join(dir, 'part'), 'utf8')).toBe(big)
  })
})
