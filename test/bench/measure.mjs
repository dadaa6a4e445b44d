/**
 * Runs one build as a child process and measures it: wall time, exit status and peak resident
 * memory. Memory comes from GNU time (`/usr/bin/time -v`, "Maximum resident set size") when it is
 * installed, which sees every byte the child ever held; otherwise `ps -o rss=` is polled, which
 * can miss a short peak between polls. The method is reported with each number.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { performance } from 'node:perf_hooks'
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers'

/** GNU time, when the machine has it. */
export const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined

/** How peak memory is measured unless a run asks otherwise: GNU time when the machine has it. */
export const defaultMemoryMethod = gnuTime === undefined ? 'ps' : 'gnu-time'

/** How much of a failed build's output is kept for the report. */
const tailLines = 25

/**
 * @typedef {object} RunResult
 * @property {boolean} ok exited 0 within the time limit
 * @property {number | null} exitCode
 * @property {boolean} timedOut
 * @property {number} seconds wall time from spawn to exit
 * @property {number | null} peakRssMb peak resident memory, MiB
 * @property {string} stderrTail the last lines of stderr and stdout, for failures
 */

/**
 * Runs `command args` and waits for it, killing its whole process group after `timeoutSeconds`.
 * `memory` picks how peak memory is measured; GNU time when the machine has it, by default.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, timeoutSeconds: number, memory?: 'gnu-time' | 'ps' }} options
 * @returns {Promise<RunResult>}
 */
export async function runMeasured(command, args, { cwd, timeoutSeconds, memory }) {
  const method = memory ?? defaultMemoryMethod
  if (method === 'gnu-time' && gnuTime === undefined)
    throw new TypeError('`memory: "gnu-time"` needs /usr/bin/time')
  const scratch = await mkdtemp(join(tmpdir(), 'factdesk-bench-time-'))
  const timeReport = join(scratch, 'time.txt')
  const [file, argv] =
    method === 'ps' ? [command, args] : [gnuTime, ['-v', '-o', timeReport, command, ...args]]
  const started = performance.now()
  // A process group of its own, so that a timeout ends the build and every process it started.
  const child = spawn(file, argv, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  const output = collectOutput(child)
  const poller = method === 'ps' ? pollRss(child.pid) : undefined
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    killGroup(child.pid)
  }, timeoutSeconds * 1000)
  const exitCode = await new Promise((resolve) => {
    child.on('error', () => resolve(null))
    child.on('close', (code) => resolve(code))
  })
  const seconds = (performance.now() - started) / 1000
  clearTimeout(timer)
  poller?.stop()
  const peakRssMb =
    method === 'ps' ? (poller?.peakKb ?? 0) / 1024 || null : await readPeakRss(timeReport)
  await rm(scratch, { recursive: true, force: true })
  return {
    ok: exitCode === 0 && !timedOut,
    exitCode,
    timedOut,
    seconds,
    peakRssMb,
    stderrTail: tail(output.text(), tailLines)
  }
}

/**
 * The median of some numbers; the mean of the middle two for an even count.
 * @param {number[]} values
 */
export function median(values) {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * The peak memory in a GNU time `-v` report, in MiB; null when the line is missing.
 * @param {string} report
 */
export function parsePeakRss(report) {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report)
  return match === null ? null : Number(match[1]) / 1024
}

/** The last `count` lines of `text`. */
export function tail(text, count) {
  const lines = text.trimEnd().split('\n')
  return lines.slice(-count).join('\n')
}

/**
 * A memory method in words, for the report.
 * @param {'gnu-time' | 'ps'} method
 */
export function describeMemoryMethod(method) {
  return method === 'ps'
    ? 'ps -o rss polled every 50 ms'
    : '/usr/bin/time -v (Maximum resident set size)'
}

async function readPeakRss(path) {
  try {
    return parsePeakRss(await readFile(path, 'utf8'))
  } catch {
    return null
  }
}

/** Keeps the child's stdout and stderr, bounded, so a chatty build cannot fill memory. */
function collectOutput(child) {
  const limit = 256 * 1024
  let text = ''
  const keep = (chunk) => {
    text = (text + chunk.toString('utf8')).slice(-limit)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  return { text: () => text }
}

/** Polls the child's resident memory; `ps` reports KiB. */
function pollRss(pid) {
  const state = { peakKb: 0 }
  const sample = () => {
    const result = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' })
    const kb = Number.parseInt(result.stdout.trim(), 10)
    if (Number.isFinite(kb)) state.peakKb = Math.max(state.peakKb, kb)
  }
  const interval = setInterval(sample, 50)
  return {
    get peakKb() {
      return state.peakKb
    },
    stop: () => clearInterval(interval)
  }
}

/** Ends the process group the benchmark started for one build. */
function killGroup(pid) {
  if (pid === undefined) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // The group has already exited.
  }
}
