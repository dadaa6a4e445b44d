import { mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBuildSession, noteChanges } from '../../src/cache/build-session.js'
import { findArticlesAgain } from '../../src/cache/walk-again.js'
import { tempSite } from '../helpers/temp-site.js'

// A file added without the watcher naming it shows whether the walk ran again: it is found by a
// walk and by nothing else.
describe('findArticlesAgain', () => {
  async function walked() {
    const root = await tempSite({ 'content/a.md': 'a', 'content/2026/b.md': 'b' })
    const session = createBuildSession()
    const first = await findArticlesAgain(root, session)
    expect(first.files).toEqual(['content/2026/b.md', 'content/a.md'])
    noteChanges(session, [])
    // Unseen by the session: only a walk finds it.
    await writeFile(join(root, 'content/unseen.md'), 'u')
    return { root, session }
  }

  it('walks on the first build and when the changes are not known', async () => {
    const { root, session } = await walked()
    noteChanges(session, undefined)
    expect((await findArticlesAgain(root, session)).files).toContain('content/unseen.md')
  })

  it('keeps the last walk when only listed articles and other files changed', async () => {
    const { root, session } = await walked()
    await writeFile(join(root, 'content/a.md'), 'edited')
    await writeFile(join(root, 'content/photo.png'), 'png')
    noteChanges(session, ['content/a.md', 'content/photo.png', 'data/x.csv', 'templates/y.hbs'])
    expect((await findArticlesAgain(root, session)).files).not.toContain('content/unseen.md')
  })

  it.each([
    ['a new article', (root: string) => writeFile(join(root, 'content/new.md'), 'n'), 'content/new.md'],
    ['a deleted article', (root: string) => rm(join(root, 'content/a.md')), 'content/a.md'],
    ['a new folder', (root: string) => mkdir(join(root, 'content/2027')), 'content/2027'],
    [
      'a listed article turned into a link',
      async (root: string) => {
        await rm(join(root, 'content/a.md'))
        await symlink(join(root, 'content/2026/b.md'), join(root, 'content/a.md'))
      },
      'content/a.md'
    ]
  ])('walks again after %s', async (_what, change, path) => {
    const { root, session } = await walked()
    await change(root)
    noteChanges(session, [path])
    expect((await findArticlesAgain(root, session)).files).toContain('content/unseen.md')
  })

  it('walks again for changes noted while the last walk ran, not only since its build', async () => {
    const { root, session } = await walked()
    // The walk of this build happens; a change noted after it is the next walk's.
    noteChanges(session, ['content/a.md'])
    await findArticlesAgain(root, session)
    await writeFile(join(root, 'content/later.md'), 'l')
    noteChanges(session, ['content/later.md'])
    expect((await findArticlesAgain(root, session)).files).toContain('content/later.md')
  })
})
