import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { initReport } from '../../src/cli/run-init.js'
import { runCli } from '../helpers/run-cli.js'
import { tempFolders } from '../helpers/temp-folders.js'

const folder = tempFolders('init-cli')

/** The files `init` says it created or kept: the second word of each listed line. */
function listed(stdout: string, verb: 'created' | 'kept'): string[] {
  return stdout.split('\n').flatMap((line) => {
    const [said, file] = line.trim().split(/\s+/)
    return said === verb && file !== undefined ? [file] : []
  })
}

describe('factdesk init', () => {
  it('scaffolds DIR, lists what it made, and says what to run next', async () => {
    const dir = join(await folder(), 'newsroom')
    const run = await runCli(['init', dir])
    expect(run.exit).toBe(0)
    const created = listed(run.stdout, 'created')
    expect(created).toContain('data/site.yaml')
    expect(created).toContain('package.json')
    expect(await readdir(dir)).toEqual(
      expect.arrayContaining(['content', 'data', 'public', 'package.json'])
    )
    const next = run.stdout.split('Next:\n')[1]?.trim().split('\n') ?? []
    expect(next.map((line) => line.split('#')[0]?.trim())).toEqual([
      `cd ${dir}`,
      'npm install',
      'npx factdesk dev',
      "npx factdesk new 'Your first story'",
      'npx factdesk build'
    ])
  })

  it('refuses a folder that is not empty with exit 2, and adds only what is missing with --force', async () => {
    const dir = await folder()
    expect((await runCli(['init', dir])).exit).toBe(0)
    const again = await runCli(['init', dir])
    expect(again.exit).toBe(2)
    expect(again.stdout).toBe('')
    expect(again.stderr).toMatch(/^factdesk: .* is not empty/)
    const forced = await runCli(['init', dir, '--force'])
    expect(forced.exit).toBe(0)
    expect(listed(forced.stdout, 'created')).toEqual([])
    expect(listed(forced.stdout, 'kept')).toContain('data/site.yaml')
  })

  it('warns when factdesk is installed from a tarball outside the site, which CI cannot reach', async () => {
    const dir = await folder()
    const report = async (spec: string): Promise<string> => {
      await writeFile(
        join(dir, 'package.json'),
        JSON.stringify({ dependencies: { factdesk: spec } })
      )
      return initReport({ dir, files: [], skipped: [] }, dir)
    }
    expect(await report('file:../factdesk-0.1.0.tgz')).toContain(
      'installs factdesk from ../factdesk-0.1.0.tgz, outside this folder'
    )
    expect(await report('file:vendor/factdesk-0.1.0.tgz')).not.toContain('Note:')
    expect(await report('^0.1.0')).not.toContain('Note:')
  })

  it('names a folder below the current one by its short name, quoted for the shell', () => {
    const text = initReport(
      { dir: '/home/desk/sites/my site', files: ['content/a.md'], skipped: [] },
      '/home/desk/sites'
    )
    expect(text.split('\n')[0]).toBe('factdesk init: made a site in my site')
    expect(text).toContain("  cd 'my site'\n")
  })

  it('leaves out cd in the folder itself, and npm install once factdesk is installed there', async () => {
    const dir = await folder()
    await mkdir(join(dir, 'node_modules', 'factdesk'), { recursive: true })
    const text = initReport({ dir, files: [], skipped: [] }, dir)
    expect(text.split('\n')[0]).toBe('factdesk init: made a site in this folder')
    expect(text).not.toContain('  cd ')
    expect(text).not.toContain('npm install')
    expect(text).toContain('  npx factdesk dev')
  })
})
