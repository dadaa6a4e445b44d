/**
 * The load keys a session keeps between builds (issue 21, `src/cache/build-session.ts`): a file
 * the watcher did not name keeps the key of the last build made under the same salt; every
 * doubt (a named file, another salt, an unknown change list, a build that stopped half-way)
 * makes the file read again.
 */
import { describe, expect, it } from 'vitest'
import {
  createBuildSession,
  keepLoadKeys,
  leaveForAfter,
  noteChanges,
  settleSession,
  takeLoadKeys
} from '../../src/cache/build-session.js'
import type { BuildSession } from '../../src/cache/build-session.js'

const slides = 'content/coin-slides.md'
const wrong = 'content/coin-wrong.md'
const keys = new Map([
  [slides, 'key-slides'],
  [wrong, 'key-wrong']
])

/** A session whose last build finished under `salt` with `keys`. */
function builtOnce(salt = 'salt-1'): BuildSession {
  const session = createBuildSession()
  takeLoadKeys(session, salt)
  keepLoadKeys(session, salt, keys)
  return session
}

describe('the load keys of a build session', () => {
  it('knows no key in a new session', () => {
    const session = createBuildSession()
    const known = takeLoadKeys(session, 'salt-1')
    expect(known(slides)).toBeUndefined()
    expect(known(wrong)).toBeUndefined()
  })

  it('knows nothing when only keys were kept, with no build begun before them', () => {
    // The change list starts unknown; only a build's take starts one.
    const session = createBuildSession()
    keepLoadKeys(session, 'salt-1', keys)
    expect(takeLoadKeys(session, 'salt-1')(slides)).toBeUndefined()
  })

  it('gives the kept key of a file not named as changed, and none for a named one', () => {
    const session = builtOnce()
    noteChanges(session, [wrong])
    const known = takeLoadKeys(session, 'salt-1')
    expect(known(slides)).toBe('key-slides')
    expect(known(wrong)).toBeUndefined()
    // A file the last build did not load has no key to give.
    expect(known('content/new.md')).toBeUndefined()
  })

  it('gathers the changes of several notes', () => {
    const session = builtOnce()
    noteChanges(session, [wrong])
    noteChanges(session, [slides])
    const known = takeLoadKeys(session, 'salt-1')
    expect(known(slides)).toBeUndefined()
    expect(known(wrong)).toBeUndefined()
  })

  it('knows nothing under another salt', () => {
    const session = builtOnce('salt-1')
    const known = takeLoadKeys(session, 'salt-2')
    expect(known(slides)).toBeUndefined()
    expect(known(wrong)).toBeUndefined()
  })

  it('knows nothing after changes were reported unknown', () => {
    const session = builtOnce()
    noteChanges(session, undefined)
    // Paths noted after the unknown ones do not make the list known again.
    noteChanges(session, [wrong])
    const known = takeLoadKeys(session, 'salt-1')
    expect(known(slides)).toBeUndefined()
    expect(known(wrong)).toBeUndefined()
    // That build kept its keys: the one after it knows them again.
    keepLoadKeys(session, 'salt-1', keys)
    expect(takeLoadKeys(session, 'salt-1')(slides)).toBe('key-slides')
  })

  it('knows nothing after a build that took the keys and stopped before keeping them', () => {
    const session = builtOnce()
    expect(takeLoadKeys(session, 'salt-1')(slides)).toBe('key-slides')
    // No keepLoadKeys: the build stopped half-way.
    const known = takeLoadKeys(session, 'salt-1')
    expect(known(slides)).toBeUndefined()
    expect(known(wrong)).toBeUndefined()
  })

  it('leaves the changes noted after a take to the next take', () => {
    const session = builtOnce()
    const known = takeLoadKeys(session, 'salt-1')
    // The watcher reports an edit while the build runs: that build keeps its answer ...
    noteChanges(session, [slides])
    expect(known(slides)).toBe('key-slides')
    keepLoadKeys(session, 'salt-1', keys)
    // ... and the next one reads the file again, but not the other.
    const next = takeLoadKeys(session, 'salt-1')
    expect(next(slides)).toBeUndefined()
    expect(next(wrong)).toBe('key-wrong')
  })

  it('forgets the changes of a build once it is taken', () => {
    const session = builtOnce()
    noteChanges(session, [wrong])
    expect(takeLoadKeys(session, 'salt-1')(wrong)).toBeUndefined()
    keepLoadKeys(session, 'salt-1', keys)
    expect(takeLoadKeys(session, 'salt-1')(wrong)).toBe('key-wrong')
  })
})

describe('what a build of a session leaves for after its result', () => {
  it('is done once, however often the session is settled, and then forgotten', async () => {
    const session = createBuildSession()
    let runs = 0
    leaveForAfter(session, async () => {
      runs++
      await Promise.resolve()
    })
    await Promise.all([settleSession(session), settleSession(session)])
    await settleSession(session)
    expect(runs).toBe(1)
    expect(session.after).toBeUndefined()
  })

  it('settles at once when nothing was left', async () => {
    await expect(settleSession(createBuildSession())).resolves.toBeUndefined()
  })

  it('forgets the index and the kept articles when keeping them failed', async () => {
    const session = createBuildSession()
    session.index = new Map()
    session.articles = { frame: 'frame', articles: new Map() }
    leaveForAfter(session, () => Promise.reject(new Error('disk full')))
    await settleSession(session)
    // The next build reads the cache folder, which holds the last build kept whole.
    expect(session.index).toBeUndefined()
    expect(session.articles).toBeUndefined()
    expect(session.after).toBeUndefined()
  })
})
