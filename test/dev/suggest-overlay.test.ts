import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import { describe, expect, it } from 'vitest'
import { suggestionsOf } from '../../src/dev/dev-suggestions.js'
import { emptySite, nextSite } from '../../src/dev/next-site.js'
import { renderOverlay } from '../../src/dev/overlay.js'
import { renderSuggestions } from '../../src/dev/suggest-overlay.js'
import { defaultSettings } from '../../src/settings/load-settings.js'
import type { BuildResult } from '../../src/build.js'
import type { SuggestChecks } from '../../src/dev/dev-suggestions.js'
import type { LocatedProblem } from '../../src/dev/overlay.js'
import type { FigureResult, Report, ReportArticle } from '../../src/types.js'

const file = 'content/2025/11/04/story.md'

function figure(text: string, fields: Partial<FigureResult> = {}): FigureResult {
  return {
    text,
    in: 'body',
    line: 12,
    column: 5,
    value: 7,
    unit: '%',
    approx: 'over',
    direction: 'down',
    status: 'unchecked',
    actual: null,
    expr: null,
    message: `no check covers "${text}"`,
    ...fields
  }
}

const falls: FigureResult = figure('over 7%', {
  suggestions: [
    {
      expr: 'pct_change(btc.close, "2025-11-03", "2025-11-05")',
      actual: -5.2,
      status: 'contradicted',
      explanation: 'btc close fell 5.2% from 3 Nov to 5 Nov 2025'
    },
    {
      expr: 'pct_change(btc.close, "2025-11-03", "2025-11-04")',
      actual: -7.41,
      status: 'verified',
      explanation: 'btc close fell 7.41% from 3 Nov to 4 Nov 2025'
    }
  ]
})
const onlyClosest: FigureResult = figure('<b>$99,000</b> & "more"', {
  line: 14,
  suggestions: [
    {
      expr: 'btc.low["2025-11-04"] < 2',
      actual: 98_120,
      status: 'contradicted',
      explanation: 'btc low was 98,120 on <4 Nov>',
      occurrence: 2
    }
  ]
})
const story: ReportArticle = {
  file,
  slug: 'story',
  url: '/2025/11/04/story/',
  mode: 'standard',
  figures: [
    figure('checked 3%', { status: 'verified', actual: 3, expr: 'x' }),
    falls,
    figure('no data 5%'),
    onlyClosest
  ],
  asserts: [],
  problems: []
}

/** Each suggestion line of the section: the figure, then its choices' text and buttons. */
function figuresIn(html: string): { figure: string; choices: string[]; buttons: string[] }[] {
  return selectAll('.fd-suggest > ol > li', fromHtml(html, { fragment: true })).map((item) => ({
    figure: toString(select('strong', item) ?? item),
    choices: selectAll('ul > li', item).map((choice) => toString(choice)),
    buttons: selectAll('button', item).map((button) => toString(button))
  }))
}

describe('renderSuggestions', () => {
  it('lists each unchecked figure with suggestions: what each computes, its verdict and expression', () => {
    expect(figuresIn(renderSuggestions(story))).toEqual([
      {
        figure: '“over 7%”',
        choices: [
          'btc close fell 7.41% from 3 Nov to 4 Nov 2025 — would verify pct_change(btc.close, "2025-11-03", "2025-11-04") Add this check',
          'closest: btc close fell 5.2% from 3 Nov to 5 Nov 2025 — would contradict pct_change(btc.close, "2025-11-03", "2025-11-05") Add this check anyway (it would contradict)'
        ],
        buttons: ['Add this check', 'Add this check anyway (it would contradict)']
      },
      {
        figure: '“<b>$99,000</b> & "more"”',
        choices: [
          'closest: btc low was 98,120 on <4 Nov> — would contradict btc.low["2025-11-04"] < 2 Add this check anyway (it would contradict)'
        ],
        buttons: ['Add this check anyway (it would contradict)']
      }
    ])
  })

  it('puts each expression in <code> and the exact suggestion on its button, markup escaped', () => {
    const tree = fromHtml(renderSuggestions(story), { fragment: true })
    expect(selectAll('.fd-suggest li li code', tree).map((code) => toString(code))).toEqual([
      'pct_change(btc.close, "2025-11-03", "2025-11-04")',
      'pct_change(btc.close, "2025-11-03", "2025-11-05")',
      'btc.low["2025-11-04"] < 2'
    ])
    expect(selectAll('b', tree)).toEqual([])
    const buttons = selectAll('button[data-fd-add-check]', tree).map((button) => button.properties)
    expect(buttons[0]).toMatchObject({
      type: 'button',
      dataFile: file,
      dataFigure: 'over 7%',
      dataExpr: 'pct_change(btc.close, "2025-11-03", "2025-11-04")'
    })
    expect(buttons[0]).not.toHaveProperty('dataOccurrence')
    expect(buttons[2]).toMatchObject({
      dataFigure: '<b>$99,000</b> & "more"',
      dataExpr: 'btc.low["2025-11-04"] < 2',
      dataOccurrence: '2'
    })
  })

  it('folds the list away and has a status line for the answer', () => {
    const tree = fromHtml(renderSuggestions(story), { fragment: true })
    expect(select('details.fd-suggest', tree)?.properties.open).toBeUndefined()
    expect(toString(select('details > summary', tree) ?? tree)).toBe(
      'Suggested checks: 2 unchecked figures on this page'
    )
    expect(select('#factdesk-add-check-status', tree)?.properties.role).toBe('status')
  })

  it('is empty without an unchecked figure that has a suggestion', () => {
    const without = story.figures.filter((figure) => figure !== falls && figure !== onlyClosest)
    expect(without.map((figure) => figure.text)).toEqual(['checked 3%', 'no data 5%'])
    expect(renderSuggestions({ ...story, figures: without })).toBe('')
    expect(renderSuggestions({ ...story, figures: [{ ...falls, status: 'error' }] })).toBe('')
    expect(renderSuggestions(undefined)).toBe('')
  })
})

