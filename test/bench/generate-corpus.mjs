/**
 * Writes a deterministic synthetic newsroom for the benchmark (issue 5): `content/` with N
 * articles of about 5-6 KB of Markdown each (frontmatter per SPEC 4, five checks per SPEC 6 that
 * verify against the data, five unchecked figures, headings, a list, links, a GFM table in every
 * fifth article), `data/markets/{aaa,bbb,ccc}.csv` (about 1,800 daily rows each) and
 * `data/site.yaml`. The same seed and N always give byte-identical files.
 *
 * Usage: node test/bench/generate-corpus.mjs --dir DIR [--articles 4000] [--seed 20251104]
 */
import { Buffer } from 'node:buffer'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import process from 'node:process'
import console from 'node:console'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { articleChecks } from './article-checks.mjs'
import {
  addDays,
  dayCount,
  firstDay,
  generateSeries,
  seriesCsv,
  seriesSpecs
} from './market-data.mjs'
import {
  bulletList,
  bylines,
  fillerSentence,
  headline,
  linkSentence,
  paragraph,
  pickHeadings,
  sections,
  tags,
  uncheckedSentences
} from './market-prose.mjs'
import { createRandom } from './random.mjs'

/** The seed used when none is given, so that every default run builds the same newsroom. */
export const defaultSeed = 20251104

/** Days at the start of the data no article is dated on: multi-day checks look up to 60 back. */
const historyDays = 61

/**
 * Writes the corpus into `dir`, replacing whatever was there.
 * @param {{ dir: string, articles: number, seed?: number }} options
 * @returns {Promise<{ articles: number, markdownBytes: number, dataRows: number, lastDataDay: string }>}
 */
export async function generateCorpus({ dir, articles, seed = defaultSeed }) {
  if (!Number.isInteger(articles) || articles < 1)
    throw new TypeError('`articles` must be a positive integer')
  const random = createRandom(seed)
  await rm(dir, { recursive: true, force: true })
  await mkdir(join(dir, 'data', 'markets'), { recursive: true })

  const series = {}
  for (const spec of seriesSpecs) {
    const generated = generateSeries(random, spec.start)
    series[spec.alias] = { ...generated, name: spec.name }
    await writeFile(join(dir, 'data', spec.file), seriesCsv(generated))
  }
  await writeFile(join(dir, 'data', 'site.yaml'), siteYaml)

  let markdownBytes = 0
  const created = new Set()
  for (let index = 0; index < articles; index++) {
    const article = generateArticle(random, series, index)
    const folder = join(dir, 'content', ...article.day.split('-'))
    if (!created.has(folder)) {
      await mkdir(folder, { recursive: true })
      created.add(folder)
    }
    await writeFile(join(folder, `${article.slug}.md`), article.markdown)
    markdownBytes += Buffer.byteLength(article.markdown)
  }
  return {
    articles,
    markdownBytes,
    dataRows: dayCount,
    lastDataDay: addDays(firstDay, dayCount - 1)
  }
}

/**
 * One article: its local publication day, slug and Markdown. Articles are never dated on the
 * last data day, so the benchmark's data edit (the newest row) changes no verdict.
 */
function generateArticle(random, series, index) {
  const day = addDays(firstDay, random.int(historyDays, dayCount - 2))
  const time = `${pad(random.int(6, 22))}:${pad(random.int(0, 59))}:00`
  const lead = random.pick(seriesSpecs)
  const title = headline(random, lead.name)
  const slug = `${title
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '')}-${index + 1}`
  const checks = articleChecks(random, series, day)
  const unchecked = uncheckedSentences(random)
  const [first, second, third, fourth] = pickHeadings(random, 4)
  const blocks = [
    paragraph(random, 2, [checks[0].sentence, checks[1].sentence]),
    `## ${first}`,
    paragraph(random, 5, [unchecked[0], checks[2].sentence]),
    paragraph(random, 4, [unchecked[1]]),
    `## ${second}`,
    paragraph(random, 3, [linkSentence(random)]),
    'Desks pointed to several forces at work:',
    bulletList(random),
    paragraph(random, 4, [checks[3].sentence, unchecked[2]]),
    `## ${third}`,
    paragraph(random, 4, [checks[4].sentence, unchecked[3]]),
    ...(index % 5 === 0 ? [dayTable(series, day)] : []),
    paragraph(random, 3),
    `## ${fourth}`,
    paragraph(random, 4, [unchecked[4], linkSentence(random)]),
    paragraph(random, 2, [fillerSentence(random)])
  ]
  const body = `${blocks.join('\n\n')}\n`
  for (const check of checks) assertOccursOnce(body, check.figure, slug)
  const frontmatter = [
    '---',
    `title: "${title}"`,
    `date: ${day}T${time}+08:00`,
    `section: ${random.pick(sections)}`,
    `tags: [${random.sample(tags, random.int(2, 4)).join(', ')}]`,
    `byline: ${random.pick(bylines)}`,
    'data:',
    ...seriesSpecs.map((spec) => `  ${spec.alias}: ${spec.file}`),
    'checks:',
    ...checks.flatMap((check) => [`  - figure: "${check.figure}"`, `    expr: ${check.expr}`]),
    '---'
  ]
  return { day, slug, markdown: `${frontmatter.join('\n')}\n${body}` }
}

/** The GFM table of every fifth article: each index's close and change on the day. */
function dayTable(series, day) {
  const previous = addDays(day, -1)
  const rows = seriesSpecs.map((spec) => {
    const today = series[spec.alias].byDate.get(day)
    const before = series[spec.alias].byDate.get(previous)
    const change = (today.close / before.close - 1) * 100
    const close = today.close.toLocaleString('en-US', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2
    })
    return `| ${spec.name} | ${close} | ${change >= 0 ? '+' : '-'}${Math.abs(change).toFixed(2)}% |`
  })
  return ['| Index | Close | Change on the day |', '| --- | ---: | ---: |', ...rows].join('\n')
}

/** SPEC 6 binds a check to text that occurs exactly once; a corpus breaking that is a generator bug. */
function assertOccursOnce(body, figure, slug) {
  const count = body.split(figure).length - 1
  if (count !== 1)
    throw new TypeError(`check figure \`${figure}\` occurs ${count} times in \`${slug}\``)
}

function pad(value) {
  return String(value).padStart(2, '0')
}

/**
 * Site settings (SPEC 3): standard mode everywhere, so unchecked figures are warnings and the five
 * checks per article are what can fail the build.
 */
const siteYaml = `title: The Synthetic Ledger
url: https://bench.example.org/
base: /
language: en
timezone: Asia/Shanghai
description: A synthetic newsroom for the factdesk benchmark.
page_size: 20
factcheck:
  mode: standard
  strict_sections: []
`

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      articles: { type: 'string', default: '4000' },
      seed: { type: 'string' }
    }
  })
  if (values.dir === undefined) {
    console.error('usage: node test/bench/generate-corpus.mjs --dir DIR [--articles N] [--seed N]')
    process.exit(2)
  }
  const summary = await generateCorpus({
    dir: values.dir,
    articles: Number(values.articles),
    seed: values.seed === undefined ? defaultSeed : Number(values.seed)
  })
  console.log(
    `${summary.articles} articles, ${(summary.markdownBytes / summary.articles / 1024).toFixed(1)} KB each on average, written to ${values.dir}`
  )
}
