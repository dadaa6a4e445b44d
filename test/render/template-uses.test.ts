import Handlebars from 'handlebars'
import { describe, expect, it } from 'vitest'
import { pageFingerprints, partialsNamed } from '../../src/render/template-uses.js'
import type { TemplateSource } from '../../src/render/template-uses.js'

const source = (file: string, text: string): TemplateSource => ({
  file,
  source: text,
  partials: partialsNamed(Handlebars.parse(text))
})

/** A site's templates: a layout, two pages, and partials some of them name. */
function templates(edits: Record<string, string> = {}) {
  const text = (file: string, original: string): string => edits[file] ?? original
  const of = (kind: string, entries: Record<string, string>) =>
    new Map(
      Object.entries(entries).map(([name, original]) => {
        const file = `templates/${kind}/${name}.hbs`
        return [name, source(file, text(file, original))]
      })
    )
  return {
    layouts: of('layouts', { base: '<body>{{> site-footer}}{{{content}}}</body>' }),
    pages: of('pages', {
      brief: '<article>{{> fact-panel}}</article>',
      listing: '{{#each stories}}{{> story-line}}{{/each}}'
    }),
    partials: of('partials', {
      'site-footer': '<footer>{{site.title}}</footer>',
      'fact-panel': '<aside>{{#each checks}}{{> fact-line}}{{/each}}</aside>',
      'fact-line': '<p>{{figure}}</p>',
      'story-line': '<li>{{title}}</li>'
    })
  }
}

describe('partialsNamed', () => {
  it('lists the partials a template names, blocks included', () => {
    const ast = Handlebars.parse(
      '{{> a}}{{#if x}}{{#> b}}fallback{{/b}}{{/if}}{{#each y}}{{> c x=1}}{{/each}}'
    )
    expect([...(partialsNamed(ast) ?? [])].sort()).toEqual(['a', 'b', 'c'])
  })

  it('is undefined when a partial is named by an expression', () => {
    expect(partialsNamed(Handlebars.parse("{{> (lookup . 'kind')}}"))).toBeUndefined()
  })
})

describe('pageFingerprints', () => {
  const before = pageFingerprints(templates(), ['css', 'js'])

  it('leaves the briefs as they were when only the listings use the edited partial', () => {
    const after = pageFingerprints(
      templates({ 'templates/partials/story-line.hbs': '<li>!</li>' }),
      ['css', 'js']
    )
    expect(after.get('brief')).toBe(before.get('brief'))
    expect(after.get('listing')).not.toBe(before.get('listing'))
  })

  it('follows partials named by partials', () => {
    const after = pageFingerprints(templates({ 'templates/partials/fact-line.hbs': '<p>!</p>' }), [
      'css',
      'js'
    ])
    expect(after.get('brief')).not.toBe(before.get('brief'))
    expect(after.get('listing')).toBe(before.get('listing'))
  })

  it('changes every page for the layout, its partials and the assets', () => {
    for (const after of [
      pageFingerprints(templates({ 'templates/partials/site-footer.hbs': '<footer/>' }), [
        'css',
        'js'
      ]),
      pageFingerprints(templates({ 'templates/layouts/base.hbs': '<body>{{{content}}}</body>' }), [
        'css',
        'js'
      ]),
      pageFingerprints(templates(), ['css2', 'js'])
    ]) {
      expect(after.get('brief')).not.toBe(before.get('brief'))
      expect(after.get('listing')).not.toBe(before.get('listing'))
    }
  })

  it('counts every partial in a page that names one by an expression', () => {
    const dynamic = { 'templates/pages/brief.hbs': "<article>{{> (lookup . 'kind')}}</article>" }
    const base = pageFingerprints(templates(dynamic), ['css', 'js'])
    const after = pageFingerprints(
      templates({ ...dynamic, 'templates/partials/story-line.hbs': '<li>!</li>' }),
      ['css', 'js']
    )
    expect(after.get('brief')).not.toBe(base.get('brief'))
  })
})
