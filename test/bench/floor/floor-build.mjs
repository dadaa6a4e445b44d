/**
 * The floor (issue 21 item 6): the least work a Markdown-to-HTML build of the corpus must do,
 * measured as a third builder so that factdesk's cold build can be quoted as a ratio of it. It
 * lists every `.md` file under `content/`, splits the files over two worker threads
 * (`floor-worker.mjs`) and writes one `OUT/<path>/index.html` per article. Nothing else: no
 * listings, feeds, checks, figures, cache or search (see "The floor" in ../README.md).
 *
 * Usage: node test/bench/floor/floor-build.mjs --root CORPUS --out DIR
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import process from 'node:process'
import console from 'node:console'
import { parseArgs } from 'node:util'
import { Worker } from 'node:worker_threads'

/** Two threads, as factdesk uses on the bench's 2-core machines. */
const floorThreads = 2

const { values } = parseArgs({
  options: { root: { type: 'string' }, out: { type: 'string' } }
})
if (values.root === undefined || values.out === undefined) {
  console.error('usage: node test/bench/floor/floor-build.mjs --root CORPUS --out DIR')
  process.exit(2)
}
const content = join(values.root, 'content')
const files = (await readdir(content, { recursive: true, withFileTypes: true }))
  .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
  .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
  .sort()

// Dealt out in turn, not halved: articles are of similar size, so each thread gets half the work
// whatever order the folders list in.
const shares = Array.from({ length: floorThreads }, (_, thread) =>
  files.filter((_, index) => index % floorThreads === thread)
)
const written = await Promise.all(shares.map((share) => runWorker(share)))
const total = written.reduce((sum, count) => sum + count, 0)
if (total !== files.length) {
  console.error(`floor: wrote ${total} pages for ${files.length} articles`)
  process.exit(1)
}

/**
 * One worker's share; resolves with the number of pages it wrote. A worker that throws or exits
 * early rejects, so the build exits non-zero and the bench reports it FAILED.
 * @param {string[]} share
 * @returns {Promise<number>}
 */
function runWorker(share) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./floor-worker.mjs', import.meta.url), {
      workerData: { content, out: values.out, files: share }
    })
    let count = null
    worker.once('message', (message) => {
      count = message
    })
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code === 0 && count !== null) resolve(count)
      else reject(new Error(`floor worker exited with ${code}`))
    })
  })
}
