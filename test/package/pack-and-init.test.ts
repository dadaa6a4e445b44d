/**
 * What a newsroom does first (issue 18, item 1), from the tarball `npm pack` makes: install it
 * into an empty folder, `npx factdesk init`, `npx factdesk build`. Slow on purpose (it packs,
 * compiles and installs), so it runs once per suite, in CI too.
 */
import { access, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseReport } from '../helpers/run-cli.js'
import { tempFolders } from '../helpers/temp-folders.js'
import { packRepository, runCommand, staleLibFile } from './pack-repository.js'

const tempFolder = tempFolders('pack')
const minutes = 60_000
const story = '2026/01/09/port-ashby-wheat-climbs'

let tarball = ''
let entries: string[] = []
let site = ''

beforeAll(async () => {
  const dir = await tempFolder()
  tarball = await packRepository(dir)
  const listed = await runCommand('tar', ['-tzf', tarball], dir)
  entries = listed.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.replace(/^package\//, ''))
  site = join(dir, 'site')
  await mkdir(site)
}, 10 * minutes)

describe('the packed tarball', () => {
  it('holds the compiled CLI, its bin, the default templates, the starter and the docs', () => {
    expect(entries).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'CHANGELOG.md',
        'bin/factdesk.js',
        'lib/cli.js',
        'lib/commands/init-site.js',
        'templates/layouts/base.hbs',
        'templates/pages/brief.hbs',
        'templates/partials/fact-panel.hbs',
        'templates/style.css',
        'starter/data/site.yaml',
        'starter/dot-gitignore',
        'starter/dot-github/workflows/publish.yml',
        'starter/public/favicon.svg'
      ])
    )
  })

  it('leaves out the sample site, the sources, the tests, the docs and the source maps', () => {
    const topFolders = new Set(entries.map((entry) => entry.split('/')[0]))
    for (const folder of ['content', 'data', 'src', 'test', 'docs', 'node_modules'])
      expect(topFolders).not.toContain(folder)
    expect(entries.filter((entry) => entry.endsWith('.map'))).toEqual([])
  })

  it('is compiled afresh: a lib/ file whose source is gone is not shipped', () => {
    expect(entries).not.toContain(staleLibFile)
  })
})

describe('npm install <tarball> && npx factdesk init, in an empty folder', () => {
  it(
    "installs from the tarball with npm's cache",
    async () => {
      // --prefer-offline, not --offline: `npm ci` caches the tarballs of the lockfile but not
      // the registry's package lists, which resolving a package without a lockfile needs.
      const installed = await runCommand(
        'npm',
        ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball],
        site
      )
      expect(installed.exit, installed.stderr).toBe(0)
    },
    10 * minutes
  )

  it(
    'scaffolds the site',
    async () => {
      const init = await runCommand('npx', ['factdesk', 'init'], site)
      expect(init.exit, init.stderr).toBe(0)
      for (const file of ['data/site.yaml', 'public/favicon.svg', '.github/workflows/publish.yml'])
        await access(join(site, file))
      const manifest = JSON.parse(await readFile(join(site, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>
        scripts: Record<string, string>
      }
      expect(manifest.dependencies.factdesk).toMatch(/^file:/)
      expect(manifest.scripts.build).toBe('factdesk build')
    },
    2 * minutes
  )

  it(
    'builds it, with every figure of the example story marked verified',
    async () => {
      const built = await runCommand('npx', ['factdesk', 'build'], site)
      expect(built.exit, built.stderr).toBe(0)
      await access(join(site, 'dist/index.html'))
      const page = fromHtml(await readFile(join(site, 'dist', story, 'index.html'), 'utf8'))
      const marks = selectAll('.fd-fig', page)
      expect(marks.length).toBeGreaterThan(0)
      expect(marks.map((mark) => mark.properties.dataStatus)).toEqual(marks.map(() => 'verified'))
      const report = parseReport(await readFile(join(site, 'dist/factcheck.json'), 'utf8'))
      expect(report.summary.unchecked).toBe(0)
    },
    2 * minutes
  )

  it(
    'builds it with --strict',
    async () => {
      const built = await runCommand('npx', ['factdesk', 'build', '--strict'], site)
      expect(built.exit, built.stderr).toBe(0)
    },
    2 * minutes
  )

  it(
    'refuses to init the folder again, now that it holds a site',
    async () => {
      const again = await runCommand('npx', ['factdesk', 'init'], site)
      expect(again.exit, again.stderr).toBe(2)
      expect(again.stderr).toContain('--force')
    },
    2 * minutes
  )
})
