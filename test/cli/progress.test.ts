import { describe, expect, it } from 'vitest'
import { createProgress } from '../../src/cli/progress.js'
import { runCli } from '../helpers/run-cli.js'
import { article, siteYaml, tempSite } from '../helpers/temp-site.js'

describe('progress', () => {
  it('draws one redrawn line on a terminal and clears it at the end', () => {
    let text = ''
    const progress = createProgress({ write: (chunk) => (text += chunk), enabled: true })
    progress.onProgress?.('loaded', 3, 3)
    progress.onProgress?.('checked', 3, 3)
    progress.done()
    expect(text).toContain('3/3 articles parsed')
    expect(text).toContain('3/3 articles checked')
    expect(text.endsWith('\r\u001b[2K')).toBe(true)
  })

  it('prints nothing when disabled (CI, or no terminal)', () => {
    let text = ''
    const progress = createProgress({ write: (chunk) => (text += chunk), enabled: false })
    expect(progress.onProgress).toBeUndefined()
    progress.done()
    expect(text).toBe('')
  })

  it('ends every build with one summary line: articles, files written, figures by status, time', async () => {
    const root = await tempSite({
      'data/site.yaml': siteYaml,
      'content/a.md': article('title: A\ndate: 2025-11-04', 'Some 12 analysts agree.\n')
    })
    const run = await runCli(['build', '--root', root])
    expect(run.exit).toBe(0)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(
      /^factdesk build: passed; 1 article, \d+ files written; figures 0 verified \/ 0 contradicted \/ 1 unchecked; \d+\.\d\ds\n$/
    )
  })
})
