import { execFileSync } from 'node:child_process'
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readPacked } from '../../src/cache/result-packs.js'
import { readSealed, writeSealed } from '../../src/cache/sealed-file.js'
import { tempFolders } from '../helpers/temp-folders.js'

const folder = tempFolders('sealed')

const payload = Buffer.from('<h1>Harbour fees rise</h1>')

describe('sealed cache files', () => {
  it('read back the payload they were written with', async () => {
    const file = join(await folder(), 'memo.v8')
    expect(await writeSealed(file, payload)).toBe(true)
    expect(Buffer.from(readSealed(file) ?? [])).toEqual(payload)
  })

  it('hold nothing once any byte changed, the header and digest included', async () => {
    const file = join(await folder(), 'memo.v8')
    await writeSealed(file, payload)
    const sealed = readFileSync(file)
    for (let at = 0; at < sealed.byteLength; at++) {
      const damaged = Buffer.from(sealed)
      damaged[at] = (damaged[at] ?? 0) ^ 0x20
      writeFileSync(file, damaged)
      expect(readSealed(file), `byte ${at}`).toBeUndefined()
    }
  })

  it('hold nothing when cut short, missing, or written without a seal', async () => {
    const dir = await folder()
    const file = join(dir, 'memo.v8')
    await writeSealed(file, payload)
    writeFileSync(file, readFileSync(file).subarray(0, -1))
    expect(readSealed(file)).toBeUndefined()
    writeFileSync(file, payload)
    expect(readSealed(file)).toBeUndefined()
    expect(readSealed(join(dir, 'missing.v8'))).toBeUndefined()
  })
})

describe('cache files that are not regular files', () => {
  it('hold nothing, at once, when a FIFO or a link stands in their place (no read waits on a pipe)', async () => {
    const dir = await folder()
    const fifo = join(dir, 'index.v8')
    execFileSync('mkfifo', [fifo])
    expect(readSealed(fifo)).toBeUndefined()
    const target = join(dir, 'elsewhere.v8')
    await writeSealed(target, payload)
    const link = join(dir, 'linked.v8')
    symlinkSync(target, link)
    expect(readSealed(link)).toBeUndefined()
    const pack = 'o2mx5q83uj1-2.pack'
    execFileSync('mkfifo', [join(dir, pack)])
    expect(readPacked(dir, { pack, offset: 0, length: 4, hash: '0'.repeat(64) })).toBeUndefined()
  })
})
