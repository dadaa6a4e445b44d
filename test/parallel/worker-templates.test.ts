/**
 * Worker threads render briefs with the templates the build loaded (issue 21). A session keeps
 * its threads from build to build; a thread that kept the templates it read first rendered every
 * later brief with them, after a template edit too, and the build cache kept those briefs under
 * the new templates' keys, so a later `factdesk build` published them. Worker threads load
 * compiled code: this runs `lib/`.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createDataStore } from '../../src/checks/datasets/dataset.js'
import { loadTemplates } from '../../src/render/templates.js'
import { siteView } from '../../src/render/page-context.js'
import { ensureCompiled, projectRoot } from '../helpers/compiled-cli.js'
import { loadedArticleOf } from '../helpers/article-pipeline.js'
import { makeSettings } from '../render/fixtures.js'
import type * as Runner from '../../src/parallel/article-runner.js'

const story = (index: number): string => `---
title: "Alder index rises, take ${index}"
date: 2023-03-23T12:36:00+08:00
section: news
---
The Alder index rose for a ${index % 2 === 0 ? 'second' : 'third'} day as desks met.
`

const settings = makeSettings()
// Enough articles for the runner to use its threads rather than this one.
const count = 96
const footer = 'templates/partials/site-footer.hbs'

/** Each article's brief page, as text, from `runner` rendering with the templates at `root`. */
async function briefsOf(
  runner: ReturnType<(typeof Runner)['createRunner']>,
  root: string
): Promise<string[]> {
  const { templates } = await loadTemplates(root)
  const briefs: string[] = []
  const files = Array.from({ length: count }, (_, index) =>
    loadedArticleOf(story(index), { file: `content/s-${index}.md`, settings })
  )
  await runner.process(files, {
    brief: {
      settings,
      site: siteView(settings, [], '/style.css'),
      templates,
      dataPaths: new Set()
    },
    store: createDataStore(new Map()),
    prepare: async (batch) => batch,
    onBatch: (batch) => {
      for (const { brief } of batch)
        briefs.push('bytes' in brief ? new TextDecoder().decode(brief.bytes) : '')
    }
  })
  return briefs
}

let runners: typeof Runner

beforeAll(async () => {
  await ensureCompiled()
  runners = (await import(join(projectRoot, 'lib/parallel/article-runner.js'))) as typeof Runner
}, 300_000)

describe('worker threads a session keeps', () => {
  it('render briefs with the templates of each build, after a template edit too', async () => {
    const root = await mkdtemp(join(tmpdir(), 'factdesk-worker-templates-'))
    await mkdir(join(root, 'templates/partials'), { recursive: true })
    await writeFile(join(root, footer), '<footer>first footer</footer>')
    const runner = runners.createRunner({
      root,
      settings,
      strict: false,
      count,
      workers: 2,
      memoBytes: 1 << 26
    })
    try {
      const first = await briefsOf(runner, root)
      expect(first).toHaveLength(count)
      for (const brief of first) expect(brief).toContain('first footer')
      await writeFile(join(root, footer), '<footer>edited footer</footer>')
      const edited = await briefsOf(runner, root)
      expect(edited).toHaveLength(count)
      for (const brief of edited) expect(brief).toContain('edited footer')
    } finally {
      await runner.close()
    }
  }, 300_000)
})
