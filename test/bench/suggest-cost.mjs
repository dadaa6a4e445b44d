/**
 * What suggestion costs (issue 20: under 50 ms per article of ten figures over three 1,800-row
 * datasets). A corpus of its own is generated with the bench's generator (an article has ten
 * figures of varied kinds, sixteen with a table, and reads `data/markets/{aaa,bbb,ccc}.csv`,
 * 1,800 daily rows of five columns), its checks are taken away so every figure is unchecked, and
 * each article is read and its figures found as `--suggest` finds them; the first articles with
 * exactly ten figures are kept. Only `suggestForArticle` is timed: reading, parsing and the data
 * store are the build's work, done once. Needs `lib/`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { unified } from 'unified'
import { projectRoot } from './builders.mjs'
import { defaultSeed, generateCorpus } from './generate-corpus.mjs'
import { listArticles } from './page-count.mjs'

const lib = (path) => import(join(projectRoot, 'lib', path))

/** The bound issue 20 sets, in milliseconds per article. */
export const suggestBoundMs = 50

/** The figures of an article the bound is set for. */
const figuresPerArticle = 10

/**
 * The median milliseconds per article of suggesting checks for every figure of `articles`
 * generated articles, over `runs` runs.
 * @param {{ articles?: number, runs?: number, seed?: number }} options
 * @returns {Promise<{ articles: number, figures: number, suggestions: number, runs: number[], msPerArticle: number }>}
 */
export async function suggestCost({ articles = 50, runs = 5, seed = defaultSeed } = {}) {
  const work = await mkdtemp(join(tmpdir(), 'factdesk-suggest-cost-'))
  try {
    const corpus = join(work, 'corpus')
    // Every fifth article has a table (sixteen figures): enough are generated to keep `articles`.
    await generateCorpus({ dir: corpus, articles: Math.ceil(articles * 1.25) + 1, seed })
    const inputs = await articleInputs(corpus, articles)
    const { suggestForArticle } = await lib('suggest/suggest-article.js')
    const { explainingIn, wordingFor } = await lib('i18n/explain-words.js')
    const wording = wordingFor(inputs.settings)
    const times = []
    let suggestions = 0
    for (let run = 0; run < runs; run++) {
      suggestions = 0
      const start = performance.now()
      for (const input of inputs.articles) {
        const found = explainingIn(wording, () => suggestForArticle(input))
        for (const list of found.values()) suggestions += list.length
      }
      times.push(performance.now() - start)
    }
    const figures = inputs.articles.reduce((total, input) => total + input.figures.length, 0)
    const msPerArticle = median(times) / inputs.articles.length
    return { articles: inputs.articles.length, figures, suggestions, runs: times, msPerArticle }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/**
 * The first `count` articles of `corpus` with ten figures, without their checks, read as
 * `withSuggestions` reads them.
 */
async function articleInputs(corpus, count) {
  const [{ articleFile, isLoaded }, { decodeArticle }, settingsModule, dataModule] =
    await Promise.all([
      lib('article/article-file.js'),
      lib('content/load-article.js'),
      lib('settings/load-settings.js'),
      lib('checks/datasets/load-data-store.js')
    ])
  const [{ markdownParser, nestingGuard }, { findFigures }] = await Promise.all([
    lib('markdown/parse-plugin.js'),
    lib('figures/figures-plugin.js')
  ])
  const { settings } = await settingsModule.loadSettings(corpus)
  const processor = unified()
    .use(markdownParser)
    .use(nestingGuard)
    .use(findFigures, { notFigures: settings.not_figures })
    .freeze()
  const files = []
  for (const path of await listArticles(corpus)) {
    const text = withoutChecks(await readFile(path, 'utf8'))
    const file = articleFile(path.slice(corpus.length + 1))
    decodeArticle(file, new TextEncoder().encode(text), settings)
    if (!isLoaded(file)) throw new Error(`${path} did not load`)
    processor.runSync(processor.parse(file), file)
    if (file.data.found?.length === figuresPerArticle) files.push(file)
    if (files.length === count) break
  }
  const paths = new Set(files.flatMap((file) => Object.values(file.data.frontmatter.data)))
  const { store } = await dataModule.loadDataStore(corpus, paths)
  const articles = files.map((file) => ({
    frontmatter: file.data.frontmatter,
    prose: file.data.prose,
    figures: file.data.found,
    allFigures: file.data.found,
    store,
    tolerance: settings.factcheck.tolerance
  }))
  return { settings, articles }
}

/**
 * `markdown` without its frontmatter's `checks:` block: the generator writes it as a key at the
 * start of a line followed by indented lines, so every figure of the article is left unchecked.
 * @param {string} markdown
 */
export function withoutChecks(markdown) {
  return markdown.replace(/^checks:\n(?:[ \t]+.*\n)*/mu, '')
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * The suggestion line of the bench: milliseconds per article against the bound.
 * @param {{ articles: number, figures: number, suggestions: number, runs: number[], msPerArticle: number }} cost
 */
export function formatSuggestCost(cost) {
  const perArticle = cost.articles === 0 ? 0 : cost.figures / cost.articles
  const verdict = cost.msPerArticle < suggestBoundMs ? 'within' : 'OVER'
  return `Suggest: ${cost.msPerArticle.toFixed(1)} ms per article (median of ${cost.runs.length} runs over ${cost.articles} articles of ${perArticle.toFixed(1)} unchecked figures and three 1,800-row datasets; ${cost.suggestions} suggestions) = ${verdict} the ${suggestBoundMs} ms bound of issue 20`
}
