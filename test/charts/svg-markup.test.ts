import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import { describe, expect, it } from 'vitest'
import { svgElement } from '../../src/charts/svg-markup.js'

describe('svgElement', () => {
  it('escapes texts and attribute values, so data words never become markup', () => {
    const markup = svgElement(
      'svg',
      { 'data-x': 'a "b" & <c>' },
      {
        children: [svgElement('title', {}, { text: 'Loss <script>alert(1)</script> & "more"' })]
      }
    )
    expect(markup).toBe(
      '<svg data-x="a &quot;b&quot; &amp; &lt;c&gt;"><title>Loss &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;</title></svg>'
    )
    const tree = fromHtml(markup, { fragment: true })
    expect(selectAll('script', tree)).toEqual([])
    expect(toString(selectAll('title', tree)[0] ?? tree)).toBe(
      'Loss <script>alert(1)</script> & "more"'
    )
    expect(selectAll('svg', tree)[0]?.properties.dataX).toBe('a "b" & <c>')
  })

  it('writes numbers as they are and closes every element', () => {
    expect(svgElement('circle', { cx: 1.5, r: 0 })).toBe('<circle cx="1.5" r="0"></circle>')
  })
})
