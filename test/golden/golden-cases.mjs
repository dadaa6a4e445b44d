/**
 * Golden digests (issue 16, item 6): the output of the sample site, every fixture site and a
 * 1,000-article bench corpus, recorded before the pipeline is re-shaped so that afterwards every
 * byte can be proven unchanged. Each case is built by the compiled CLI (`bin/factdesk.js`) in a
 * child process, into a temporary folder, with a fixed `SOURCE_DATE_EPOCH` and `--no-cache`; what
 * is kept is a SHA-256 per output file, the exit status and the SHA-256 of the `--format json`
 * report. Plain Node ESM, so that `record.mjs` runs without a TypeScript loader; `golden.test.ts`
 * uses the same functions for its quick subset. See README.md beside this file.
 */
import { spawn, execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, realpathSync } from 'node:fs'
import {
  cp,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  readlink,
  rm,
  stat,
  symlink,
  writeFile
} from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, relative, sep } from 'node:path'
import process from 'node:process'
import { URL, fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { Buffer } from 'node:buffer'
import { generateCorpus } from '../bench/generate-corpus.mjs'

/** The repository root. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/** Where the recorded digests live. */
export const digestsPath = join(projectRoot, 'test', 'golden', 'digests.json')

/** The CLI the cases are built with unless told otherwise. */
export const defaultCli = join(projectRoot, 'bin', 'factdesk.js')

/** The fixed "now" of every golden build (2026-01-01T00:00:00Z), as test/hardening uses. */
export const sourceDateEpoch = '1767225600'

/** Articles in the bench corpus case (default seed of `generate-corpus.mjs`). */
export const corpusArticles = 1000

/** A case keeps its per-file map only while that map's JSON stays under this many bytes. */
export const fileMapLimit = 2 * 1024 * 1024

/** The cases `npm test` checks (the rest run in `npm run golden` only). */
export const quickCases = ['sample', 'fixtures/factcheck-site', 'fixtures/hostile']

const fixturesDir = join(projectRoot, 'test', 'fixtures')

/**
 * Generated inputs of the bad-input corpus, by the name an `expected.json` gives: the same bytes
 * as `test/hardening/generated-inputs.ts` writes, copied here (that file is TypeScript) and frozen
 * with the digests, so a later edit of the hardening tests cannot move the golden inputs.
 * @type {Readonly<Record<string, (site: string, outside: string) => Promise<void>>>}
 */
export const generators = {
  'ten-megabyte-frontmatter': async (site) => {
    const title = 'A'.repeat(10 * 1024 * 1024)
    await put(site, 'content/bad.md', `---\ntitle: ${title}\ndate: 2025-11-04\n---\nBody.\n`)
  },
  'symlink-outside-site': async (site, outside) => {
    const target = join(outside, 'secret.md')
    await writeFile(
      target,
      '---\ntitle: Not ours\ndate: 2025-11-04\n---\nA secret with 3 figures.\n'
    )
    await symlink(target, join(site, 'content/outside.md'))
  },
  'data-symlink-outside-site': async (site, outside) => {
    const target = join(outside, 'secret.csv')
    await writeFile(target, 'date,close\n2025-11-03,100\n2025-11-04,107.5\n')
    await mkdir(join(site, 'data/markets'), { recursive: true })
    await symlink(target, join(site, 'data/markets/btc.csv'))
  },
  'million-row-data-file': async (site) => {
    const day = 24 * 60 * 60 * 1000
    const start = Date.UTC(100, 0, 1)
    const parts = ['date,close\n']
    for (let row = 0; row < 1_000_000; row++) {
      const date = new Date(start + row * day).toISOString().slice(0, 10)
      parts.push(`${date},${date === '2025-11-04' ? '107.5' : '100'}\n`)
    }
    await put(site, 'data/markets/big.csv', parts.join(''))
  }
}

/**
 * @typedef {object} GoldenCase
 * @property {string} name
 * @property {(site: string, outside: string) => Promise<void>} prepare writes the site's inputs
 */

/**
 * Every golden case, sorted by name, and the fixture cases that cannot be made (with why).
 * @returns {Promise<{ cases: GoldenCase[], skipped: { name: string, reason: string }[] }>}
 */
export async function listCases() {
  /** @type {GoldenCase[]} */
  const cases = [
    {
      name: 'sample',
      prepare: async (site) => {
        for (const folder of ['content', 'data', 'templates'])
          await cp(join(projectRoot, folder), join(site, folder), { recursive: true })
      }
    },
    {
      name: `bench-${corpusArticles}`,
      prepare: async (site) => {
        await generateCorpus({ dir: site, articles: corpusArticles })
      }
    }
  ]
  const skipped = []
  for (const dir of await siteFolders(fixturesDir)) {
    const name = `fixtures/${relative(fixturesDir, dir).split(sep).join('/')}`
    const expected = await readFile(join(dir, 'expected.json'), 'utf8').then(
      (text) => JSON.parse(text),
      () => ({})
    )
    const generate = expected.generate === undefined ? undefined : generators[expected.generate]
    if (expected.generate !== undefined && generate === undefined) {
      skipped.push({ name, reason: `unknown generator "${expected.generate}"` })
      continue
    }
    cases.push({
      name,
      prepare: async (site, outside) => {
        // expected.json is the test's, not the site's: leave it out so re-recording it
        // (UPDATE=1) never changes a golden input.
        await cp(dir, site, {
          recursive: true,
          filter: (source) => source !== join(dir, 'expected.json')
        })
        if (generate) await generate(site, outside)
      }
    })
  }
  cases.sort((a, b) => compareNames(a.name, b.name))
  return { cases, skipped }
}

/** Cases whose name is `only` or starts with `only/` (a group such as `fixtures/bad-input`). */
export function selectCases(cases, only) {
  if (only === undefined) return cases
  const prefix = only.endsWith('/') ? only : `${only}/`
  return cases.filter((entry) => entry.name === only || entry.name.startsWith(prefix))
}

/** Folders under `dir` that are sites (holding `content/` or `data/site.yaml`), not descending into sites. */
async function siteFolders(dir) {
  const found = []
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort(compareNames)
  for (const name of entries) {
    const child = join(dir, name)
    if (existsSync(join(child, 'content')) || existsSync(join(child, 'data', 'site.yaml')))
      found.push(child)
    else found.push(...(await siteFolders(child)))
  }
  return found
}

/** Code-unit order, the same on every machine (no locale). */
export function compareNames(a, b) {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Hex SHA-256 of bytes or a string. */
export function sha256(data) {
  return createHash('sha256').update(data).digest('hex')
}

/**
 * Every file under `dir` as `/`-separated relative path -> SHA-256, sorted; a symbolic link is
 * digested as `symlink:` and its target with `dir` replaced by `<case>`. A missing `dir` is empty.
 * @returns {Promise<Record<string, string>>}
 */
export async function digestFolder(dir, caseDir = dir) {
  if (!existsSync(dir)) return {}
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const rows = []
  for (const entry of entries) {
    const full = join(entry.parentPath, entry.name)
    const path = relative(dir, full).split(sep).join('/')
    if (entry.isSymbolicLink()) {
      const target = (await readlink(full)).split(caseDir).join('<case>')
      rows.push([path, sha256(`symlink:${target}`)])
    } else if (entry.isFile()) rows.push([path, sha256(await readFile(full))])
  }
  rows.sort((a, b) => compareNames(a[0], b[0]))
  return Object.fromEntries(rows)
}

/** One SHA-256 for a whole folder: over `path NUL sha256 LF` of each file, in path order. */
export function treeDigest(files) {
  const hash = createHash('sha256')
  for (const path of Object.keys(files).sort(compareNames)) hash.update(`${path}\0${files[path]}\n`)
  return hash.digest('hex')
}

/**
 * The environment of every golden build: a fixed "now", no colour, CI (no progress line), UTC
 * and a plain locale, and no `FACTDESK_*` setting of the caller's.
 */
export function goldenEnv() {
  const env = { ...process.env }
  for (const key of Object.keys(env))
    if (key.startsWith('FACTDESK_') || key.startsWith('LC_')) delete env[key]
  return {
    ...env,
    SOURCE_DATE_EPOCH: sourceDateEpoch,
    NO_COLOR: '1',
    CI: 'true',
    TZ: 'UTC',
    LANG: 'C.UTF-8'
  }
}

/**
 * Runs `node cli ...args`, collecting stdout as bytes.
 * @returns {Promise<{ exit: number | null, signal: string | null, stdout: Buffer, stderr: string }>}
 */
export function runCli(cli, args, timeoutMs = 15 * 60 * 1000) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: goldenEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs
    })
    const out = []
    let stderr = ''
    child.stdout.on('data', (chunk) => out.push(chunk))
    child.stderr.on('data', (chunk) => {
      stderr += chunk.toString()
    })
    child.on('error', reject)
    child.on('close', (exit, signal) =>
      resolve({ exit, signal, stdout: Buffer.concat(out), stderr })
    )
  })
}

