import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderPage } from '../../src/render/render-page.js'
import { loadTemplates } from '../../src/render/templates.js'

/** A site folder holding `files` (site-relative path -> text). */
async function siteWith(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'factdesk-templates-'))
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true })
    await writeFile(path.join(root, file), text)
  }
  return root
}

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
    const { templates, problems } = await loadTemplates(await siteWith({}))
    expect(problems).toEqual([])
    expect([...templates.pages.keys()]).toEqual(['brief', 'factcheck', 'listing', 'not-found'])
    expect([...templates.layouts.keys()]).toEqual(['base'])
    expect(templates.partials).toContain('fact-panel')
    expect(templates.stylesheet).toContain('.fd-fig--contradicted')
  })

  it('uses a site template and stylesheet over the project default of the same name', async () => {
    const root = await siteWith({
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
      const { templates, problems } = await loadTemplates(await siteWith({ [file]: source }))
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
      await siteWith({ 'templates/pages/listing.hbs': '{{#each items}}\n{{/if}}' })
    )
    expect(problems[0]?.message).toContain('{{/each}}')
  })

  it('reports a template that fails while rendering, without throwing', async () => {
    const { templates } = await loadTemplates(
      await siteWith({ 'templates/pages/not-found.hbs': '<p>{{> no-such-partial}}</p>' })
    )
    const rendered = renderPage(templates, 'not-found', context)
    expect(rendered).toMatchObject({
      problem: { rule: 'template-error', file: 'templates/pages/not-found.hbs' }
    })
  })

  it('prints template syntax in content as text, never compiling it', async () => {
    const { templates } = await loadTemplates(
      await siteWith({ 'templates/pages/not-found.hbs': '<p>{{page.title}}</p>' })
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
      await siteWith({ 'templates/partials/site-footer.hbs': '<footer>first site</footer>' })
    )
    const second = await loadTemplates(await siteWith({}))
    const html = (templates: typeof first.templates): string => {
      const rendered = renderPage(templates, 'not-found', context)
      return 'html' in rendered ? rendered.html : ''
    }
    expect(html(first.templates)).toContain('first site')
    expect(html(second.templates)).not.toContain('first site')
  })
})
