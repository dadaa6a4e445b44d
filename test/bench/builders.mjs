/**
 * The three builders the benchmark compares, each as "make it cold, then this command":
 * factdesk (`bin/factdesk.js build`), Eleventy 3 (`eleventy/build.mjs`) and Hugo (the `hugo`
 * binary, when the machine has one). Every builder writes into its own output folder under the
 * benchmark's work folder, never into the repository.
 */
import { spawnSync } from 'node:child_process'
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import process from 'node:process'
import { URL, fileURLToPath } from 'node:url'
import { parse, stringify } from 'yaml'

/** The repository root, where `bin/factdesk.js` and `node_modules/` are. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

const benchDir = fileURLToPath(new URL('./', import.meta.url))

/**
 * @typedef {object} Builder
 * @property {'ours' | 'eleventy' | 'hugo'} id
 * @property {string} out the output folder
 * @property {() => Promise<void>} makeCold sets aside the output and every cache the builder keeps
 * @property {string} command
 * @property {string[]} args
 */

/**
 * factdesk's build of the corpus. `--quiet` keeps the thousands of `figure-unchecked` warnings of
 * a standard-mode site off the terminal, as Eleventy's quiet mode and `hugo --quiet` do.
 * @param {{ corpus: string, work: string }} where
 * @returns {Builder}
 */
export function oursBuilder({ corpus, work }) {
  const out = join(work, 'out-factdesk')
  return {
    id: 'ours',
    out,
    makeCold: async () => {
      for (const dir of [out, ...factdeskCaches(corpus)]) await setAside(dir, work)
    },
    command: process.execPath,
    args: [
      join(projectRoot, 'bin', 'factdesk.js'),
      'build',
      '--root',
      corpus,
      '--out',
      out,
      '--quiet'
    ]
  }
}

/**
 * The build caches factdesk may keep: under the site's `node_modules/.cache/factdesk/` and the
 * project's. Deleting them is what makes a build cold.
 * @param {string} corpus
 */
export function factdeskCaches(corpus) {
  return [
    join(corpus, 'node_modules', '.cache', 'factdesk'),
    join(projectRoot, 'node_modules', '.cache', 'factdesk')
  ]
}

/**
 * Eleventy 3 building the corpus with the equivalent templates of `eleventy/`.
 * @param {{ corpus: string, work: string }} where
 * @returns {Builder}
 */
export function eleventyBuilder({ corpus, work }) {
  const out = join(work, 'out-eleventy')
  return {
    id: 'eleventy',
    out,
    makeCold: () => setAside(out, work),
    command: process.execPath,
    args: [join(benchDir, 'eleventy', 'build.mjs'), corpus, out]
  }
}

/**
 * Where `setAside` moves folders; `run.mjs` deletes it once the last build was measured.
 * @param {string} work
 */
export const setAsideFolder = (work) => join(work, 'set-aside')

let setAsideCount = 0

/**
 * Moves `dir` out of the way, to be deleted once every build was measured. Deleting it right
 * before a build would bill that build for the deletion: on ext4 without a journal (this kind of
 * VM) a new inode is searched for past every inode freed in the last 60 s (up to 6 min while the
 * inode table is unwritten), so creating thousands of files right after deleting thousands costs
 * a scan per file, seen as 3 to 11 s of system time in one cold build. No builder meets that in a
 * CI checkout or an editor's first build. A folder on another file system is deleted instead.
 * @param {string} dir
 * @param {string} work the benchmark's work folder
 */
export async function setAside(dir, work) {
  const aside = setAsideFolder(work)
  await mkdir(aside, { recursive: true })
  await rename(dir, join(aside, `${Date.now()}-${++setAsideCount}`)).catch(async (error) => {
    if (error?.code === 'ENOENT') return
    await rm(dir, { recursive: true, force: true })
  })
}

/**
 * Hugo's version line, or undefined when no `hugo` is on the PATH.
 */
export function hugoVersion() {
  const result = spawnSync('hugo', ['version'], { encoding: 'utf8' })
  return result.status === 0 ? result.stdout.trim() : undefined
}

/**
 * Hugo building the corpus with the layouts of `hugo/`, staged into the work folder with a config
 * that points `contentDir` at the corpus (Hugo writes a lock file and `resources/` into its site
 * folder, so the repository's copy is never used directly).
 * @param {{ corpus: string, work: string }} where
 * @returns {Promise<Builder>}
 */
export async function hugoBuilder({ corpus, work }) {
  const site = join(work, 'hugo-site')
  const out = join(work, 'out-hugo')
  const cache = join(work, 'hugo-cache')
  await rm(site, { recursive: true, force: true })
  await mkdir(site, { recursive: true })
  await stageLayouts(join(benchDir, 'hugo', 'layouts'), join(site, 'layouts'))
  await writeFile(join(site, 'hugo.yaml'), await hugoConfig(corpus))
  return {
    id: 'hugo',
    out,
    makeCold: async () => {
      for (const dir of [out, cache, join(site, 'resources')]) await setAside(dir, work)
    },
    command: 'hugo',
    args: ['--quiet', '-s', site, '-d', out, '--cacheDir', cache]
  }
}

/**
 * Copies the Hugo layouts, dropping the `.gotmpl` suffix they are kept under: Prettier cannot
 * parse Go templates and would fail `npm run format` on files named `.html`.
 */
async function stageLayouts(from, to) {
  const entries = await readdir(from, { recursive: true, withFileTypes: true })
  for (const entry of entries.filter((item) => item.isFile() && item.name.endsWith('.gotmpl'))) {
    const source = join(entry.parentPath ?? entry.path, entry.name)
    const target = join(to, relative(from, source).replace(/\.gotmpl$/, ''))
    await mkdir(dirname(target), { recursive: true })
    await copyFile(source, target)
  }
}

/**
 * The staged Hugo config: the repository's `hugo/hugo.yaml` plus the corpus's content folder, its
 * title and URL, and the brief permalink for every year folder (Hugo's sections are the top-level
 * folders, and permalinks are set per section).
 */
async function hugoConfig(corpus) {
  const config = parse(await readFile(join(benchDir, 'hugo', 'hugo.yaml'), 'utf8'))
  const settings = parse(await readFile(join(corpus, 'data', 'site.yaml'), 'utf8')) ?? {}
  const years = (await readdir(join(corpus, 'content'), { withFileTypes: true })).filter((entry) =>
    entry.isDirectory()
  )
  config.contentDir = join(corpus, 'content')
  config.title = settings.title ?? 'Benchmark'
  config.baseURL = settings.url ?? 'https://bench.example.org/'
  config.params = { description: settings.description ?? '' }
  for (const year of years) config.permalinks[year.name] = '/:year/:month/:day/:filename/'
  return stringify(config)
}
