/**
 * A checked article without the fields it shares with the loaded article it was checked from (the
 * Markdown, the frontmatter, file and URL). Worker threads send back only this part, and the build
 * cache stores only this part: the main thread already holds the loaded article, and re-attaching
 * its fields keeps one copy of each Markdown text in memory instead of two.
 */
import type { CheckedArticle, LoadedArticle } from './types.js'

/** The fields a checked article adds to its loaded article. */
export type CheckedPart = Omit<CheckedArticle, keyof LoadedArticle>

export function withoutLoad(checked: CheckedArticle | CheckedPart): CheckedPart {
  const { mode, lead, html, figures, asserts, panel, problems } = checked
  return { mode, lead, html, figures, asserts, panel, problems }
}

/** The whole checked article again, from its part and the loaded article it was checked from. */
export function withLoad(
  article: LoadedArticle,
  checked: CheckedArticle | CheckedPart
): CheckedArticle {
  return {
    file: article.file,
    frontmatter: article.frontmatter,
    markdown: article.markdown,
    url: article.url,
    ...withoutLoad(checked)
  }
}