/**
 * @typedef {object} CaseRecord
 * @property {string} inputs tree digest of the site and its `outside` folder as built, so that a
 *   changed input is told apart from a changed output
 * @property {number | null} exit
 * @property {{ sha256: string, bytes: number, summary: unknown }} report stdout of `--format json`,
 *   with the case's temporary folder replaced by `<case>`; `summary` is the report's, for reading
 * @property {number} fileCount
 * @property {string} tree one digest of the whole output (see `treeDigest`)
 * @property {Record<string, string>} [files] per-file SHA-256, when under `fileMapLimit`
 */

/**
 * Builds one case into a temporary folder under `scratch` and digests what it wrote.
 * @param {GoldenCase} goldenCase
 * @param {{ cli?: string, scratch: string }} options
 * @returns {Promise<CaseRecord>}
 */
export async function runCase(goldenCase, { cli = defaultCli, scratch }) {
  const dir = await mkdtemp(join(scratch, `${goldenCase.name.replace(/[^a-z0-9-]+/gi, '_')}-`))
  try {
    const site = join(dir, 'site')
    const outside = join(dir, 'outside')
    const out = join(dir, 'out')
    await mkdir(site, { recursive: true })
    await mkdir(outside, { recursive: true })
    await goldenCase.prepare(site, outside)
    const inputs = treeDigest(await digestFolder(dir))
    const run = await runCli(cli, [
      'build',
      '--root',
      site,
      '--out',
      out,
      '--no-cache',
      '--format',
      'json'
    ])
    if (run.signal) throw new Error(`${goldenCase.name}: the build was killed by ${run.signal}`)
    const report = normalizePaths(run.stdout.toString('utf8'), dir)
    let summary = null
    try {
      summary = JSON.parse(report).summary ?? null
    } catch {
      throw new Error(
        `${goldenCase.name}: the build printed no JSON report (exit ${run.exit})\n${run.stderr}`
      )
    }
    const files = await digestFolder(out, dir)
    const fileCount = Object.keys(files).length
    const record = {
      inputs,
      exit: run.exit,
      report: { sha256: sha256(report), bytes: Buffer.byteLength(report), summary },
      fileCount,
      tree: treeDigest(files)
    }
    return JSON.stringify(files).length < fileMapLimit ? { ...record, files } : record
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** `text` with the case folder (as given and as the system resolves it) written `<case>`. */
function normalizePaths(text, dir) {
  const forms = [...new Set([dir, realpathSync(dir)])].sort((a, b) => b.length - a.length)
  return forms.reduce((result, form) => result.split(form).join('<case>'), text)
}

/**
 * What differs between a recorded case and a fresh one, one line each, at most `limit` paths.
 * @param {CaseRecord} expected
 * @param {CaseRecord} actual
 * @returns {string[]}
 */
export function compareCase(expected, actual, limit = 20) {
  const lines = []
  if (expected.inputs !== actual.inputs)
    lines.push(
      'inputs changed: the site built is not the one recorded (fixture or generator edited)'
    )
  if (expected.exit !== actual.exit)
    lines.push(`exit status ${actual.exit}, recorded ${expected.exit}`)
  if (expected.report.sha256 !== actual.report.sha256)
    lines.push(
      `report (stdout of --format json) differs: ${actual.report.bytes} bytes, recorded ${expected.report.bytes}`
    )
  if (expected.tree === actual.tree) return lines
  if (expected.files === undefined || actual.files === undefined) {
    lines.push(
      `output tree digest differs: ${actual.fileCount} files, recorded ${expected.fileCount} (no per-file map kept)`
    )
    return lines
  }
  const paths = [...new Set([...Object.keys(expected.files), ...Object.keys(actual.files)])].sort(
    compareNames
  )
  const differing = []
  for (const path of paths) {
    const before = expected.files[path]
    const after = actual.files[path]
    if (before === after) continue
    differing.push(
      before === undefined
        ? `new: ${path}`
        : after === undefined
          ? `missing: ${path}`
          : `changed: ${path}`
    )
  }
  lines.push(...differing.slice(0, limit))
  if (differing.length > limit) lines.push(`... and ${differing.length - limit} more files`)
  return lines
}

/** The recorded digests, or undefined when none were recorded. */
export async function readDigests(path = digestsPath) {
  try {
    return JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    if (error && error.code === 'ENOENT') return undefined
    throw error
  }
}

/** Writes the digests, cases sorted by name, pretty-printed, so equal records give equal bytes. */
export async function writeDigests(cases, path = digestsPath) {
  const sorted = Object.fromEntries(
    Object.keys(cases)
      .sort(compareNames)
      .map((name) => [name, cases[name]])
  )
  const document = {
    about:
      'Golden digests of factdesk builds (issue 16, item 6). Check: npm run golden. Re-record only for a change meant to change output: see test/golden/README.md.',
    sourceDateEpoch,
    cases: sorted
  }
  await writeFile(path, `${JSON.stringify(document, null, 2)}\n`)
}

const run = promisify(execFile)

/**
 * Compiles `src/` into `lib/` when `lib/cli.js` is missing or older than a source file, as
 * `test/helpers/compiled-cli.ts` does, so a golden check never runs stale code.
 */
export async function ensureCompiled() {
  const libTime = await stat(join(projectRoot, 'lib', 'cli.js')).then(
    (stats) => stats.mtimeMs,
    () => 0
  )
  const sources = await readdir(join(projectRoot, 'src'), { recursive: true, withFileTypes: true })
  let newest = 0
  for (const entry of sources)
    if (entry.isFile())
      newest = Math.max(newest, (await lstat(join(entry.parentPath, entry.name))).mtimeMs)
  if (newest <= libTime) return false
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  // tsc still emits when a file has type errors; only a missing CLI is fatal.
  await run(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: projectRoot,
    timeout: 300_000
  }).catch(() => undefined)
  await stat(join(projectRoot, 'lib', 'cli.js'))
  return true
}

async function put(site, path, content) {
  await mkdir(dirname(join(site, path)), { recursive: true })
  await writeFile(join(site, path), content)
}
