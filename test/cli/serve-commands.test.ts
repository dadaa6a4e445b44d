import type { ChildProcess } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { ended, ensureCompiled, startCli } from '../helpers/compiled-cli.js'
import { runCli } from '../helpers/run-cli.js'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'

/** A loopback address other than the default one: only a `--host` that got through binds it. */
const otherLoopback = '127.0.0.2'

/** The first URL `child` says it serves, once it says so. */
function servedUrl(child: ChildProcess): Promise<URL> {
  return new Promise((resolve, reject) => {
    let text = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const found = /serving (http:\/\/\S+)/.exec(text)?.[1]
      if (found !== undefined) resolve(new URL(found))
    })
    child.on('close', () => reject(new Error(`ended before serving:\n${text}`)))
  })
}

/** Runs `factdesk ...args` until it serves, fetches its home page, stops it with Ctrl-C. */
async function serveOnce(
  args: readonly string[]
): Promise<{ url: URL; status: number; code: number | null }> {
  const child = startCli(args)
  const end = ended(child)
  try {
    const url = await servedUrl(child)
    const status = (await fetch(url)).status
    child.kill('SIGINT')
    return { url, status, code: (await end).code }
  } finally {
    child.kill('SIGKILL')
  }
}

describe('dev and preview from the command line', () => {
  let root: string
  beforeAll(async () => {
    root = await tempSite({
      'data/site.yaml': siteYaml,
      'content/2025/11/04/first-story.md': article('title: First story\ndate: 2025-11-04')
    })
    await ensureCompiled()
  }, 180_000)

  it('refuses to preview a site that was never built, saying to build it first', async () => {
    const run = await runCli(['preview', '--root', root])
    expect(run.exit).toBe(2)
    expect(run.stderr).toMatch(
      /^factdesk: there is no built site at .*: run factdesk build first\n$/
    )
  })

  it('previews the built site on the address --host gives, and stops on Ctrl-C with exit 0', async () => {
    expect((await runCli(['build', '--root', root])).exit).toBe(0)
    const served = await serveOnce([
      'preview',
      '--root',
      root,
      '--port',
      '0',
      '--host',
      otherLoopback
    ])
    expect(served.url.hostname).toBe(otherLoopback)
    expect(served.status).toBe(200)
    expect(served.code).toBe(0)
  })

  it('passes --host to the dev server', async () => {
    const served = await serveOnce([
      'dev',
      '--root',
      root,
      '--port',
      '0',
      `--host=${otherLoopback}`
    ])
    expect(served.url.hostname).toBe(otherLoopback)
    expect(served.status).toBe(200)
    expect(served.code).toBe(0)
  })
})
