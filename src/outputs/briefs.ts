/**
 * The briefs (SPEC 8), one per article at its permalink, added before any other page: a slug that
 * lands on a section page is blamed on the article with that slug, not on the stories listed there.
 */
import { renderBrief } from '../render/brief.js'
import { encodePage } from '../render/render-page.js'
import type { Output } from './output.js'

/** The brief of every article, taken as rendered earlier (workers, cache) when it was. */
export const briefs: Output = {
  name: 'briefs',
  render(context) {
    const { settings, site, templates, dataPaths } = context
    for (const article of context.articles) {
      const brief =
        context.renderedBriefs?.get(article.file) ??
        encodePage(renderBrief({ settings, site, templates, dataPaths }, article))
      if ('problem' in brief) context.problems.push(brief.problem)
      else context.addPage(brief, `the brief of ${article.file}`, article.file)
    }
  }
}
