/**
 * `npm run bench` (issue 5): generates a deterministic synthetic newsroom, builds it with
 * factdesk, Eleventy 3 and Hugo (when installed) in one run, and prints the median times, peak
 * memory and files written, with our time as a ratio of theirs. Exits 1 when any builder failed
 * or wrote a different number of files than the corpus calls for. See README.md beside this file.
 */
import { existsSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import process from 'node:process'
import console from 'node:console'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import {
  eleventyBuilder,
  hugoBuilder,
  hugoVersion,
  oursBuilder,
  projectRoot,
  setAsideFolder
} from './builders.mjs'
import { devLoop, formatDevLoop } from './dev-loop.mjs'
import { copyTemplates, editArticle, editData, editTemplate } from './edits.mjs'
import { defaultSeed, generateCorpus } from './generate-corpus.mjs'
import { defaultMemoryMethod, describeMemoryMethod, gnuTime, runMeasured } from './measure.mjs'
import { countOutput, expectedFiles, listArticles, readCorpusShape } from './page-count.mjs'
import { floorBuilder, floorExpectedFiles } from './floor/floor-builder.mjs'
import { formatPerArticle, formatRatios, formatTable, ratios } from './report.mjs'
import { floorRatios, formatFloorRatios } from './report.mjs'
import { formatProfile, profileStages } from './stage-profile.mjs'
import { formatSuggestCost, suggestCost } from './suggest-cost.mjs'

const usage = `usage: node test/bench/run.mjs [options]
  --articles N     articles in the corpus (default 4000)
  --runs N         runs per measurement; the median is reported (default 3)
  --seed N         corpus seed (default ${defaultSeed})
  --dir DIR        work folder for corpus and outputs (default: a folder under ${tmpdir()})
  --only LIST      builders to run, comma-separated: ours,eleventy,hugo,floor (default: all)
  --timeout S      seconds before one build is killed (default 1200)
  --memory HOW     peak memory by gnu-time (/usr/bin/time -v) or ps (polling); default: gnu-time when installed
  --json FILE      also write the results as JSON
  --dev-loop       also time factdesk dev: starts, and saves to reload (long; off by default)
  --dev-edits N    timed edits per kind in the dev loop (default 10)
  --dev-kinds LIST kinds of edit timed, comma-separated: article,data,template,stylesheet (default: all)
  --keep           keep the corpus and outputs (they are deleted by default)`

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '4000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: String(defaultSeed) },
    dir: { type: 'string' },
    only: { type: 'string', default: 'ours,eleventy,hugo,floor' },
    timeout: { type: 'string', default: '1200' },
    json: { type: 'string' },
    memory: { type: 'string', default: defaultMemoryMethod },
    keep: { type: 'boolean', default: false },
    'dev-loop': { type: 'boolean', default: false },
    'dev-edits': { type: 'string', default: '10' },
    'dev-kinds': { type: 'string', default: 'article,data,template,stylesheet' },
    help: { type: 'boolean', default: false }
  }
})
if (values.help) {
  console.log(usage)
  process.exit(0)
}
const articles = positiveInteger('--articles', values.articles)
const runs = positiveInteger('--runs', values.runs)
const seed = positiveInteger('--seed', values.seed)
const timeoutSeconds = positiveInteger('--timeout', values.timeout)
const devEdits = positiveInteger('--dev-edits', values['dev-edits'])
if (values.memory !== 'gnu-time' && values.memory !== 'ps')
  fail(`--memory must be gnu-time or ps, got ${JSON.stringify(values.memory)}`)
const memory = values.memory
if (memory === 'gnu-time' && gnuTime === undefined)
  fail('--memory gnu-time needs /usr/bin/time, which this machine lacks')
const rssMethod = describeMemoryMethod(memory)
const only = new Set(values.only.split(',').map((name) => name.trim()))
const work = resolve(values.dir ?? join(tmpdir(), `factdesk-bench-${articles}`))
const corpus = join(work, 'corpus')

