import { request } from 'node:http'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDevServer } from '../../src/dev/dev-server.js'
import { siteYaml, tempSite } from '../helpers/temp-site.js'
import { openEventStream } from './event-stream.js'
import { serverOptions } from './running-server.js'
import type { DevServer } from '../../src/dev/dev-server.js'
import type { SuggestChecks } from '../../src/dev/dev-suggestions.js'
import type { Suggestion } from '../../src/types.js'

const story = 'content/2025/11/04/story.md'
const page = '/2025/11/04/story/'
const original = `---
title: 'Bitcoin plummets'   # the desk's wording
date: 2025-11-04
data:
  btc: markets/btc-usd.csv   # daily bars
---
Bitcoin plummeted over 7% on Tuesday.
`
const verified: Suggestion = {
  expr: 'pct_change(btc.close, "2025-11-03", "2025-11-04")',
  actual: -7.41,
  status: 'verified',
  explanation: 'btc close fell 7.41% from 3 Nov to 4 Nov 2025'
}
const closest: Suggestion = {
  expr: 'pct_change(btc.close, "2025-11-02", "2025-11-04")',
  actual: -3,
  status: 'contradicted',
  explanation: 'btc close fell 3% from 2 Nov to 4 Nov 2025'
}

/** Suggestions made by hand for the one unchecked figure, as the engine would give them. */
const suggest: SuggestChecks = (_root, _settings, report) =>
  Promise.resolve({
    ...report,
    articles: report.articles.map((entry) => ({
      ...entry,
      figures: entry.figures.map((figure) =>
        figure.status === 'unchecked' && figure.text === 'over 7%'
          ? { ...figure, suggestions: [verified, closest] }
          : figure
      )
    }))
  })

describe('the dev server’s "Add this check" endpoint', () => {
  let root: string
  let server: DevServer
  let origin: string
  let endpoint: string

  beforeAll(async () => {
    root = await tempSite({
      'data/site.yaml': siteYaml,
      'data/markets/btc-usd.csv':
        'date,close\n2025-11-02,95.45\n2025-11-03,100\n2025-11-04,92.59\n',
      [story]: original
    })
    server = await startDevServer({
      ...serverOptions(root),
      debounceMs: 20,
      suggest
    })
    origin = `http://127.0.0.1:${new URL(server.url).port}`
    endpoint = `${origin}/__factdesk/add-check`
  }, 60_000)

  afterAll(async () => {
    await server?.close()
  })

  const accepted = { file: story, figure: 'over 7%', expr: verified.expr }

  function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body)
    })
  }

  /** The story and every file next to it are as they were: nothing written, no temporary left. */
  async function expectNothingWritten(): Promise<void> {
    expect(await readFile(join(root, story), 'utf8')).toBe(original)
    expect(await readdir(join(root, 'content/2025/11/04'))).toEqual(['story.md'])
  }

  async function refusal(response: Response): Promise<[number, boolean, string]> {
    const answer = (await response.json()) as { ok: boolean; message: string }
    return [response.status, answer.ok, answer.message]
  }

  it('offers the suggestions on the page, the one that verifies first', async () => {
    const html = await (await fetch(`${origin}${page}`)).text()
    const buttons = selectAll('#factdesk-suggestions button[data-fd-add-check]', fromHtml(html))
    expect(buttons.map((button) => [toString(button), button.properties.dataExpr])).toEqual([
      ['Add this check', verified.expr],
      ['Add this check anyway (it would contradict)', closest.expr]
    ])
  })

  it.each([
    ['a page of another site', { Origin: 'http://evil.example' }],
    ['another port of this machine', { Origin: 'http://127.0.0.1:1' }],
    ['a cross-site fetch', { 'Sec-Fetch-Site': 'cross-site' }]
  ])('refuses a request from %s', async (_from, headers) => {
    expect(await refusal(await post(accepted, headers))).toEqual([
      403,
      false,
      'only pages of this dev server may add checks'
    ])
    await expectNothingWritten()
  })

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a body sent as %s, as a form or a no-cors fetch of another site sends it',
    async (type) => {
      const response = await post(accepted, { 'Content-Type': type })
      expect(await refusal(response)).toEqual([
        415,
        false,
        'the request must be JSON (Content-Type: application/json)'
      ])
      await expectNothingWritten()
    }
  )

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const body = JSON.stringify(accepted)
      const sent = request(endpoint, {
        method: 'POST',
        headers: { Host: 'evil.example', 'Content-Type': 'application/json' }
      })
      sent.on('response', (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      })
      sent.on('error', reject)
      sent.end(body)
    })
    expect(status).toBe(403)
    await expectNothingWritten()
  })

  it.each([
    'content/2025/11/04/other.md',
    'content/2025/11/04/../../../data/site.yaml',
    `./${story}`,
    `/${story}`,
    'content/2025/11/../11/04/story.md',
    'data/site.yaml'
  ])('refuses the file %s, which is not an article of the build', async (file) => {
    const [status, ok, message] = await refusal(await post({ ...accepted, file }))
    expect([status, ok, message]).toEqual([
      404,
      false,
      `${file} is not an article of the current build`
    ])
    await expectNothingWritten()
  })

  it.each([
    ['an expression of its own', { ...accepted, expr: 'btc.close["2025-11-04"] * 0 + 7' }],
    ['a suggestion for another figure', { ...accepted, figure: 'Tuesday' }],
    ['another occurrence', { ...accepted, occurrence: 2 }]
  ])('refuses %s: only a current suggestion is written', async (_name, body) => {
    const [status, ok, message] = await refusal(await post(body))
    expect([status, ok]).toEqual([409, false])
    expect(message).toContain('is not a current suggestion for')
    await expectNothingWritten()
  })

  it.each([
    ['not JSON', '{"file":', 400],
    ['without an expression', JSON.stringify({ file: story, figure: 'over 7%' }), 400],
    ['over 16 KB', JSON.stringify({ ...accepted, padding: 'x'.repeat(16 * 1024) }), 413]
  ])('refuses a body %s', async (_name, body, status) => {
    expect((await post(body)).status).toBe(status)
    await expectNothingWritten()
  })

  it('answers only POST', async () => {
    expect((await fetch(endpoint)).status).toBe(405)
    await expectNothingWritten()
  })

  it('writes an accepted suggestion into the frontmatter; the rebuilt page has the figure verified', async () => {
    const events = await openEventStream(`${origin}/__factdesk/events`)
    try {
      await events.next('build')
      const response = await post(accepted, { Origin: origin, 'Sec-Fetch-Site': 'same-origin' })
      expect(await refusal(response)).toEqual([
        200,
        true,
        `added the check of "over 7%" to ${story}; the page reloads once the site is rebuilt`
      ])
      expect(await readFile(join(root, story), 'utf8')).toBe(
        original.replace(
          '---\nBitcoin',
          `checks:\n  - figure: "over 7%"\n    expr: ${verified.expr}\n---\nBitcoin`
        )
      )
      expect(await readdir(join(root, 'content/2025/11/04'))).toEqual(['story.md'])
      await events.next('reload', 30_000)
    } finally {
      events.close()
    }
    const tree = fromHtml(await (await fetch(`${origin}${page}`)).text())
    expect(selectAll('.fd-fig--verified', tree).map((node) => toString(node))).toContain('over 7%')
    expect(selectAll('[data-fd-add-check]', tree)).toEqual([])
    // The figure is checked now: the same request names no current suggestion.
    expect((await post(accepted)).status).toBe(409)
  }, 60_000)
})

