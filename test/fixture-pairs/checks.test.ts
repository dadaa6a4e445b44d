/**
 * The fact check, case by case (`test/fixtures/checks/<case>/`): each case folder is a site root
 * whose `input.md` names data files under the folder's `data/`; `expected.json` gives each
 * figure's verdict, each assert's, the fact-check panel and every problem as
 * `line:column severity rule: message` (SPEC 6).
 */
import type { Problem } from '../../src/types.js'
import { checkedArticleOf, siteSettingsOf } from '../helpers/article-pipeline.js'
import { testFixturePairs } from '../helpers/fixture-pairs.js'

testFixturePairs('checks', async ({ dir, input }) => {
  const { article, dataProblems } = await checkedArticleOf(input, {
    root: dir,
    settings: await siteSettingsOf(dir)
  })
  return {
    figures: article.figures.map((figure) => ({
      text: figure.text,
      in: figure.in,
      line: figure.line,
      column: figure.column,
      status: figure.status,
      actual: figure.actual,
      expr: figure.expr,
      message: figure.message
    })),
    asserts: article.asserts.map(({ says, status, message }) => ({ says, status, message })),
    panel: article.panel,
    problems: article.problems.map(problemLine),
    dataProblems: dataProblems.map(problemLine)
  }
})

function problemLine(problem: Problem): string {
  const where = problem.file === undefined ? '' : `${problem.file}:`
  return `${where}${problem.line}:${problem.column} ${problem.severity} ${problem.rule}: ${problem.message}`
}
