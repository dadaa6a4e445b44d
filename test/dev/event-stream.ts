/**
 * A small server-sent-events reader for tests: it parses the stream as a browser's EventSource
 * would (blocks separated by a blank line, `event:` and `data:` fields) and waits for events
 * with a deadline, so that a missing event fails the test instead of hanging it.
 */
import { get } from 'node:http'
import type { IncomingMessage } from 'node:http'

/** One event as received. */
export interface StreamEvent {
  event: string
  data: string
}

/** An open stream. */
export interface EventStream {
  /** The response headers. */
  response: IncomingMessage
  /** The next event named `name` not yet taken (earlier events of other names are skipped). */
  next(name: string, timeoutMs?: number): Promise<string>
  /** Settles when the server ends the stream. */
  ended: Promise<void>
  close(): void
}

/** Opens `url` and resolves once the response headers arrive. */
export function openEventStream(url: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const request = get(url, (response) => {
      const received: StreamEvent[] = []
      const waiters = new Set<() => void>()
      let buffer = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        buffer += chunk
        let end = buffer.indexOf('\n\n')
        while (end !== -1) {
          const parsed = parseBlock(buffer.slice(0, end))
          if (parsed) received.push(parsed)
          buffer = buffer.slice(end + 2)
          end = buffer.indexOf('\n\n')
        }
        for (const wake of waiters) wake()
      })
      const ended = new Promise<void>((done) => response.on('close', () => done()))
      resolve({
        response,
        ended,
        next(name, timeoutMs = 5000) {
          return new Promise((found, fail) => {
            const look = (): void => {
              const index = received.findIndex((entry) => entry.event === name)
              if (index === -1) return
              const [entry] = received.splice(0, index + 1).slice(-1)
              waiters.delete(look)
              clearTimeout(timer)
              found(entry?.data ?? '')
            }
            const timer = setTimeout(() => {
              waiters.delete(look)
              fail(new Error(`no "${name}" event within ${timeoutMs} ms`))
            }, timeoutMs)
            waiters.add(look)
            look()
          })
        },
        close() {
          request.destroy()
        }
      })
    })
    request.on('error', reject)
  })
}

function parseBlock(block: string): StreamEvent | undefined {
  let event = 'message'
  const data: string[] = []
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim()
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart())
  }
  return data.length === 0 ? undefined : { event, data: data.join('\n') }
}