const generation = performance.now()
const summary = await generateCorpus({ dir: corpus, articles, seed })
await copyTemplates(corpus)
const shape = await readCorpusShape(corpus)
const hugo = hugoVersion()
log(
  `corpus: ${summary.articles} articles (${(summary.markdownBytes / summary.articles / 1024).toFixed(1)} KB of Markdown each on average), ` +
    `3 data files of ${summary.dataRows} rows, seed ${seed}, in ${corpus} (generated in ${((performance.now() - generation) / 1000).toFixed(1)} s)`
)
log(
  `machine: ${availableParallelism()} cores, Node ${process.version}, ${hugo ?? 'no hugo binary'}; peak memory by ${rssMethod}`
)

const where = { corpus, work }
const labels = { ours: 'factdesk', eleventy: 'Eleventy 3', hugo: 'Hugo', floor: 'floor' }
const builders = []
const results = {}
for (const [id, label] of Object.entries(labels)) {
  const expected = id === 'floor' ? floorExpectedFiles(shape) : expectedFiles(id, shape)
  results[id] = { label, expected, runs: {}, written: null, failure: null, skipped: null }
  if (!only.has(id)) results[id].skipped = 'not in --only'
  else if (id === 'hugo' && hugo === undefined) results[id].skipped = 'no hugo binary on PATH'
  else if (id === 'ours' && !existsSync(join(projectRoot, 'lib', 'cli.js'))) {
    results[id].failure = 'lib/cli.js is missing: compile with `npx tsc -p tsconfig.build.json`'
  } else if (id === 'ours') builders.push(oursBuilder(where))
  else if (id === 'eleventy') builders.push(eleventyBuilder(where))
  else if (id === 'floor') builders.push(floorBuilder(where))
  else builders.push(await hugoBuilder(where))
}
for (const result of Object.values(results)) {
  if (result.skipped !== null) log(`${result.label}: skipped (${result.skipped})`)
  if (result.failure !== null) log(`${result.label}: FAILED (${result.failure})`)
}

// Cold builds take turns, run by run, so that a busy spell on a shared machine falls on every
// builder rather than on one.
for (let run = 0; run < runs; run++) {
  for (const builder of builders) {
    if (results[builder.id].failure !== null) continue
    await builder.makeCold()
    await measure(builder, 'cold', run)
  }
}

const ours = builders.find((builder) => builder.id === 'ours')
if (ours !== undefined && results.ours.failure === null) {
  const articleFiles = await listArticles(corpus)
  const edited = articleFiles[Math.floor(articleFiles.length / 2)] ?? ''
  const incremental = [
    ['warm', async () => {}],
    ['article', (run) => editArticle(edited, run)],
    ['data', () => editData(corpus)],
    ['template', (run) => editTemplate(corpus, run)]
  ]
  for (const [scenario, edit] of incremental) {
    for (let run = 0; run < runs && results.ours.failure === null; run++) {
      await edit(run)
      await measure(ours, scenario, run)
    }
  }
}

// Only now, with every build measured (see `setAside`).
await rm(setAsideFolder(work), { recursive: true, force: true })

let profile = null
if (ours !== undefined && results.ours.failure === null) {
  log('profiling the article stages (one thread) and a cold build with one worker')
  profile = await profileStages(corpus, work)
}

// Suggestion (issue 20) is timed on a corpus of its own, generated apart from the builders'.
let suggest = null
if (existsSync(join(projectRoot, 'lib', 'suggest', 'suggest-article.js'))) {
  log('timing suggested checks on articles of ten unchecked figures')
  suggest = await suggestCost({ seed })
}

