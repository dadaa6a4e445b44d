/**
 * The sites whose checks are known, for the suggestion suite: the sample site (the repository's
 * own `content/` and `data/`), every fixture site under `test/fixtures/` with checked articles,
 * and a deterministic slice of the benchmark's generated newsroom.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateCorpus } from '../../bench/generate-corpus.mjs'
import { markdownFiles } from './strip-checks.js'

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** The fixture sites (a `content/` folder of their own) with at least one `checks:` entry. */
export async function fixtureSites(): Promise<{ name: string; root: string }[]> {
  const fixtures = join(repoRoot, 'test', 'fixtures')
  const sites: { name: string; root: string }[] = []
  for (const entry of await readdir(fixtures, { withFileTypes: true })) {
    const root = join(fixtures, entry.name)
    if (!entry.isDirectory() || !existsSync(join(root, 'content'))) continue
    const texts = await Promise.all(
      (await markdownFiles(join(root, 'content'))).map((file) => readFile(file, 'utf8'))
    )
    if (texts.some((text) => /^checks:/mu.test(text))) sites.push({ name: entry.name, root })
  }
  return sites.sort((a, b) => a.name.localeCompare(b.name))
}

/**
 * The bench corpus's first `articles` articles at its default seed, in a new temporary folder,
 * its three series described as a data desk using the data dictionary would (issue 19), in the
 * dollars its articles quote them in: the articles call them "the Alder index", the files
 * `aaa.csv`, and only the description links the two. Without it no reading can tell the series apart by the sentence's words.
 */
export async function benchSlice(articles: number): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'factdesk-suggest-bench-')), 'corpus')
  await generateCorpus({ dir, articles })
  for (const [file, subject] of benchSubjects)
    await writeFile(
      join(dir, 'data', 'markets', `${file}.about.yaml`),
      `title: ${subject} daily prices\nsubject: ${subject}\ncolumns:\n` +
        '  open: { label: opening level, unit: USD }\n  high: { label: daily high, unit: USD }\n' +
        '  low: { label: daily low, unit: USD }\n  close: { label: closing level, unit: USD }\n'
    )
  return dir
}

/** The bench's series (test/bench/market-data.mjs) and the names its articles give them. */
const benchSubjects = [
  ['aaa', 'Alder index'],
  ['bbb', 'Birch index'],
  ['ccc', 'Cedar index']
] as const
