import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBuildSession, noteChanges } from '../../src/cache/build-session.js'
import { loadTemplatesAgain } from '../../src/cache/templates-again.js'
import { tempSite } from '../helpers/temp-site.js'

// A template changed without the session being told shows whether the templates were read
// again: only a new load sees it.
describe('loadTemplatesAgain', () => {
  const footer = 'templates/partials/site-footer.hbs'
  async function loaded() {
    const root = await tempSite({ [footer]: '<footer>one</footer>\n' })
    const session = createBuildSession()
    const first = await loadTemplatesAgain(root, session)
    noteChanges(session, [])
    await writeFile(join(root, footer), '<footer>two</footer>\n')
    return { root, session, first }
  }
  const footerOf = (load: Awaited<ReturnType<typeof loadTemplatesAgain>>) =>
    load.templates.partialTemplates.get('site-footer')?.render({})

  it('keeps the last load while no template file changed', async () => {
    const { root, session, first } = await loaded()
    noteChanges(session, ['content/a.md', 'data/markets/coin.csv'])
    const again = await loadTemplatesAgain(root, session)
    expect(again).toBe(first)
    expect(footerOf(again)).toContain('one')
  })

  it.each([[[footer]], [['templates']], [undefined]])(
    'loads again after %j changed',
    async (paths) => {
      const { root, session } = await loaded()
      noteChanges(session, paths)
      expect(footerOf(await loadTemplatesAgain(root, session))).toContain('two')
    }
  )

  it('loads every time without a session', async () => {
    const { root } = await loaded()
    expect(footerOf(await loadTemplatesAgain(root, undefined))).toContain('two')
  })
})
