/**
 * A factdesk installed without its compiled lib/ (a git install at a commit that did not ship it,
 * an interrupted build) says so in one line and exits 2, never with a module stack trace.
 */
import { spawnSync } from 'node:child_process'
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { tempFolders } from '../helpers/temp-folders.js'

const bin = fileURLToPath(new URL('../../bin/factdesk.js', import.meta.url))
const folder = tempFolders('bin-without-lib')

describe('bin/factdesk.js without lib/', () => {
  it('prints what to do and exits 2', async () => {
    const root = await folder()
    await mkdir(join(root, 'bin'))
    await copyFile(bin, join(root, 'bin', 'factdesk.js'))
    // As in the package: bin/ is an ES module beside its package.json.
    await writeFile(join(root, 'package.json'), '{ "type": "module" }\n')
    const run = spawnSync(process.execPath, [join(root, 'bin', 'factdesk.js'), 'build'], {
      encoding: 'utf8'
    })
    expect(run.status).toBe(2)
    expect(run.stderr.trim().split('\n')[0]).toMatch(/^factdesk: lib\/ is missing/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })
})
