import { appendFileSync, lstatSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentDigest } from '../../src/output/content-digest.js'
import { openVerifiedFiles } from '../../src/output/verified-files.js'
import { tempFolders } from '../helpers/temp-folders.js'

const folder = tempFolders('verified')

/** A build's clock, far enough past every file's last change for it to be remembered. */
const later = () => Date.now() + 60_000

async function fileHolding(text: string) {
  const dir = await folder()
  const path = join(dir, 'page.html')
  writeFileSync(path, text)
  return { dir, path, digest: contentDigest(Buffer.from(text)) }
}

describe('verified files', () => {
  it('vouches for a remembered file until its bytes or times change', async () => {
    const { dir, path, digest } = await fileHolding('<p>one</p>')
    const records = join(dir, 'verified.v8')
    const first = openVerifiedFiles(records, later())
    expect(first.vouches(lstatSync(path), digest)).toBe(false)
    first.record(lstatSync(path), digest)
    await first.save()
    const next = openVerifiedFiles(records, later())
    expect(next.vouches(lstatSync(path), digest)).toBe(true)
    expect(next.vouches(lstatSync(path), contentDigest(Buffer.from('<p>two</p>')))).toBe(false)
    // Same size, other bytes: the write moves the ctime, which no tool sets back (a clock tick
    // later: the very race the settling time keeps out of the records).
    await new Promise((resolve) => setTimeout(resolve, 25))
    writeFileSync(path, '<p>two</p>')
    expect(next.vouches(lstatSync(path), digest)).toBe(false)
    appendFileSync(path, '!')
    expect(next.vouches(lstatSync(path), digest)).toBe(false)
  })

  it('does not vouch for a file written over whose mtime was then set back', async () => {
    const { dir, path, digest } = await fileHolding('<h1>Harbour fees</h1>')
    // Whole seconds, which `utimes` sets back exactly, as `touch -d` would any time.
    utimesSync(path, 1_700_000_000, 1_700_000_000)
    const records = join(dir, 'verified.v8')
    const first = openVerifiedFiles(records, later())
    first.record(lstatSync(path), digest)
    await first.save()
    const before = lstatSync(path)
    await new Promise((resolve) => setTimeout(resolve, 25))
    writeFileSync(path, '<script>x()</script>!')
    utimesSync(path, 1_700_000_000, 1_700_000_000)
    const after = lstatSync(path)
    expect([after.ino, after.size, after.mtimeMs]).toEqual([
      before.ino,
      before.size,
      before.mtimeMs
    ])
    expect(openVerifiedFiles(records, later()).vouches(after, digest)).toBe(false)
  })

  it('vouches for nothing from records whose bytes were written over', async () => {
    const { dir, path, digest } = await fileHolding('<p>one</p>')
    const records = join(dir, 'verified.v8')
    const first = openVerifiedFiles(records, later())
    first.record(lstatSync(path), digest)
    await first.save()
    const bytes = readFileSync(records)
    const at = bytes.indexOf(digest.hash)
    expect(at).toBeGreaterThan(-1)
    bytes.write('0'.repeat(64), at)
    writeFileSync(records, bytes)
    const zeros = { size: digest.size, hash: '0'.repeat(64) }
    expect(openVerifiedFiles(records, later()).vouches(lstatSync(path), zeros)).toBe(false)
    expect(openVerifiedFiles(records, later()).vouches(lstatSync(path), digest)).toBe(false)
  })

  it('does not remember a file changed moments ago: a writer may still be racing it', async () => {
    const { dir, path, digest } = await fileHolding('<p>one</p>')
    const records = join(dir, 'verified.v8')
    const verified = openVerifiedFiles(records, Date.now())
    verified.record(lstatSync(path), digest)
    await verified.save()
    expect(openVerifiedFiles(records, later()).vouches(lstatSync(path), digest)).toBe(false)
  })

  it('forgets a file no build used for two builds', async () => {
    const { dir, path, digest } = await fileHolding('<p>one</p>')
    const records = join(dir, 'verified.v8')
    const remembered = openVerifiedFiles(records, later())
    remembered.record(lstatSync(path), digest)
    await remembered.save()
    // Two builds that verify another file only.
    const other = join(dir, 'other.html')
    writeFileSync(other, 'x')
    for (let build = 0; build < 2; build++) {
      const verified = openVerifiedFiles(records, later())
      verified.record(lstatSync(other), contentDigest(Buffer.from('x')))
      await verified.save()
    }
    expect(openVerifiedFiles(records, later()).vouches(lstatSync(path), digest)).toBe(false)
  })

  it('knows nothing without a file, and a damaged file is as good as none', async () => {
    const { dir, path, digest } = await fileHolding('<p>one</p>')
    const none = openVerifiedFiles(undefined, later())
    none.record(lstatSync(path), digest)
    expect(none.vouches(lstatSync(path), digest)).toBe(false)
    const records = join(dir, 'verified.v8')
    writeFileSync(records, 'damaged')
    expect(openVerifiedFiles(records, later()).vouches(lstatSync(path), digest)).toBe(false)
  })
})
