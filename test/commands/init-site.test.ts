import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { build } from '../../src/build.js'
import { initSite } from '../../src/commands/init-site.js'
import { siteScripts } from '../../src/commands/init-package-json.js'
import { siteName, starterFiles } from '../../src/commands/init-starter-files.js'
import { settingsSchema } from '../../src/settings/settings-schema.js'
import { readTree } from '../helpers/read-tree.js'
import { tempFolders } from '../helpers/temp-folders.js'

const tempFolder = tempFolders('init')
const ownVersion = (
  JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
).version

/** What npm leaves in a folder after `npm install <tarball>`. */
async function npmInstalledFolder(manifest: object): Promise<string> {
  const dir = await tempFolder()
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  await writeFile(join(dir, 'package-lock.json'), '{"lockfileVersion": 3}\n')
  await mkdir(join(dir, 'node_modules/factdesk'), { recursive: true })
  return dir
}

async function scaffold(dir: string, force = false) {
  const result = await initSite({ dir, force })
  if (!result.ok) throw new Error(result.message)
  return result
}

/** The parts of a GitHub Actions workflow the tests read. */
interface Workflow {
  jobs: Record<
    string,
    {
      steps: { run?: string; uses?: string }[]
      permissions?: Record<string, string>
      environment?: { name: string }
    }
  >
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
}

