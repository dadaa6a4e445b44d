/**
 * Embeds (issue 18): an iframe of an article's raw HTML is kept only from a host listed under
 * `embeds:`, over https, rebuilt with a sandbox and lazy loading; every other iframe is dropped
 * with an `embed-dropped` warning at its line and column, never silently.
 */
import type { Root as HastRoot } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import rehypeSanitize from 'rehype-sanitize'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { problemsOf } from '../../src/article/article-file.js'
import { parseMarkdown } from '../../src/markdown/parse-markdown.js'
import { renderBodyHtml } from '../../src/render/body-html.js'
import { embedSandbox } from '../../src/render/embeds.js'
import { sanitizeSchema } from '../../src/render/sanitize-schema.js'
import type { Problem } from '../../src/types.js'

const hosts = ['datawrapper.dwcdn.net', 'www.youtube-nocookie.com']

/** The body of `markdown` rendered with `hosts` listed, and the problems it left on its file. */
function rendered(markdown: string, listed: readonly string[] = hosts) {
  const file = new VFile({ path: 'content/story.md', value: markdown })
  file.data.embedHosts = listed
  const html = renderBodyHtml(parseMarkdown(markdown), [], markdown, file)
  return { tree: fromHtml(html, { fragment: true }), problems: problemsOf(file) }
}

function iframes(tree: HastRoot) {
  return selectAll('iframe', tree)
}

/** `line:column rule severity` of each problem, to compare in one look. */
function placed(problems: readonly Problem[]): string[] {
  return problems.map(
    (problem) => `${problem.line}:${problem.column} ${problem.rule} ${problem.severity}`
  )
}

describe('an iframe on a listed host', () => {
  const markdown =
    'A chart:\n\n<iframe title="Bitcoin, a year" src="https://datawrapper.dwcdn.net/AbC12/3/" width="600" height="400" onload="alert(1)" srcdoc="<b>x</b>" style="border:0" name="x" allow="fullscreen; camera; microphone" frameborder="0">fallback</iframe>\n'

  it('is kept, sandboxed and lazy-loaded', () => {
    const { tree, problems } = rendered(markdown)
    const iframe = select('iframe', tree)
    expect(iframe?.properties).toEqual({
      src: 'https://datawrapper.dwcdn.net/AbC12/3/',
      title: 'Bitcoin, a year',
      width: 600,
      height: 400,
      allowFullScreen: true,
      loading: 'lazy',
      sandbox: [...embedSandbox]
    })
    expect(embedSandbox).toEqual([
      'allow-scripts',
      'allow-same-origin',
      'allow-popups',
      'allow-presentation'
    ])
    expect(iframe?.children).toEqual([])
    expect(problems).toEqual([])
  })

  it('keeps nothing else it was written with: no handler, srcdoc, style, name or allow list', () => {
    const iframe = select('iframe', rendered(markdown).tree)
    for (const dropped of ['onLoad', 'srcDoc', 'style', 'name', 'allow', 'frameBorder'])
      expect(iframe?.properties).not.toHaveProperty(dropped)
  })

  it('takes a protocol-relative embed code as https', () => {
    const { tree, problems } = rendered(
      '<iframe src="//www.youtube-nocookie.com/embed/abc" allowfullscreen></iframe>\n'
    )
    expect(select('iframe', tree)?.properties).toMatchObject({
      src: 'https://www.youtube-nocookie.com/embed/abc',
      allowFullScreen: true
    })
    expect(problems).toEqual([])
  })

  it('keeps no width or height that is not a plain number', () => {
    const { tree } = rendered(
      '<iframe src="https://datawrapper.dwcdn.net/x/" width="100%" height="40em"></iframe>\n'
    )
    const properties = select('iframe', tree)?.properties
    expect(properties).not.toHaveProperty('width')
    expect(properties).not.toHaveProperty('height')
  })
})

