/**
 * A small site built for real into a temporary `dist/`, for the preview server's tests, and a
 * raw HTTP client that sends a path exactly as given (fetch would normalise `..` away).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { dirname, join } from 'node:path'
import { DateTime } from 'luxon'
import { afterEach } from 'vitest'
import { build } from '../../src/build.js'
import { startPreview } from '../../src/preview/preview-server.js'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'
import type { IncomingHttpHeaders } from 'node:http'

type Preview = Awaited<ReturnType<typeof startPreview>>

const started: Preview[] = []

afterEach(async () => {
  await Promise.all(started.splice(0).map((preview) => preview.close()))
})

/** Files a site's `public/` might hold, added to the build's output with their bytes. */
export const extraFiles: Readonly<Record<string, string>> = {
  'images/lead.png': 'png',
  'images/lead.jpg': 'jpg',
  'images/lead.webp': 'webp',
  'images/lead.avif': 'avif',
  'favicon.ico': 'ico',
  'fonts/serif.woff2': 'woff2',
  'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'scripts/embed.js': 'void 0',
  'downloads/table.csv': 'a,b\n1,2\n'
}

/** Builds a two-story site with `base` into ROOT/dist and adds `extraFiles` to it. */
export async function builtSite(base = '/'): Promise<{ root: string; out: string }> {
  const root = await tempSite({
    'data/site.yaml': `${siteYaml}base: ${base}\n`,
    'content/2025/11/04/first-story.md': article('title: First story\ndate: 2025-11-04'),
    'content/2025/11/04/second-story.md': article('title: Second story\ndate: 2025-11-04')
  })
  const out = join(root, 'dist')
  const result = await build({
    root,
    out,
    strict: false,
    drafts: false,
    now: DateTime.fromISO('2025-11-05T00:00:00Z'),
    write: true
  })
  if (result.exit !== 0) throw new Error(`the fixture site did not build: exit ${result.exit}`)
  for (const [path, content] of Object.entries(extraFiles)) {
    await mkdir(dirname(join(out, path)), { recursive: true })
    await writeFile(join(out, path), content)
  }
  return { root, out }
}

/** Starts a preview of `out` on a free port; stopped after the test. */
export async function preview(
  root: string,
  out: string,
  options: { port?: number; host?: string } = {}
): Promise<{ preview: Preview; origin: string; lines: string[] }> {
  const lines: string[] = []
  const running = await startPreview({
    root,
    out,
    port: options.port ?? 0,
    host: options.host,
    log: (line) => lines.push(line)
  })
  started.push(running)
  const { port } = new URL(running.url)
  return { preview: running, origin: `http://127.0.0.1:${port}`, lines }
}

/** One answer, read whole. */
export interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** Sends `method path` to `origin` as is, with `headers`. */
export function send(
  origin: string,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {}
): Promise<Answer> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const sent = request(
      { hostname, port, path, method: options.method ?? 'GET', headers: options.headers ?? {} },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => {
          body += chunk
        })
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body })
        )
      }
    )
    sent.on('error', reject)
    sent.end()
  })
}
