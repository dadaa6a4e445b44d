import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { HtmlValidate } from 'html-validate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { chartForCheck } from '../../src/charts/chart-for-check.js'
import { describeInBrowser, launchChromium } from '../browser/chromium.js'
import { makeFigure } from '../checks/make-figure.js'
import { dayOf, evaluateOn, tolerance } from './chart-data.js'

/*
 * Charts are valid HTML5 as the site's pages are validated (test/browser/html-validity.test.ts),
 * pass axe-core, and are named by their <title> in the browser's accessibility tree. Several
 * charts share one page, as the panel's checks do.
 */
const charts = [
  chartForCheck(
    evaluateOn(`pct_change(coin.close, "${dayOf(40)}", "${dayOf(45)}")`),
    makeFigure('over 3%', { value: 3, unit: '%', approx: 'over', direction: 'up' }),
    {},
    tolerance
  ),
  chartForCheck(
    evaluateOn(`coin.close["${dayOf(21)}"]`),
    makeFigure('about 120 dollars', { value: 120, unit: 'USD', approx: 'about' }),
    {},
    tolerance
  ),
  chartForCheck(
    evaluateOn(`sum(coin.close, "${dayOf(30)}", "${dayOf(60)}")`),
    makeFigure('4,000', { value: 4000 }),
    {},
    tolerance
  )
]
const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Charts</title></head>
<body><main><h1>Charts</h1><ol>${charts.map((chart) => `<li><div class="check__chart">${chart ?? ''}</div><p>A check.</p></li>`).join('')}</ol></main></body>
</html>
`

describe('chart markup validity', () => {
  it('makes three charts for the page', () => {
    expect(charts.every((chart) => chart !== undefined)).toBe(true)
  })

  it('has no html-validate error under the site rules', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'doctype-style': 'off', 'long-title': 'off' }
    })
    const report = await validator.validateString(page, 'charts.html')
    const messages = report.results.flatMap((result) =>
      result.messages.map((message) => `${message.ruleId}: ${message.message}`)
    )
    expect(messages).toEqual([])
  })
})

describeInBrowser('charts in a browser', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('pass axe-core and are images named by their title', { timeout: 60_000 }, async () => {
    const tab = await browser.newPage()
    await tab.setContent(page)
    const axe = await readFile(
      createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
      'utf8'
    )
    await tab.addScriptTag({ content: axe })
    const violations = await tab.evaluate<{ id: string }[]>(
      'axe.run(document, { resultTypes: ["violations"] }).then((result) => result.violations)'
    )
    expect(violations.map((violation) => violation.id)).toEqual([])
    const images = tab.getByRole('img')
    expect(await images.count()).toBe(3)
    await expect(
      tab
        .getByRole('img', { name: "Bitcoin's closing price from 29 September to 28 October 2025" })
        .count()
    ).resolves.toBe(1)
    await tab.close()
  })
})
