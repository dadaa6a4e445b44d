/**
 * A `factdesk dev` child process for the dev-loop benchmark (issue 21): started on a free port in
 * a process group of its own, its first page asked for from the moment it is spawned, its event
 * stream read with Node's http client as a page's EventSource reads it, and stopped with Ctrl-C
 * (SIGINT), then SIGKILL when it lingers. Every server still running when the benchmark's process
 * exits is killed, so a harness that throws leaves no server behind.
 */
import { spawn } from 'node:child_process'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { join } from 'node:path'
import process from 'node:process'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { projectRoot } from './builders.mjs'

/** `eventsPath` of src/dev/live-reload.ts. */
export const eventsPath = '/__factdesk/events'

const running = new Set()
let exitHook = false

/** A port the system calls free on 127.0.0.1 right now. */
export async function freePort() {
  const probe = createServer()
  await new Promise((resolve, reject) => {
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', resolve)
  })
  const { port } = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/**
 * Spawns `factdesk dev --root ROOT --port P` and waits for its first page (status below 400) and
 * for its "serving" line, which it prints once the first build is done and the watcher is ready.
 * The port is chosen here rather than with `--port 0` because the server names its port only in
 * that line, after the first build, and the start is timed to the first page, which it answers
 * (held until the build is done) as soon as the port is bound.
 * @param {string} root
 * @param {{ timeoutMs: number }} options
 */
export async function startDev(root, { timeoutMs }) {
  const asked = await freePort()
  const spawned = performance.now()
  const child = spawn(
    process.execPath,
    // Node's own flags for the server, to profile it (`--cpu-prof`, `--trace-gc`).
    [
      ...nodeArgs(),
      join(projectRoot, 'bin', 'factdesk.js'),
      'dev',
      '--root',
      root,
      '--port',
      String(asked)
    ],
    {
      cwd: projectRoot,
      // A group of its own, so that stopping it reaches everything it started.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' }
    }
  )
  track(child)
  const lines = []
  let port = asked
  let servingAt
  let url
  let pending = ''
  const onData = (chunk) => {
    pending += chunk
    const parts = pending.split('\n')
    pending = parts.pop() ?? ''
    for (const line of parts) {
      lines.push(line)
      // listen-on-free-port.ts: a port taken meanwhile is replaced by a later one, and said.
      const moved = /port \d+ is in use, using (\d+)/.exec(line)
      if (moved) port = Number(moved[1])
      const serving = /factdesk dev: serving (http\S+)/.exec(line)
      if (serving && url === undefined) {
        servingAt = performance.now()
        url = serving[1]
      }
    }
  }
  child.stdout.setEncoding('utf8').on('data', onData)
  child.stderr.setEncoding('utf8').on('data', onData)
  let exited = null
  const exit = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal }
      resolve(exited)
    })
  })
  const server = {
    child,
    lines,
    get port() {
      return port
    },
    stop: () => stopDev(child, exit)
  }
  try {
    const deadline = spawned + timeoutMs
    const firstPageAt = await firstPage(
      () => port,
      deadline,
      () => exited
    )
    while (url === undefined) {
      if (exited !== null) throw new Error(`factdesk dev exited (${describeExit(exited)})`)
      if (performance.now() > deadline) throw new Error('factdesk dev never said where it serves')
      await sleep(20)
    }
    return {
      ...server,
      url,
      firstPageMs: firstPageAt - spawned,
      servingMs: servingAt - spawned
    }
  } catch (error) {
    await server.stop()
    throw new Error(`${error.message}; its output ends:\n${lines.slice(-15).join('\n')}`, {
      cause: error
    })
  }
}

/** `FACTDESK_BENCH_NODE_ARGS`, split at spaces: flags for node that NODE_OPTIONS refuses. */
function nodeArgs() {
  return (process.env.FACTDESK_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)
}

/**
 * Asks for `/` until it is answered with a status below 400 (a 503 says the first build is still
 * under way: asked again); resolves to when it was.
 */
async function firstPage(portOf, deadline, exitOf) {
  for (;;) {
    const answered = await get(portOf(), '/').catch((error) => {
      if (error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET') return undefined
      throw error
    })
    if (answered !== undefined && answered.status < 400) return answered.at
    if (answered?.status === 503) {
      await sleep(25)
      continue
    }
    if (answered !== undefined) throw new Error(`/ answered ${answered.status}`)
    const exited = exitOf()
    if (exited !== null) throw new Error(`factdesk dev exited (${describeExit(exited)})`)
    if (performance.now() > deadline) throw new Error('factdesk dev served no page in time')
    await sleep(25)
  }
}

/**
 * One GET to the server on 127.0.0.1, named as `localhost` (its Host check refuses other names).
 * @param {number} port
 * @param {string} path
 * @returns {Promise<{ status: number, body: string, at: number }>} `at`: when the answer began
 */
export function get(port, path) {
  return new Promise((resolve, reject) => {
    const asking = request(
      { host: '127.0.0.1', port, path, headers: { Host: `localhost:${port}` }, agent: false },
      (response) => {
        const at = performance.now()
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk) => (body += chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body, at }))
        response.on('error', reject)
      }
    )
    asking.on('error', reject)
    asking.end()
  })
}

