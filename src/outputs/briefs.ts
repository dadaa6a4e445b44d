/**
 * The briefs (SPEC 8), one per article at its permalink, added before any other page: a slug that
 * lands on a section page is blamed on the article with that slug, not on the stories listed there.
 * Briefs are rendered with their article's file in stage 2 (by a worker, or kept in the cache):
 * past it an article is a summary, which holds no body to render.
 */
import type { Output } from './output.js'

/** The brief of every article, as stage 2 rendered it. */
export const briefs: Output = {
  name: 'briefs',
  render(context) {
    for (const article of context.articles) {
      const brief = context.renderedBriefs.get(article.file)
      if (brief === undefined) throw new Error(`${article.file}: its brief was never rendered`)
      if ('problem' in brief) context.problems.push(brief.problem)
      else context.addPage(brief, `the brief of ${article.file}`, article.file)
    }
  }
}
