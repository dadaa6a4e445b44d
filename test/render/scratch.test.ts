import { it } from 'vitest'
import { writeFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { renderSite } from '../../src/render/site.js'
import { makeArticle, makeArticles, makeFigure, makeReport, makeSettings, projectTemplates } from './fixtures.js'

it('scratch', async () => {
  const settings = makeSettings({ base: '/news/', page_size: 3 })
  const articles = [...makeArticles(5), makeArticle({ slug: 'crypto', title: 'Bitcoin </script><b>breaks</b> {{x}}', date: '2025-11-04T18:30:00+08:00', section: 'markets', tags: ['Bitcoin', 'S&P 500'], byline: 'Markets desk', dateline: 'HONG KONG', body: 'Bitcoin plummeted over 7% in a single day.\n\nMore text.', marks: [{ text: 'over 7%', status: 'verified', title: 'Verified: -7.41% (data/markets/btc-usd.csv)' }], figures: [makeFigure('over 7%')], updated: '2025-11-05T09:00:00+08:00', corrections: [{ date: '2025-11-05T10:00:00+08:00', text: 'An earlier version misstated the drop.' }], sources: [{ name: 'CoinGlass', url: 'https://www.coinglass.com/' }, { name: 'Evil', url: 'javascript:alert(1)' }], panel: [{ figure: 'over 7%', status: 'verified', explanation: 'btc close fell 7.41% from 3 Nov to 4 Nov 2025', actual: -7.41, expr: 'pct_change(btc.close, "2025-11-03", "2025-11-04")', dataFiles: ['data/markets/btc-usd.csv'], message: 'stated over 7%, data -7.41%' }], asserts: [{ expr: 'lowest_since(btc.low, "2025-11-04", "2025-07-01")', says: 'lowest level since June', status: 'verified', message: '' }] })]
  const result = renderSite({ settings, articles, report: makeReport(articles), dataFiles: [{ path: 'data/markets/btc-usd.csv', content: new TextEncoder().encode('date,close\n') }], templates: await projectTemplates() })
  for (const file of result.files) {
    const target = path.join('/tmp/site-out', file.path)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, file.content)
  }
  console.log(result.problems, result.files.map((f) => f.path))
})
