/** The fact-check report page (SPEC 8), linking each article to its brief when it has one. */
import { factcheckPath, renderFactcheckPage } from '../render/factcheck-page.js'
import { outputFileOf } from '../render/urls.js'
import { briefs } from './briefs.js'
import type { Output } from './output.js'

/** `factcheck/index.html`, kept from the output when made from the same report and page. */
export const factcheckPage: Output = {
  name: 'factcheck-page',
  render(context) {
    const { settings, site, templates, report, problems, memo } = context
    const published = context.listedBy(briefs.name)
    const page = renderFactcheckPage(
      { settings, site, templates, report, sorted: context.articles, briefs: published },
      problems
    )
    if ('problem' in page) {
      problems.push(page.problem)
      return
    }
    // Made from the report (its declared inputs stand for its view, which is the size of the
    // site) and which briefs it may link to, in the frame of every page.
    const key = memo
      ? memo.pageKey(JSON.stringify([memo.reportKey, ...published]), 'factcheck')
      : ''
    const file = { path: outputFileOf(page.sitePath), chunks: page.chunks }
    if (context.addReusable(file, `the fact-check page ${factcheckPath}`, key)) context.list(page)
  }
}