describe('"Add this check" with the suggestion engine', () => {
  it('offers a check that the data supports, and adding it verifies the figure', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'data/markets/btc-usd.csv':
        'date,close\n2025-11-02,95.45\n2025-11-03,100\n2025-11-04,92.59\n',
      [story]: original
    })
    const server = await startDevServer({
      ...serverOptions(root),
      debounceMs: 20
    })
    try {
      const origin = `http://127.0.0.1:${new URL(server.url).port}`
      const before = fromHtml(await (await fetch(`${origin}${page}`)).text())
      const [first] = selectAll('#factdesk-suggestions button[data-fd-add-check]', before)
      expect(first === undefined ? '' : toString(first)).toBe('Add this check')
      const { dataFile, dataFigure, dataExpr } = first?.properties ?? {}
      expect([dataFile, dataFigure]).toEqual([story, 'over 7%'])

      const events = await openEventStream(`${origin}/__factdesk/events`)
      try {
        await events.next('build')
        const response = await fetch(`${origin}/__factdesk/add-check`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: origin },
          body: JSON.stringify({ file: dataFile, figure: dataFigure, expr: dataExpr })
        })
        expect(response.status).toBe(200)
        await events.next('reload', 30_000)
      } finally {
        events.close()
      }
      const after = fromHtml(await (await fetch(`${origin}${page}`)).text())
      expect(selectAll('.fd-fig--verified', after).map((node) => toString(node))).toEqual([
        'over 7%'
      ])
      expect(await readFile(join(root, story), 'utf8')).toContain(
        `checks:\n  - figure: "over 7%"\n    expr: ${String(dataExpr)}\n---\n`
      )
    } finally {
      await server.close()
    }
  }, 60_000)
})

describe('"Add this check" pressed twice at once', () => {
  it('writes both checks: the second edit starts from the first one’s file', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'data/markets/btc-usd.csv': 'date,close\n2025-11-03,100\n2025-11-04,92.59\n',
      [story]: original.replace('on Tuesday.', 'on Tuesday, after a 5% rise on Monday.')
    })
    const everyFigure: SuggestChecks = (_root, _settings, report) =>
      Promise.resolve({
        ...report,
        articles: report.articles.map((entry) => ({
          ...entry,
          figures: entry.figures.map((figure) =>
            figure.status === 'unchecked' ? { ...figure, suggestions: [verified] } : figure
          )
        }))
      })
    const server = await startDevServer({
      ...serverOptions(root),
      suggest: everyFigure
    })
    try {
      const origin = `http://127.0.0.1:${new URL(server.url).port}`
      const tree = fromHtml(await (await fetch(`${origin}${page}`)).text())
      const figures = selectAll('button[data-fd-add-check]', tree).map((button) =>
        String(button.properties.dataFigure)
      )
      expect(figures).toHaveLength(2)
      const answers = await Promise.all(
        figures.map((figure) =>
          fetch(`${origin}/__factdesk/add-check`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ file: story, figure, expr: verified.expr })
          })
        )
      )
      expect(answers.map((answer) => answer.status)).toEqual([200, 200])
      const text = await readFile(join(root, story), 'utf8')
      for (const figure of figures) expect(text).toContain(`  - figure: "${figure}"\n`)
    } finally {
      await server.close()
    }
  }, 60_000)
})
