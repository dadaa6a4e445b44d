/**
 * Suggested checks, case by case (issue 20): each `test/fixtures/suggestions/<case>/input.md` is
 * an article with no checks, built in a site whose `data/` is `test/fixtures/suggestions-data/`
 * (an Acme share price series shaped to have an August peak and a fall on the article's day, a
 * second company's, daily liquidations, a record and a labelled table). `expected.json` holds,
 * for each unchecked figure, its suggestions best first: one case per candidate family, and cases
 * for the rules that rank them (named dates, the sentence's words, a closest line that would
 * contradict, the `occurrence` a repeated text needs, nothing at all).
 */
import { cp, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { build } from '../../src/build.js'
import { withSuggestions } from '../../src/suggest/suggest-site.js'
import { fixturesRoot, testFixturePairs } from '../helpers/fixture-pairs.js'
import { siteYaml, tempSite } from '../helpers/temp-site.js'

testFixturePairs('suggestions', async ({ input }) => {
  const root = await tempSite({ 'data/site.yaml': siteYaml, 'content/story.md': input })
  await cp(join(fixturesRoot, 'suggestions-data'), join(root, 'data'), { recursive: true })
  await writeFile(join(root, 'data', 'site.yaml'), siteYaml)
  const built = await build({
    root,
    out: join(root, 'dist'),
    strict: false,
    drafts: false,
    now: DateTime.fromISO('2025-11-06T00:00:00Z'),
    write: false,
    search: false,
    variants: false
  })
  const report = await withSuggestions(root, built.settings, built.report, { from: 'article' })
  return report.articles.flatMap((entry) =>
    entry.figures
      .filter((figure) => figure.status === 'unchecked')
      .map((figure) => ({
        figure: figure.text,
        suggestions: (figure.suggestions ?? []).map((suggestion) => ({
          expr: suggestion.expr,
          status: suggestion.status,
          actual: Number(suggestion.actual.toPrecision(6)),
          explanation: suggestion.explanation,
          ...(suggestion.occurrence === undefined ? {} : { occurrence: suggestion.occurrence })
        }))
      }))
  )
})
