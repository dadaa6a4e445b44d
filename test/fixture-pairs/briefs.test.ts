/**
 * Briefs, case by case (`test/fixtures/briefs/<case>/`): each `input.md` goes through the whole
 * pipeline and the project's templates, and `expected.json` holds what a reader finds on the page,
 * read from the parsed HTML (SPEC 8): the headline and its marked figures, the headings, each marked figure with its
 * status and hover text, and the fact-check panel: each entry's verdict, sentence, data links and
 * chart title, the 'How this was computed' rows, the unchecked figures and the statements. A case folder is a site root for its data.
 */
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import { briefOf, siteSettingsOf } from '../helpers/article-pipeline.js'
import { testFixturePairs } from '../helpers/fixture-pairs.js'

testFixturePairs('briefs', async ({ dir, input }) => {
  const { html } = await briefOf(input, { root: dir, settings: await siteSettingsOf(dir) })
  return briefSummary(fromHtml(html))
})

/** What a reader finds on a brief, as plain data. */
function briefSummary(page: Root) {
  const brief = select('article.brief', page)
  if (brief === undefined) throw new TypeError('the page has no `article.brief`')
  return {
    headline: textOf(select('h1', brief)),
    headlineMarks: selectAll('h1 span.fd-fig', brief).map((mark) => ({
      text: toString(mark),
      status: mark.properties.dataStatus ?? null,
      title: mark.properties.title ?? null
    })),
    byline: textOf(select('.brief__byline', brief)),
    headings: selectAll('h2, h3', brief).map((heading) => toString(heading)),
    corrections: selectAll('.corrections li', brief).map((item) => toString(item)),
    marks: selectAll('.brief__body span.fd-fig', brief).map((mark) => ({
      text: toString(mark),
      status: mark.properties.dataStatus ?? null,
      title: mark.properties.title ?? null
    })),
    summary: textOf(select('.fact-panel__summary', brief)),
    checks: selectAll('.fact-panel__checks > li', brief).map((check) => ({
      verdict: textOf(select('.verdict', check)),
      status: check.properties.className,
      figure: textOf(select('.check__figure', check)),
      explanation: textOf(select('.check__explanation', check)),
      dataLinks: selectAll('.check__data a', check).map((link) => link.properties.href ?? null),
      // An accessible chart's name: the `<title>` of its `role="img"` drawing.
      chart: textOf(select('.check__chart svg[role=img] > title', check))
    })),
    how: selectAll('.fact-panel__how tbody tr', brief).map((row) =>
      selectAll('td', row).map((cell) => toString(cell))
    ),
    unchecked: selectAll('.fact-panel__unchecked li', brief).map((item) => toString(item)),
    asserts: selectAll('.fact-panel__asserts li', brief).map((item) => toString(item)),
    sources: linksIn(selectAll('.brief__sources li', brief)),
    tags: linksIn(selectAll('.brief__tags li', brief))
  }
}

function textOf(element: Element | undefined): string | null {
  return element === undefined ? null : toString(element)
}

function linksIn(items: Element[]): { name: string; href: unknown }[] {
  return items.map((item) => ({
    name: toString(item),
    href: select('a', item)?.properties.href ?? null
  }))
}