describe('factdesk init', () => {
  it('creates a missing folder and copies every starter file into it, byte for byte', async () => {
    const dir = join(await tempFolder(), 'news', 'site')
    const result = await scaffold(dir)
    const starter = await starterFiles()
    expect(result.dir).toBe(dir)
    expect(result.skipped).toEqual([])
    expect(result.files).toEqual([...starter.map((file) => file.target), 'package.json'].sort())
    for (const file of starter)
      expect(await readFile(join(dir, file.target))).toEqual(await readFile(file.source))
  })

  it('scaffolds a newsroom: a story with data, settings, public/, .gitignore and a workflow', async () => {
    const dir = await tempFolder()
    const { files } = await scaffold(dir)
    expect(files).toEqual(
      expect.arrayContaining([
        '.github/workflows/publish.yml',
        '.gitignore',
        'data/site.yaml',
        'public/favicon.svg',
        'package.json'
      ])
    )
    expect(
      files.filter((file) => file.startsWith('content/') && file.endsWith('.md'))
    ).toHaveLength(1)
    expect((await readFile(join(dir, '.gitignore'), 'utf8')).split('\n')).toEqual(
      expect.arrayContaining(['node_modules/', 'dist/'])
    )
  })

  it('writes data/site.yaml with every settings key, each with a comment', async () => {
    const dir = await tempFolder()
    await scaffold(dir)
    const text = await readFile(join(dir, 'data/site.yaml'), 'utf8')
    const settings = parse(text) as Record<string, unknown>
    expect(Object.keys(settings).sort()).toEqual(Object.keys(settingsSchema.shape).sort())
    const lines = text.split('\n')
    for (const key of Object.keys(settingsSchema.shape)) {
      const at = lines.findIndex((line) => line.startsWith(`${key}:`))
      expect(lines[at - 1], `the line above ${key}:`).toMatch(/^#/)
    }
  })

  it('writes a publish workflow that only installs, builds --strict and deploys to Pages', async () => {
    const dir = await tempFolder()
    await scaffold(dir)
    const workflow = parse(
      await readFile(join(dir, '.github/workflows/publish.yml'), 'utf8')
    ) as Workflow
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
    expect(steps.flatMap((step) => (step.run === undefined ? [] : [step.run]))).toEqual([
      'npm ci --no-audit --no-fund',
      'npx factdesk build --strict --format github'
    ])
    const actions = steps.flatMap((step) => (step.uses === undefined ? [] : [step.uses]))
    expect(actions.map((action) => action.split('@')[0])).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/upload-pages-artifact',
      'actions/deploy-pages'
    ])
    expect(workflow.jobs.deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' })
    expect(workflow.jobs.deploy?.environment?.name).toBe('github-pages')
  })

  it('writes files with the usual mode of a new file, never executable', async () => {
    const dir = await tempFolder()
    for (const file of (await scaffold(dir)).files)
      expect((await stat(join(dir, file))).mode & 0o111).toBe(0)
  })

  it('writes a package.json depending on this version of factdesk, with the site scripts', async () => {
    const dir = await tempFolder()
    await scaffold(dir)
    const text = await readFile(join(dir, 'package.json'), 'utf8')
    expect(text).toBe(
      `${JSON.stringify(
        {
          private: true,
          scripts: siteScripts,
          dependencies: { factdesk: `^${ownVersion}` }
        },
        null,
        2
      )}\n`
    )
  })

  it('takes a folder holding only what npm install and git init leave for empty', async () => {
    const dir = await npmInstalledFolder({ dependencies: { factdesk: 'file:../factdesk.tgz' } })
    await mkdir(join(dir, '.git'))
    const result = await scaffold(dir)
    expect(result.files).toContain('data/site.yaml')
    expect(result.skipped).toEqual([])
  })

  it("merges into npm's package.json: adds missing scripts, keeps every key and spec as written", async () => {
    const dir = await npmInstalledFolder({
      name: 'ledger',
      scripts: { build: 'factdesk build --drafts' },
      dependencies: { factdesk: 'file:../factdesk-0.1.0.tgz', luxon: '^3.0.0' }
    })
    const result = await scaffold(dir)
    expect(result.files).toContain('package.json')
    const text = await readFile(join(dir, 'package.json'), 'utf8')
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`)
    expect(JSON.parse(text)).toEqual({
      name: 'ledger',
      scripts: { ...siteScripts, build: 'factdesk build --drafts' },
      dependencies: { factdesk: 'file:../factdesk-0.1.0.tgz', luxon: '^3.0.0' }
    })
  })

  it('adds factdesk to a package.json that does not depend on it', async () => {
    const dir = await npmInstalledFolder({ name: 'ledger', devDependencies: { vitest: '^4.0.0' } })
    await scaffold(dir)
    expect((await readJson(join(dir, 'package.json'))).dependencies).toEqual({
      factdesk: `^${ownVersion}`
    })
  })

  it('leaves a package.json that has everything untouched and reports it skipped', async () => {
    const dir = await npmInstalledFolder({
      scripts: { ...siteScripts },
      devDependencies: { factdesk: '^0.1.0' }
    })
    const before = await readFile(join(dir, 'package.json'))
    const result = await scaffold(dir)
    expect(result.skipped).toEqual(['package.json'])
    expect(await readFile(join(dir, 'package.json'))).toEqual(before)
  })

  it('refuses a folder holding anything else, names --force, and writes nothing', async () => {
    const dir = await npmInstalledFolder({ dependencies: { factdesk: '^0.1.0' } })
    await writeFile(join(dir, 'notes.txt'), 'Monday: markets desk\n')
    const before = await readTree(dir)
    const result = await initSite({ dir, force: false })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.message).toContain('notes.txt')
    expect(result.message).toContain('--force')
    expect(await readTree(dir)).toEqual(before)
  })

  it('refuses a folder whose only entry is a dot-file other than .git', async () => {
    const dir = await tempFolder()
    await writeFile(join(dir, '.env'), 'TOKEN=x\n')
    expect((await initSite({ dir, force: false })).ok).toBe(false)
  })

  it('with force, writes only the missing files and skips the rest, overwriting nothing', async () => {
    const dir = await tempFolder()
    await mkdir(join(dir, 'data'))
    await writeFile(join(dir, 'data/site.yaml'), 'title: The Ledger\n')
    await writeFile(join(dir, 'notes.txt'), 'keep me\n')
    const result = await scaffold(dir, true)
    expect(result.skipped).toEqual(['data/site.yaml'])
    expect(result.files).toContain('.gitignore')
    expect(await readFile(join(dir, 'data/site.yaml'), 'utf8')).toBe('title: The Ledger\n')
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('keep me\n')
  })

  it('run twice with force, writes nothing the second time', async () => {
    const dir = await tempFolder()
    const first = await scaffold(dir)
    const second = await scaffold(dir, true)
    expect(second.files).toEqual([])
    expect(second.skipped).toEqual(first.files)
  })

  it('refuses a package.json that is not JSON before writing anything', async () => {
    const dir = await tempFolder()
    await writeFile(join(dir, 'package.json'), '{ "name": "ledger", }\n')
    const result = await initSite({ dir, force: false })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toContain('package.json is not valid JSON')
    expect(await readdir(dir)).toEqual(['package.json'])
  })

  it('refuses a path that is a file', async () => {
    const file = join(await tempFolder(), 'site')
    await writeFile(file, '')
    const result = await initSite({ dir: file, force: true })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toContain('is a file')
  })

  it('names dot-files of the starter folder with their leading dot', () => {
    expect(siteName(join('dot-github', 'workflows', 'publish.yml'))).toBe(
      '.github/workflows/publish.yml'
    )
    expect(siteName('dot-gitignore')).toBe('.gitignore')
    expect(siteName(join('data', 'site.yaml'))).toBe('data/site.yaml')
  })

  it('scaffolds a site whose every figure and assert is verified under --strict', async () => {
    const dir = await tempFolder()
    await scaffold(dir)
    const result = await build({
      root: dir,
      out: join(dir, 'dist'),
      strict: true,
      drafts: false,
      now: DateTime.fromISO('2026-12-01T00:00:00Z'),
      write: false
    })
    expect(result.exit).toBe(0)
    const [story, ...others] = result.report.articles
    expect(others).toEqual([])
    expect(story?.problems).toEqual([])
    expect(story?.figures.length).toBeGreaterThan(0)
    expect(story?.figures.map((figure) => figure.status)).toEqual(
      story?.figures.map(() => 'verified')
    )
    expect(story?.asserts.map((assert) => assert.status)).toEqual(['verified'])
    expect(result.report.summary.warnings).toBe(0)
  })
})
