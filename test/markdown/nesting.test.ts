import { problemsOf } from '../../src/article/article-file.js'
import { loadText, processLoaded } from '../helpers/load-text.js'
import { describe, expect, it } from 'vitest'
import {
  maxNesting,
  tooDeepToParse,
  tooDeepToProcess,
  tooDeepToRender
} from '../../src/markdown/nesting.js'
import { parseMarkdown } from '../../src/markdown/parse-markdown.js'
import { createDataStore } from '../../src/checks/datasets/dataset.js'
import { defaultSettings } from '../../src/settings/load-settings.js'
import type { Problem } from '../../src/types.js'

/** Line, column and rule of a problem, for compact assertions. */
function placeOf(problem: Problem | undefined): string | undefined {
  return problem && `${problem.line}:${problem.column} ${problem.rule}`
}

/** A list nested `depth` deep by indentation, one item per line. */
function indentedList(depth: number): string {
  return Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- item`).join('\n')
}

describe('tooDeepToParse', () => {
  it('finds the list marker that opens one level past the limit, on one line or by indentation', () => {
    expect(placeOf(tooDeepToParse(`Lead.\n\n${'- '.repeat(maxNesting + 1)}x\n`))).toBe(
      `3:${2 * maxNesting + 1} article-too-deep`
    )
    expect(placeOf(tooDeepToParse(`${indentedList(maxNesting + 1)}\n`))).toBe(
      `${maxNesting + 1}:${2 * maxNesting + 1} article-too-deep`
    )
    expect(placeOf(tooDeepToParse(`${'1. '.repeat(maxNesting + 1)}x`))).toBe(
      `1:${3 * maxNesting + 1} article-too-deep`
    )
  })

  it('finds the block quote marker past the limit', () => {
    expect(placeOf(tooDeepToParse(`${'>'.repeat(100_000)} x\n`))).toBe(
      `1:${maxNesting + 1} article-too-deep`
    )
  })

  it('lets every level up to the limit through', () => {
    expect(tooDeepToParse(`${'- '.repeat(maxNesting)}x\n`)).toBeUndefined()
    expect(tooDeepToParse(`${'> '.repeat(maxNesting)}x\n`)).toBeUndefined()
    expect(tooDeepToParse(`${indentedList(maxNesting)}\n`)).toBeUndefined()
  })

  it('takes no blank line for indentation, however wide (the frontmatter is blanked to spaces)', () => {
    expect(tooDeepToParse(`${' '.repeat(5_000)}\n${' '.repeat(900)}\r\nBody.\n`)).toBeUndefined()
  })

  it('reads thematic breaks, emphasis and numbers as what they are, not as list markers', () => {
    expect(
      tooDeepToParse(
        `${'-'.repeat(5_000)}\n${'- '.repeat(500)}\n${' * '.repeat(500)}\r\n${'*'.repeat(5_000)}x\n${'7'.repeat(500)}. x\n`
      )
    ).toBeUndefined()
  })
})

describe('tooDeepToRender', () => {
  it('finds emphasis nested past the limit where the parser left it', () => {
    const markdown = `Sales ${'*'.repeat(1_000)}rose${'*'.repeat(1_000)} 3%.\n`
    const problem = tooDeepToRender(parseMarkdown(markdown))
    expect(problem?.message).toContain('emphasis or links')
    expect(problem?.line).toBe(1)
  })

  it('finds the HTML start tag past the limit, counting across the raw HTML pieces of a body', () => {
    const markdown = `Intro.\n\n${'<div>\n'.repeat(60)}\nText\n\n${'<section>'.repeat(60)}\n`
    expect(placeOf(tooDeepToRender(parseMarkdown(markdown)))).toBe(
      `${3 + 60 + 3}:${(maxNesting - 60) * '<section>'.length + 1} article-too-deep`
    )
  })

  it('counts neither void elements, nor elements the HTML parser closes, nor self-closed SVG', () => {
    const markdown = `${'<br><img src="x"><p>a<li>b'.repeat(500)}\n\n<svg>${'<g><path d="M0"/></g>'.repeat(500)}</svg>\n`
    expect(tooDeepToRender(parseMarkdown(markdown))).toBeUndefined()
  })

  it('lets a body nested to the limit in every way through', () => {
    const markdown = [
      `${'- '.repeat(maxNesting)}${'*'.repeat(2 * maxNesting - 1)}x${'*'.repeat(2 * maxNesting - 1)}`,
      `${'<div>'.repeat(maxNesting)}x${'</div>'.repeat(maxNesting)}`
    ].join('\n\n')
    expect(tooDeepToRender(parseMarkdown(markdown))).toBeUndefined()
  })
})

describe('tooDeepToProcess', () => {
  it('places the problem on the first line of the body, after the blanked frontmatter', () => {
    expect(placeOf(tooDeepToProcess('   \n      \n   \n\nBody.\n'))).toBe('5:1 article-too-deep')
  })
})

describe('processArticle on a body nested to the limit in every way', () => {
  const settings = defaultSettings()

  it('renders it, marks its figures and reports no problem but the unchecked figure', () => {
    const body = [
      `${'- '.repeat(maxNesting)}${'*'.repeat(2 * maxNesting - 1)}Sales ${'<span>'.repeat(maxNesting)}rose 3%${'</span>'.repeat(maxNesting)}${'*'.repeat(2 * maxNesting - 1)}`,
      `${'> '.repeat(maxNesting)}quoted`,
      `${'<div>'.repeat(maxNesting)}\n\nwords\n\n${'</div>'.repeat(maxNesting)}`
    ].join('\n\n')
    const load = loadText(
      'content/deep.md',
      `---\ntitle: Deep\ndate: 2025-11-04T10:00:00+08:00\n---\n${body}\n`,
      settings
    )
    if (load.article === undefined) throw new Error(JSON.stringify(load.problems))
    const checked = processLoaded(load.file, {
      settings,
      store: createDataStore(new Map()),
      strict: false
    })
    expect(problemsOf(checked).map((problem) => problem.rule)).toEqual(['figure-unchecked'])
    expect(checked.data.bodyHtml).toContain('fd-fig--unchecked')
  })
})
