/**
 * Figure detection, case by case (`test/fixtures/figures/<case>/`): each `input.md` is an article
 * whose `expected.json` lists the figures a careful reader would underline, with position,
 * reading, unit, approximator and direction (SPEC 5). A case folder may hold `data/site.yaml`.
 */
import { figuresOf, siteSettingsOf } from '../helpers/article-pipeline.js'
import { testFixturePairs } from '../helpers/fixture-pairs.js'

testFixturePairs('figures', async ({ dir, input }) =>
  figuresOf(input, { settings: await siteSettingsOf(dir) })
)
