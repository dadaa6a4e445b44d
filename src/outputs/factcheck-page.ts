/** The fact-check report page (SPEC 8), linking each article to its brief when it has one. */
import { factcheckPath, factcheckRef, renderFactcheckPage } from '../render/factcheck-page.js'
import { outputFileOf } from '../render/urls.js'
import { briefs } from './briefs.js'
import type { Output } from './output.js'

/** `factcheck/index.html`, kept from the output when made from the same report and page. */
export const factcheckPage: Output = {
  name: 'factcheck-page',
  render(context) {
    const { settings, site, templates, report, problems, memo } = context
    const published = context.listedBy(briefs.name)
    const make = () =>
      renderFactcheckPage(
        { settings, site, templates, report, sorted: context.articles, briefs: published },
        problems
      )
    if (!memo) {
      const page = make()
      if ('problem' in page) problems.push(page.problem)
      else if (context.add({ path: outputFileOf(factcheckPath), chunks: page.chunks }, owner))
        context.list(page)
      return
    }
    // Made from the report (its declared inputs stand for its view, which is the size of the
    // site) and which briefs it may link to, in the frame of every page: when the output holds
    // the page made from the same, nothing of it is made (at 4,000 articles, tens of ms a save).
    const key = memo.pageKey(JSON.stringify([memo.reportKey, ...published]), 'factcheck')
    const before = problems.length
    const chunks = (): Iterable<string> => {
      const page = make()
      if (!('problem' in page)) return page.chunks()
      // A page that fails fails the build: the empty file it leaves is never published.
      problems.push(page.problem)
      return []
    }
    const file = { path: outputFileOf(factcheckPath), chunks }
    if (context.addReusable(file, owner, key) && problems.length === before)
      context.list(factcheckRef(context.articles))
  }
}

const owner = `the fact-check page ${factcheckPath}`
