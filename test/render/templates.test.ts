import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderPage, renderPagePieces } from '../../src/render/render-page.js'
import { loadTemplates, templatesOfTexts, type Templates } from '../../src/render/templates.js'
import type { Problem } from '../../src/types.js'
import { tempSite } from '../helpers/temp-site.js'

const context = {
  site: {
    title: 'The Ledger',
    language: 'en',
    home: '/',
    stylesheet: '/assets/style.css',
    sections: []
  },
  page: { title: 'A page', description: '', og: [] }
}

describe('loadTemplates', () => {
  it('falls back to the project templates when the site has none', async () => {
    const { templates, problems } = await loadTemplates(await tempSite({}))
    expect(problems).toEqual([])
    expect([...templates.pages.keys()]).toEqual([
      'brief',
      'factcheck',
      'listing',
      'not-found',
      'search'
    ])
    expect([...templates.layouts.keys()]).toEqual(['base'])
    expect(templates.partials).toContain('fact-panel')
    expect(templates.stylesheet).toContain('.fd-fig--contradicted')
  })

  it('uses a site template and stylesheet over the project default of the same name', async () => {
    const root = await tempSite({
      'templates/pages/not-found.hbs': '<p class="custom">Lost: {{page.title}}</p>',
      'templates/style.css': 'body { color: black }'
    })
    const { templates, problems } = await loadTemplates(root)
    expect(problems).toEqual([])
    expect(templates.stylesheet).toBe('body { color: black }')
    const rendered = renderPage(templates, 'not-found', context)
    expect(rendered).toHaveProperty('html')
    expect('html' in rendered && rendered.html).toContain('<p class="custom">Lost: A page</p>')
  })

  it.each([
    [
      'an unclosed expression',
      'templates/pages/brief.hbs',
      '<article>\n<h1>{{title}}</h1>\n  <p>{{byline}</p>\n',
      3,
      14
    ],
    [
      'a block closed by the wrong name',
      'templates/pages/listing.hbs',
      '<ol>\n{{#each items}}\n<li></li>\n{{/if}}\n</ol>',
      2,
      4
    ],
    [
      'an expression left open at the end',
      'templates/partials/site-footer.hbs',
      '<footer>\n{{site.title\n',
      2,
      1
    ],
    ['a broken layout', 'templates/layouts/base.hbs', '<html>{{> }}</html>', 1, 11]
  ])(
    'reports %s as a template-error at its line and column',
    async (_, file, source, line, column) => {
      const { templates, problems } = await loadTemplates(await tempSite({ [file]: source }))
      expect(problems).toHaveLength(1)
      expect(problems[0]).toMatchObject({
        severity: 'error',
        rule: 'template-error',
        file,
        line,
        column
      })
      expect(problems[0]?.message).not.toBe('')
      // The project default stands in, so the rest of the site still renders.
      const name = path.basename(file, '.hbs')
      const kind =
        file.split('/')[1] === 'layouts'
          ? templates.layouts
          : file.split('/')[1] === 'pages'
            ? templates.pages
            : undefined
      if (kind !== undefined) expect(kind.get(name)).toBeDefined()
    }
  )

  it('tells how to close a mismatched block', async () => {
    const { problems } = await loadTemplates(
      await tempSite({ 'templates/pages/listing.hbs': '{{#each items}}\n{{/if}}' })
    )
    expect(problems[0]?.message).toContain('{{/each}}')
  })

  it('reports a template that fails while rendering, without throwing', async () => {
    const { templates } = await loadTemplates(
      await tempSite({ 'templates/pages/not-found.hbs': '<p>{{> no-such-partial}}</p>' })
    )
    const rendered = renderPage(templates, 'not-found', context)
    expect(rendered).toMatchObject({
      problem: { rule: 'template-error', file: 'templates/pages/not-found.hbs' }
    })
  })

  it('prints template syntax in content as text, never compiling it', async () => {
    const { templates } = await loadTemplates(
      await tempSite({ 'templates/pages/not-found.hbs': '<p>{{page.title}}</p>' })
    )
    const rendered = renderPage(templates, 'not-found', {
      ...context,
      page: { ...context.page, title: '{{constructor.constructor}} <b>{{{x}}}</b>' }
    })
    expect('html' in rendered && rendered.html).toContain(
      '<p>{{constructor.constructor}} &lt;b&gt;{{{x}}}&lt;/b&gt;</p>'
    )
  })

  it('keeps partials of one site out of another loaded in the same process', async () => {
    const first = await loadTemplates(
      await tempSite({ 'templates/partials/site-footer.hbs': '<footer>first site</footer>' })
    )
    const second = await loadTemplates(await tempSite({}))
    const html = (templates: typeof first.templates): string => {
      const rendered = renderPage(templates, 'not-found', context)
      return 'html' in rendered ? rendered.html : ''
    }
    expect(html(first.templates)).toContain('first site')
    expect(html(second.templates)).not.toContain('first site')
  })
})