describe('the suggestions in the overlay', () => {
  const contradicted: LocatedProblem = {
    file,
    line: 30,
    column: 2,
    severity: 'error',
    rule: 'figure-contradicted',
    message: 'stated 9%, data 7%'
  }

  it('closes the problem overlay of a failed build', () => {
    const html = renderOverlay(
      1,
      [contradicted],
      { article: file, kept: false },
      renderSuggestions(story)
    )
    const tree = fromHtml(html, { fragment: true })
    expect(
      selectAll('#factdesk-overlay ol > li > code', tree).map((node) => toString(node))
    ).toEqual([`${file}:30:2  error  stated 9%, data 7%  figure-contradicted`])
    expect(selectAll('#factdesk-overlay > .fd-suggest', tree)).toHaveLength(1)
  })

  it('is a panel of its own, not the problem overlay, when the build passed', () => {
    const tree = fromHtml(
      renderOverlay(0, [], { article: file, kept: false }, renderSuggestions(story)),
      {
        fragment: true
      }
    )
    expect(select('#factdesk-overlay', tree)).toBeUndefined()
    const panel = select('aside#factdesk-suggestions', tree)
    expect(panel?.properties.ariaLabel).toBe('Suggested checks (factdesk)')
    expect(select('#factdesk-suggestions-close', tree)).toBeDefined()
    expect(select('#factdesk-status', tree)?.properties.role).toBe('status')
    expect(selectAll('#factdesk-suggestions button[data-fd-add-check]', tree)).toHaveLength(3)
    expect(renderOverlay(0, [], { article: file, kept: false }, '')).toBe('')
  })
})

describe('suggestions in the dev site', () => {
  const bare: ReportArticle = {
    ...story,
    figures: story.figures.map((figure) => {
      const without = { ...figure }
      delete without.suggestions
      return without
    })
  }
  const other: ReportArticle = { ...bare, file: 'content/2025/11/05/other.md', url: '/other/' }

  function built(articles: ReportArticle[]): BuildResult {
    const report: Report = {
      version: 1,
      summary: {
        articles: articles.length,
        figures: 4,
        verified: 1,
        contradicted: 0,
        unchecked: 3,
        errors: 0,
        warnings: 3,
        exit: 0
      },
      articles
    }
    return {
      report,
      exit: 0,
      settings: defaultSettings(),
      articles: [],
      files: [
        { path: 'index.html', content: '<p>Home</p>' },
        { path: '2025/11/04/story/index.html', content: '<p>Story</p>' },
        { path: 'other/index.html', content: '<p>Other</p>' }
      ],
      written: 0
    }
  }

  it("shows on the article's own page after a build that passed, and on no other", async () => {
    const site = nextSite(emptySite, built([story]))
    const page = fromHtml(await site.overlayFor('2025/11/04/story/index.html'), { fragment: true })
    expect(selectAll('#factdesk-suggestions button[data-fd-add-check]', page)).toHaveLength(3)
    expect(await site.overlayFor('index.html')).toBe('')
    expect((await site.suggested(file))?.figures[1]?.suggestions).toEqual(falls.suggestions)
  })

  it('works out the suggestions of an article when its page is first asked for, once per build', async () => {
    const asked: string[][] = []
    const suggest: SuggestChecks = (_root, _settings, report) => {
      asked.push(report.articles.map((entry) => entry.file))
      return Promise.resolve({
        ...report,
        articles: report.articles.map((entry) => (entry.file === file ? story : entry))
      })
    }
    const result = built([bare, other])
    const site = nextSite(
      emptySite,
      result,
      suggestionsOf(suggest, '/site', result, () => undefined)
    )
    expect(await site.overlayFor('index.html')).toBe('')
    expect(asked).toEqual([])
    const overlay = await site.overlayFor('2025/11/04/story/index.html')
    expect(
      selectAll('button[data-fd-add-check]', fromHtml(overlay, { fragment: true }))
    ).toHaveLength(3)
    await site.overlayFor('2025/11/04/story/index.html')
    await site.suggested(file)
    expect(asked).toEqual([[file]])
    expect(await site.suggested('content/no/such.md')).toBeUndefined()
  })

  it('asks nothing for an article whose figures are all checked', async () => {
    const asked: string[] = []
    const suggest: SuggestChecks = (_root, _settings, report) => {
      asked.push('asked')
      return Promise.resolve(report)
    }
    const checked = { ...bare, figures: [bare.figures[0] as FigureResult] }
    const result = built([checked])
    const suggested = suggestionsOf(suggest, '/site', result, () => undefined)
    expect(await suggested(file)).toBe(checked)
    expect(asked).toEqual([])
  })

  it('costs the page its suggestions, not its overlay, when the engine fails', async () => {
    const lines: string[] = []
    const suggest: SuggestChecks = () => Promise.reject(new Error('data/markets is unreadable'))
    const result = built([bare])
    const site = nextSite(
      emptySite,
      result,
      suggestionsOf(suggest, '/site', result, (line) => lines.push(line))
    )
    expect(await site.overlayFor('2025/11/04/story/index.html')).toBe('')
    expect(lines).toEqual([
      `factdesk dev: no suggested checks for ${file}: data/markets is unreadable`
    ])
  })
})
