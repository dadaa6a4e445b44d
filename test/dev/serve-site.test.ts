import { describe, expect, it } from 'vitest'
import { contentTypeOf } from '../../src/dev/content-type.js'
import { injectBeforeBodyEnd } from '../../src/dev/serve-site.js'

describe('injectBeforeBodyEnd', () => {
  it.each([
    [
      'before </body>',
      '<html><body><p>x</p></body></html>',
      '<html><body><p>x</p>[S]</body></html>'
    ],
    [
      'before the last </body> when a page quotes one',
      '<body><pre>&lt;/body&gt;</pre><code></body></code></body>',
      '<body><pre>&lt;/body&gt;</pre><code></body></code>[S]</body>'
    ],
    ['whatever the case of the tag', '<BODY><P>x</BODY>', '<BODY><P>x[S]</BODY>'],
    ['at the end of a page without </body>', '<p>x', '<p>x[S]']
  ])('puts the snippet %s', (_case, html, expected) => {
    expect(injectBeforeBodyEnd(html, '[S]')).toBe(expected)
  })
})

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/style.3f2a9c.css', 'text/css; charset=utf-8'],
    ['feed.xml', 'application/xml; charset=utf-8'],
    ['atom.xml', 'application/xml; charset=utf-8'],
    ['feed.json', 'application/json; charset=utf-8'],
    ['factcheck.json', 'application/json; charset=utf-8'],
    ['latest.txt', 'text/plain; charset=utf-8'],
    ['robots.txt', 'text/plain; charset=utf-8'],
    ['data/markets/btc-usd.csv', 'text/csv; charset=utf-8'],
    ['data/rates/boj.tsv', 'text/tab-separated-values; charset=utf-8'],
    ['data/macro/us-shutdown.yaml', 'text/yaml; charset=utf-8'],
    ['assets/LOGO.PNG', 'image/png'],
    ['data/unknown.bin', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream']
  ])('serves %s as %s', (path, type) => {
    expect(contentTypeOf(path)).toBe(type)
  })
})