describe('templatesOfTexts', () => {
  it('compiles the very templates a load read, without reading the folder again', async () => {
    const root = await tempSite({
      'templates/partials/site-footer.hbs': '<footer>as loaded</footer>',
      'templates/style.css': 'body { color: navy }'
    })
    const { templates } = await loadTemplates(root)
    // What the folder holds now is not what the load read: a worker thread must not see it.
    await writeFile(
      path.join(root, 'templates/partials/site-footer.hbs'),
      '<footer>saved later</footer>'
    )
    // Another site loaded since, so the texts are compiled anew rather than found compiled.
    await loadTemplates(await tempSite({}))
    const again = templatesOfTexts(templates.texts)
    expect(again.fingerprint).toBe(templates.fingerprint)
    expect(again.stylesheet).toBe('body { color: navy }')
    const rendered = renderPage(again, 'not-found', context)
    expect('html' in rendered && rendered.html).toContain('<footer>as loaded</footer>')
    expect(again.pageFingerprint('brief')).toBe(templates.pageFingerprint('brief'))
  })
})

describe('renderPagePieces', () => {
  const items = [
    {
      title: 'First <story>',
      figures: [
        {
          text: 'over 7%',
          line: 3,
          column: 4,
          status: 'verified',
          statusLabel: 'Verified',
          actual: '7.4',
          message: ''
        }
      ],
      asserts: [],
      summary: '1 figure',
      mode: 'standard',
      file: 'a.md'
    },
    {
      title: 'Second',
      figures: [],
      asserts: [
        { says: 'rose', status: 'contradicted', statusLabel: 'Contradicted', message: 'fell' }
      ],
      summary: '0 figures',
      mode: 'strict',
      file: 'b.md'
    },
    { title: 'Third', figures: [], asserts: [], summary: '0 figures', mode: 'off', file: 'c.md' }
  ]
  const pageContext = (articles: readonly object[]) => ({
    ...context,
    report: { counts: [{ label: 'Articles', count: 3 }], articles }
  })
  const pieces = (templates: Templates, problems: Problem[] = []) => {
    const rendered = renderPagePieces(
      templates,
      'factcheck',
      pageContext,
      { partial: 'report-article', items, view: (item) => item },
      problems
    )
    if ('problem' in rendered) throw new TypeError(rendered.problem.message)
    return [...rendered.chunks()]
  }
  const whole = (templates: Templates) => {
    const rendered = renderPage(templates, 'factcheck', pageContext(items))
    if ('problem' in rendered) throw new TypeError(rendered.problem.message)
    return rendered.html
  }

  it('writes, an item at a time, exactly the page rendered whole', async () => {
    const { templates } = await loadTemplates(await tempSite({}))
    const chunks = pieces(templates)
    expect(chunks).toHaveLength(items.length + 2)
    expect(chunks.join('')).toBe(whole(templates))
  })

  it('renders a site page template that does not use the partial whole, the same as before', async () => {
    const own =
      '{{#with report}}<ol>{{#each articles}}<li id="a{{@index}}">{{title}}</li>{{/each}}</ol>{{/with}}'
    const { templates } = await loadTemplates(
      await tempSite({ 'templates/pages/factcheck.hbs': own })
    )
    const chunks = pieces(templates)
    expect(chunks).toHaveLength(1)
    expect(chunks.join('')).toBe(whole(templates))
    expect(chunks.join('')).toContain('<li id="a2">Third</li>')
  })

  it('reports a partial that fails on one item as a template problem', async () => {
    const { templates } = await loadTemplates(await tempSite({}))
    const problems: Problem[] = []
    const failing = {
      ...templates,
      partialTemplates: new Map([
        [
          'report-article',
          {
            file: 'templates/partials/report-article.hbs',
            render: () => {
              throw new Error('boom')
            }
          }
        ]
      ])
    }
    pieces(failing, problems)
    expect(problems.map((problem) => [problem.rule, problem.file])).toEqual([
      ['template-error', 'templates/partials/report-article.hbs']
    ])
  })
})