describe('an iframe that is not kept', () => {
  it('is dropped with a warning at its line and column naming its host and the setting', () => {
    const markdown =
      'Intro.\n\nSee <iframe src="https://evil.example.org/x"></iframe> here.\n\n<div>\n  <iframe src="https://datawrapper.dwcdn.net.evil.example/x"></iframe>\n</div>\n'
    const { tree, problems } = rendered(markdown)
    expect(iframes(tree)).toHaveLength(0)
    expect(placed(problems)).toEqual(['3:5 embed-dropped warning', '6:3 embed-dropped warning'])
    expect(problems[0]?.message).toBe(
      'an iframe from evil.example.org was dropped: that host is not listed under embeds: in data/site.yaml; add "evil.example.org" there to keep it (sandboxed and lazy-loaded)'
    )
    expect(problems[1]?.message).toContain('datawrapper.dwcdn.net.evil.example')
    // The text around it stays.
    expect(select('p', tree)).toBeDefined()
  })

  it('matches hosts exactly: a listed host admits none of its subdomains or parents', () => {
    const { tree, problems } = rendered(
      '<iframe src="https://dwcdn.net/x"></iframe>\n\n<iframe src="https://x.datawrapper.dwcdn.net/x"></iframe>\n'
    )
    expect(iframes(tree)).toHaveLength(0)
    expect(placed(problems)).toEqual(['1:1 embed-dropped warning', '3:1 embed-dropped warning'])
  })

  it.each([
    [
      'javascript:',
      '<iframe src="javascript:alert(1)"></iframe>',
      /a javascript: address .* only https/
    ],
    [
      'http',
      '<iframe src="http://datawrapper.dwcdn.net/x/"></iframe>',
      /a http: address .* only https .*https:\/\//
    ],
    [
      'data:',
      '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
      /a data: address/
    ],
    [
      'srcdoc only',
      '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      /without a src .*srcdoc is never kept/
    ],
    [
      'a relative address',
      '<iframe src="/local/page.html"></iframe>',
      /only an absolute https address/
    ],
    [
      'credentials',
      '<iframe src="https://me:pw@datawrapper.dwcdn.net/x"></iframe>',
      /user name or password/
    ]
  ])('drops a %s iframe with a warning, even from a listed host', (_name, html, message) => {
    const { tree, problems } = rendered(`Text.\n\n${html}\n`)
    expect(iframes(tree)).toHaveLength(0)
    expect(placed(problems)).toEqual(['3:1 embed-dropped warning'])
    expect(problems[0]?.message).toMatch(message)
  })

  it('is dropped when no host is listed, the default', () => {
    const { tree, problems } = rendered(
      '<iframe src="https://datawrapper.dwcdn.net/x/"></iframe>\n',
      []
    )
    expect(iframes(tree)).toHaveLength(0)
    expect(placed(problems)).toEqual(['1:1 embed-dropped warning'])
  })
})

const sanitizer = unified().use(rehypeSanitize, sanitizeSchema)

/** `tree` held to the body's sanitize schema alone, as the last step of the body sees it. */
function sanitized(tree: HastRoot): HastRoot {
  return sanitizer.runSync(tree)
}

describe('the sanitize schema', () => {
  it('holds every iframe that reaches it to the sandbox and lazy loading, without handler or srcdoc', () => {
    const raw = fromHtml(
      '<iframe src="https://a.example/" onload="alert(1)" srcdoc="x" sandbox="allow-top-navigation allow-scripts" loading="eager" name="n"></iframe>',
      { fragment: true }
    )
    const iframe = select('iframe', sanitized(raw))
    expect(iframe?.properties).toMatchObject({
      src: 'https://a.example/',
      loading: 'lazy',
      sandbox: ['allow-scripts']
    })
    expect(iframe?.properties).not.toHaveProperty('onLoad')
    expect(iframe?.properties).not.toHaveProperty('srcDoc')
    const bare = fromHtml('<iframe src="https://a.example/"></iframe>', { fragment: true })
    expect(select('iframe', sanitized(bare))?.properties).toEqual({
      src: 'https://a.example/',
      loading: 'lazy',
      sandbox: [...embedSandbox]
    })
  })
})
