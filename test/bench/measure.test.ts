/**
 * Measuring one build: exit status, peak memory, a time limit that ends the build, and the tail
 * of its output for the report when it fails.
 */
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { median, parsePeakRss, runMeasured, tail } from './measure.mjs'

const node = process.execPath

describe('runMeasured', () => {
  it('reports a build that exits 0 as ok, with its peak memory', async () => {
    // Holding 64 MiB makes the peak visible whichever way memory is measured.
    const script =
      'const b = Buffer.alloc(64 * 1024 * 1024, 1); setTimeout(() => console.log(b[0]), 200)'
    const result = await runMeasured(node, ['-e', script], {
      cwd: process.cwd(),
      timeoutSeconds: 60
    })
    expect(result).toMatchObject({ ok: true, exitCode: 0, timedOut: false })
    expect(result.peakRssMb).toBeGreaterThan(64)
  })

  it('measures peak memory by polling ps when asked to', async () => {
    // Held for a second, so that several 50 ms polls see it.
    const script =
      'const b = Buffer.alloc(64 * 1024 * 1024, 1); setTimeout(() => console.log(b[0]), 1000)'
    const result = await runMeasured(node, ['-e', script], {
      cwd: process.cwd(),
      timeoutSeconds: 60,
      memory: 'ps'
    })
    expect(result.ok).toBe(true)
    expect(result.peakRssMb).toBeGreaterThan(64)
  })

  it('reports a failed build with its exit status and the end of its output', async () => {
    const script =
      'console.error("first line"); console.error("template brief.hbs is broken"); process.exit(2)'
    const result = await runMeasured(node, ['-e', script], {
      cwd: process.cwd(),
      timeoutSeconds: 60
    })
    expect(result).toMatchObject({ ok: false, exitCode: 2, timedOut: false })
    expect(result.stderrTail).toContain('template brief.hbs is broken')
  })

  it('ends a build that outlives its time limit and says so', async () => {
    const result = await runMeasured(node, ['-e', 'setTimeout(() => {}, 600000)'], {
      cwd: process.cwd(),
      timeoutSeconds: 1
    })
    expect(result).toMatchObject({ ok: false, timedOut: true })
  })
})

describe('median', () => {
  const cases = [
    { values: [3, 1, 2], expected: 2 },
    { values: [4, 1, 3, 2], expected: 2.5 },
    { values: [7], expected: 7 },
    { values: [], expected: null }
  ]
  for (const { values, expected } of cases) {
    it(`is ${expected} for [${values.join(', ')}]`, () => {
      expect(median(values)).toBe(expected)
    })
  }
})

describe('parsePeakRss', () => {
  it('reads "Maximum resident set size" from a GNU time report, in MiB', () => {
    const report =
      '\tCommand being timed: "hugo"\n\tMaximum resident set size (kbytes): 204800\n\tExit status: 0\n'
    expect(parsePeakRss(report)).toBe(200)
  })

  it('gives null when the report has no such line', () => {
    expect(parsePeakRss('Command terminated by signal 9\n')).toBeNull()
  })
})

describe('tail', () => {
  it('keeps the last lines, without the trailing newline', () => {
    expect(tail('a\nb\nc\n', 2)).toBe('b\nc')
  })
})
