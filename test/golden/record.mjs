/**
 * Records (or, with --check, verifies) the golden digests of factdesk's output: the sample site,
 * every fixture site under test/fixtures/ and a 1,000-article bench corpus. See README.md beside
 * this file.
 *
 * Usage: node test/golden/record.mjs [--check] [--only NAME] [--cli PATH] [--jobs N]
 */
import console from 'node:console'
import { mkdtemp, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import {
  compareCase,
  corpusArticles,
  defaultCli,
  digestsPath,
  ensureCompiled,
  listCases,
  readDigests,
  runCase,
  selectCases,
  writeDigests
} from './golden-cases.mjs'

const usage = `usage: node test/golden/record.mjs [options]
  --check        rebuild every case and compare with test/golden/digests.json (exit 1 on a difference)
  --only NAME    one case (sample, fixtures/hostile, bench-${corpusArticles}, ...) or a group (fixtures/bad-input)
  --cli PATH     the compiled CLI to build with (default bin/factdesk.js, recompiled when src/ is newer)
  --jobs N       cases built at once (default: the number of cores)`

let values
try {
  ;({ values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      only: { type: 'string' },
      cli: { type: 'string' },
      jobs: { type: 'string' },
      help: { type: 'boolean', default: false }
    }
  }))
} catch (error) {
  console.error(`${error.message}\n${usage}`)
  process.exit(2)
}
if (values.help) {
  console.log(usage)
  process.exit(0)
}
const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs)
if (!Number.isInteger(jobs) || jobs < 1) {
  console.error(`--jobs must be a positive integer\n${usage}`)
  process.exit(2)
}

const started = performance.now()
const cli = values.cli === undefined ? defaultCli : resolve(values.cli)
if (values.cli === undefined && (await ensureCompiled()))
  console.error('golden: compiled src/ into lib/')

const { cases: allCases, skipped } = await listCases()
const cases = selectCases(allCases, values.only)
if (cases.length === 0) {
  console.error(`golden: no case named ${values.only}`)
  process.exit(2)
}
for (const { name, reason } of skipped) console.error(`golden: skipped ${name}: ${reason}`)

const recorded = await readDigests()
if (values.check && recorded === undefined) {
  console.error(`golden: ${digestsPath} is missing; record it first with npm run golden:record`)
  process.exit(2)
}

// The corpus first: it is the longest, and the small cases fill the other cores meanwhile.
const order = [...cases].sort(
  (a, b) => Number(b.name.startsWith('bench-')) - Number(a.name.startsWith('bench-'))
)
const scratch = await mkdtemp(join(tmpdir(), 'factdesk-golden-'))
const results = {}
let failed = false
try {
  let next = 0
  const worker = async () => {
    while (next < order.length) {
      const goldenCase = order[next++]
      const caseStart = performance.now()
      const record = await runCase(goldenCase, { cli, scratch })
      results[goldenCase.name] = record
      if (!values.check) continue
      const expected = recorded.cases[goldenCase.name]
      if (expected === undefined) {
        console.log(`NEW  ${goldenCase.name}: not recorded (record it with --only if it is meant)`)
        continue
      }
      const differences = compareCase(expected, record)
      if (differences.length === 0) continue
      failed = true
      const seconds = ((performance.now() - caseStart) / 1000).toFixed(1)
      console.log(`DIFF ${goldenCase.name} (${seconds}s)`)
      for (const line of differences) console.log(`  ${line}`)
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, order.length) }, worker))
} finally {
  await rm(scratch, { recursive: true, force: true })
}

const seconds = ((performance.now() - started) / 1000).toFixed(1)
if (values.check) {
  if (values.only === undefined) {
    for (const name of Object.keys(recorded.cases)) {
      if (name in results) continue
      failed = true
      console.log(`GONE ${name}: recorded, but no such case now (its inputs moved or were removed)`)
    }
  }
  const count = Object.keys(results).length
  console.log(
    failed
      ? `golden: output differs from test/golden/digests.json (${count} cases built, ${seconds}s)`
      : `golden: ${count} cases byte-identical to test/golden/digests.json (${seconds}s)`
  )
  process.exitCode = failed ? 1 : 0
} else {
  const merged = values.only === undefined ? results : { ...(recorded?.cases ?? {}), ...results }
  await writeDigests(merged)
  console.log(
    `golden: recorded ${Object.keys(results).length} cases into test/golden/digests.json (${seconds}s)`
  )
}
