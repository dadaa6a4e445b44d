import Handlebars from 'handlebars'
import { describe, expect, it } from 'vitest'
import {
  dataReadsOf,
  pageFingerprints,
  partialReads,
  partialsNamed
} from '../../src/render/template-uses.js'
import type { TemplateSource } from '../../src/render/template-uses.js'

const source = (file: string, text: string): TemplateSource => ({
  file,
  source: text,
  partials: partialsNamed(Handlebars.parse(text)),
  reads: dataReadsOf(Handlebars.parse(text))
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

  it('tells what a partial reads of the data variables, with the partials it reaches', () => {
    const partials = new Map([
      ['plain', source('p/plain.hbs', '<p>{{title}}{{#each figures}}{{text}}{{/each}}</p>')],
      ['placed', source('p/placed.hbs', '<h2 id="r-{{@index}}">{{title}}</h2>')],
      ['labelled', source('p/labelled.hbs', '{{@root.site.labels.panel_statements}}')],
      ['counted', source('p/counted.hbs', '{{@root.report.counts.length}}')],
      ['parent', source('p/parent.hbs', '{{#each figures}}{{@../index}}{{/each}}')],
      ['outer', source('p/outer.hbs', '{{> labelled}}{{> placed}}')],
      ['chosen', source('p/chosen.hbs', "{{> (lookup . 'kind')}}")]
    ])
    const none = { position: false, rootSite: false, other: false }
    expect(partialReads(partials, 'plain')).toEqual(none)
    expect(partialReads(partials, 'placed')).toEqual({ ...none, position: true })
    expect(partialReads(partials, 'labelled')).toEqual({ ...none, rootSite: true })
    expect(partialReads(partials, 'counted')).toEqual({ ...none, other: true })
    expect(partialReads(partials, 'parent')).toEqual({ ...none, other: true })
    expect(partialReads(partials, 'outer')).toEqual({ ...none, position: true, rootSite: true })
    // A partial named by an expression may be every partial.
    expect(partialReads(partials, 'chosen')?.other).toBe(true)
    expect(partialReads(partials, 'missing')).toBeUndefined()
  })
})
