/**
 * Bounded time on big bodies (issue 6): every stage must stay close to linear in the size of an
 * article, so a 1 MB article is checked within a deadline twenty times what a linear pipeline
 * needs here. A quadratic step (one that scans every earlier figure for each character) takes
 * minutes instead, and the child is killed at the deadline.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { ended, ensureCompiled, startCli } from './compiled-cli.js'
import { proseOfSize } from './generated-inputs.js'
import { pricesCsv } from './generated-site.js'
import { siteYaml, tempSite } from '../helpers/temp-site.js'

/** Generous: a linear pipeline checks a 1 MB article in about 3 s on this machine. */
const deadlineMs = 60_000

beforeAll(async () => {
  await ensureCompiled()
}, 300_000)

describe('a 1 MB article', () => {
  it(
    'is checked, rendered and reported before the deadline',
    async () => {
      const root = await tempSite({
        'data/site.yaml': siteYaml,
        'data/markets/btc.csv': pricesCsv,
        'content/long.md': `---\ntitle: A long story\ndate: 2025-11-04T10:00:00+08:00\n---\n${proseOfSize(1024 * 1024)}`
      })
      const child = startCli(['check', '--root', root, '--quiet'])
      const end = ended(child)
      const deadline = setTimeout(() => child.kill('SIGKILL'), deadlineMs)
      const result = await end
      clearTimeout(deadline)
      expect(result.signal, `still running after ${deadlineMs / 1000} s`).toBeNull()
      expect(result.code, result.stderr).toBe(0)
    },
    deadlineMs + 30_000
  )
})