// The editors' loop (issue 21) on the same corpus, after every build: it starts its own servers.
let devLoopResult = null
if (values['dev-loop'] && !existsSync(join(projectRoot, 'lib', 'cli.js'))) {
  log('dev loop: skipped, lib/cli.js is missing: compile with `npx tsc -p tsconfig.build.json`')
} else if (values['dev-loop']) {
  const kinds = values['dev-kinds'].split(',').filter((kind) => kind !== '')
  devLoopResult = await devLoop({ dir: corpus, edits: devEdits, kinds, timeoutSeconds, log }).catch(
    (error) => ({ failure: error instanceof Error ? error.message : String(error) })
  )
}

console.log('')
console.log(formatTable(results))
console.log('')
const ratioValues = ratios(results)
console.log(formatRatios(ratioValues))
// The floor's ratios (issue 21 item 6) join issue 5's, on screen and in `--json`.
Object.assign(ratioValues, floorRatios(results))
console.log(formatFloorRatios(ratioValues))
console.log(formatPerArticle(results, summary.articles))
if (profile !== null) console.log(`\n${formatProfile(profile)}`)
if (suggest !== null) console.log(formatSuggestCost(suggest))
if (devLoopResult?.failure !== undefined) console.log(`\nDev loop FAILED: ${devLoopResult.failure}`)
else if (devLoopResult !== null) console.log(`\n${formatDevLoop(devLoopResult)}`)
for (const result of Object.values(results)) {
  if (result.failure !== null) console.log(`\n${result.label} FAILED: ${result.failure}`)
}

if (values.json !== undefined) {
  const report = {
    corpus: {
      articles: summary.articles,
      seed,
      markdownBytes: summary.markdownBytes,
      dataRows: summary.dataRows
    },
    machine: {
      cores: availableParallelism(),
      node: process.version,
      hugo: hugo ?? null,
      rssMethod
    },
    runs,
    results,
    ratios: ratioValues,
    profile,
    suggest,
    devLoop: devLoopResult
  }
  await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`)
  log(`results written to ${values.json}`)
}
if (!values.keep) await rm(work, { recursive: true, force: true })
else log(`corpus and outputs kept in ${work}`)
process.exitCode =
  Object.values(results).some((result) => result.failure !== null) ||
  devLoopResult?.failure !== undefined
    ? 1
    : 0

/**
 * One measured build: runs it, checks the files it wrote against the corpus's expectation and
 * records the run; a failed build or a wrong count marks the builder FAILED.
 */
async function measure(builder, scenario, run) {
  const result = results[builder.id]
  const outcome = await runMeasured(builder.command, builder.args, {
    cwd: projectRoot,
    timeoutSeconds,
    memory
  })
  const written = await countOutput(builder.out)
  ;(result.runs[scenario] ??= []).push(outcome)
  result.written = written
  const rss = outcome.peakRssMb === null ? '' : `, ${Math.round(outcome.peakRssMb)} MB`
  log(
    `${result.label} ${scenario} ${run + 1}/${runs}: ${outcome.seconds.toFixed(2)} s${rss}, ${written.total}/${result.expected.total} files`
  )
  if (!outcome.ok) {
    const why = outcome.timedOut
      ? `timed out after ${timeoutSeconds} s`
      : `exited with ${outcome.exitCode}`
    result.failure = `${scenario} build ${why}`
    log(
      `${result.label} ${scenario} build ${why}; the end of its output:\n${indent(outcome.stderrTail)}`
    )
  } else if (written.total !== result.expected.total || written.html !== result.expected.html) {
    result.failure = `${scenario} build wrote ${written.total} files (${written.html} HTML), expected ${result.expected.total} (${result.expected.html} HTML)`
    log(`${result.label}: ${result.failure}`)
  }
}

function positiveInteger(name, text) {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1)
    fail(`${name} must be a positive integer, got ${JSON.stringify(text)}`)
  return value
}

/** A usage error: exit 2, as the factdesk CLI does. */
function fail(message) {
  console.error(`${message}\n${usage}`)
  process.exit(2)
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')
}

/** Progress goes to stderr, so that stdout holds the table alone. */
function log(message) {
  console.error(message)
}