/**
 * Opens the event stream. Every event is kept in `log` with the `performance.now()` at which its
 * bytes arrived; `waitFor` resolves to the first entry from index `from` that `test` accepts.
 * Comments (keep-alive) and the `retry` field are not events. The server ends messages with
 * `\n\n` and fields with `\n` (live-reload.ts), which is all this parser reads.
 * @param {number} port
 */
export function openEvents(port) {
  const log = []
  const waiters = new Set()
  let ended = false
  const wake = () => {
    for (const waiter of waiters) waiter()
  }
  return new Promise((resolve, reject) => {
    const asking = request(
      {
        host: '127.0.0.1',
        port,
        path: eventsPath,
        headers: { Host: `localhost:${port}`, Accept: 'text/event-stream' },
        agent: false
      },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume()
          reject(new Error(`${eventsPath} answered ${response.statusCode}`))
          return
        }
        response.setEncoding('utf8')
        let buffer = ''
        response.on('data', (chunk) => {
          const at = performance.now()
          buffer += chunk
          for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
            const message = parseMessage(buffer.slice(0, end))
            buffer = buffer.slice(end + 2)
            if (message !== undefined) log.push({ ...message, at })
          }
          wake()
        })
        response.on('close', () => {
          ended = true
          wake()
        })
        resolve({ log, waitFor, close: () => asking.destroy() })
      }
    )
    asking.on('error', reject)
    asking.end()
  })

  /**
   * @param {number} from
   * @param {(entry: { name: string, data: string, at: number }) => boolean} test
   * @param {number} timeoutMs
   */
  function waitFor(from, test, timeoutMs) {
    return new Promise((resolve, reject) => {
      const look = () => {
        const found = log.slice(from).find(test)
        if (found !== undefined) finish(() => resolve(found))
        else if (ended) finish(() => reject(new Error('the event stream ended')))
      }
      const timer = setTimeout(
        () => finish(() => reject(new Error(`no such event within ${timeoutMs} ms`))),
        timeoutMs
      )
      const finish = (settle) => {
        clearTimeout(timer)
        waiters.delete(look)
        settle()
      }
      waiters.add(look)
      look()
    })
  }
}

/** One server-sent message: its `event` name (default `message`) and `data`; none for a comment. */
function parseMessage(block) {
  let name = 'message'
  const data = []
  let fields = 0
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') name = value
    else if (field === 'data') data.push(value)
    else continue
    fields++
  }
  return fields === 0 ? undefined : { name, data: data.join('\n') }
}

/**
 * Ctrl-C to the server's group, as a terminal sends it; SIGKILL after 15 s.
 * @returns {Promise<{ code: number | null, signal: string | null, forced: boolean }>}
 */
async function stopDev(child, exit) {
  if (child.exitCode !== null || child.signalCode !== null)
    return { ...(await exit), forced: false, ms: 0 }
  const asked = performance.now()
  signalGroup(child, 'SIGINT')
  const ended = await Promise.race([exit, sleep(stopGraceMs).then(() => undefined)])
  if (ended !== undefined)
    return { ...ended, forced: false, ms: Math.round(performance.now() - asked) }
  signalGroup(child, 'SIGKILL')
  return { ...(await exit), forced: true, ms: Math.round(performance.now() - asked) }
}

/**
 * How long a stopped server may take before it is killed. An editor's Ctrl-C waits for the
 * server to finish, and the stop keeps the site for the next start (src/dev/stored-site.ts):
 * killed sooner, the warm start timed next would not be the one editors get. Each stop's time
 * is recorded (`stops[].ms`), so a slow stop shows rather than being cut short.
 */
const stopGraceMs = 120_000

function track(child) {
  running.add(child)
  child.once('exit', () => running.delete(child))
  if (exitHook) return
  exitHook = true
  process.once('exit', () => {
    for (const left of running) signalGroup(left, 'SIGKILL')
  })
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
  } catch (error) {
    if (error.code !== 'ESRCH') throw error
  }
}

function describeExit({ code, signal }) {
  return signal === null ? `status ${code}` : `signal ${signal}`
}
