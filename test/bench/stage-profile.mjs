/**
 * What the figures and the checks cost in a cold build (issue 17: under 25%). Every article of the
 * corpus goes through the build's own stages in this thread, each plugin of the article processor
 * timed on its own: load (bytes to frontmatter), parse (Markdown), figures (prose + detection),
 * checks (binding, expressions, verdicts) and body (HTML). The figures + checks time is then set
 * against a cold build of the same corpus whose article work runs on one worker thread, so both
 * sides are one thread's work. Needs a compiled `lib/`.
 */
import { spawnSync } from 'node:child_process'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import process from 'node:process'
import { performance } from 'node:perf_hooks'
import { unified } from 'unified'
import { projectRoot } from './builders.mjs'
import { chartCost, formatChartCost } from './chart-cost.mjs'
import { listArticles } from './page-count.mjs'

const lib = (path) => import(join(projectRoot, 'lib', path))

/**
 * Seconds spent in each stage over every article of `corpus`, and a cold one-worker build's.
 * @param {string} corpus site root
 * @param {string} work folder for the build's output
 * @returns {Promise<{ articles: number, stages: Record<string, number>, coldBuild: number, charts: { seconds: number, charts: number, bytes: number } }>}
 */
export async function profileStages(corpus, work) {
  const [{ articleFile, isLoaded }, { decodeArticle }, settingsModule, dataModule] =
    await Promise.all([
      lib('article/article-file.js'),
      lib('content/load-article.js'),
      lib('settings/load-settings.js'),
      lib('checks/datasets/load-data-store.js')
    ])
  const [{ markdownParser, nestingGuard }, { findFigures }, { factcheck }, { bodyHtml }] =
    await Promise.all([
      lib('markdown/parse-plugin.js'),
      lib('figures/figures-plugin.js'),
      lib('checks/factcheck-plugin.js'),
      lib('render/body-plugin.js')
    ])
  const { settings } = await settingsModule.loadSettings(corpus)
  const stages = { load: 0, parse: 0, figures: 0, checks: 0, body: 0 }
  const files = (await listArticles(corpus)).map((path) => path.slice(corpus.length + 1))

  const loaded = []
  for (const path of files) {
    const bytes = await readFile(join(corpus, path))
    const start = performance.now()
    const file = articleFile(path)
    decodeArticle(file, bytes, settings)
    stages.load += performance.now() - start
    if (isLoaded(file)) loaded.push(file)
  }
  const paths = new Set(loaded.flatMap((file) => Object.values(file.data.frontmatter.data)))
  const { store } = await dataModule.loadDataStore(corpus, paths)
  const context = { settings, store, strict: false }
  const processor = unified()
    .use(markdownParser)
    .use(timed(nestingGuard, stages, 'parse'))
    .use(timed(findFigures, stages, 'figures'), { notFigures: settings.not_figures })
    .use(timed(factcheck, stages, 'checks'), context)
    .use(timed(bodyHtml, stages, 'body'), { settings })
    .freeze()
  for (const file of loaded) {
    const start = performance.now()
    const tree = processor.parse(file)
    stages.parse += performance.now() - start
    processor.runSync(tree, file)
  }
  for (const stage of Object.keys(stages)) stages[stage] /= 1000
  const charts = await chartCost(loaded, store, settings)

  const out = join(work, 'out-profile')
  const build = join(projectRoot, 'bin', 'factdesk.js')
  const args = [build, 'build', '--root', corpus, '--out', out, '--no-cache', '--quiet']
  const env = { ...process.env, FACTDESK_WORKERS: '1' }
  const started = performance.now()
  const run = spawnSync(process.execPath, args, { env, stdio: 'ignore' })
  const coldBuild = (performance.now() - started) / 1000
  await rm(out, { recursive: true, force: true })
  if (run.status !== 0) throw new Error(`the one-worker cold build exited ${run.status}`)
  return { articles: loaded.length, stages, coldBuild, charts }
}

/**
 * The profile as two lines: each stage's seconds, and figures + checks as a share of the build.
 * @param {{ articles: number, stages: Record<string, number>, coldBuild: number, charts?: { seconds: number, charts: number, bytes: number } }} profile
 */
export function formatProfile(profile) {
  const seconds = (value) => `${value.toFixed(2)} s`
  const list = Object.entries(profile.stages)
    .map(([stage, value]) => `${stage} ${seconds(value)}`)
    .join(', ')
  const ours = profile.stages.figures + profile.stages.checks
  const share = ((ours / profile.coldBuild) * 100).toFixed(1)
  return (
    `Article stages in one thread (${profile.articles} articles): ${list}\n` +
    `Figures + checks: ${seconds(ours)} = ${share}% of a cold build with one worker thread (${seconds(profile.coldBuild)})` +
    (profile.charts === undefined ? '' : `\n${formatChartCost(profile.charts, profile.coldBuild)}`)
  )
}

/** `plugin` with the time its transformer takes added to `stages[name]`, in milliseconds. */
function timed(plugin, stages, name) {
  return function (...options) {
    const transform = plugin.apply(this, options)
    return (tree, file) => {
      const start = performance.now()
      const result = transform(tree, file)
      stages[name] += performance.now() - start
      return result
    }
  }
}
