/**
 * The article runner a session keeps between builds (issue 21, `src/stages/kept-runner.ts`): the
 * same threads for builds made for the same site, settings, strictness and size class; another
 * runner, the old one closed, when one of those changes; a runner of its own for a build without
 * a session.
 */
import { describe, expect, it, vi } from 'vitest'
import { loadSettings } from '../../src/settings/load-settings.js'
import { closeKeptRunner, runnerFor } from '../../src/stages/kept-runner.js'
import { newSession, siteCopy } from './session-site.js'

describe('the runner a session keeps', () => {
  it('is the same for builds of the same site and settings, and made anew for others', async () => {
    const root = await siteCopy()
    const { settings } = await loadSettings(root)
    const session = newSession()
    const options = { root, settings, strict: false, count: 2 }
    const first = runnerFor(session, options)
    // A build's close leaves the session's threads running.
    await first.close()
    expect(runnerFor(session, { ...options, count: 3 }).runner).toBe(first.runner)
    const closed = vi.spyOn(first.runner, 'close')
    const strict = runnerFor(session, { ...options, strict: true })
    expect(strict.runner).not.toBe(first.runner)
    expect(closed).toHaveBeenCalledOnce()
    const large = runnerFor(session, { ...options, strict: true, count: 500 })
    expect(large.runner).not.toBe(strict.runner)
    await closeKeptRunner(session)
    expect(session.runner).toBeUndefined()
    // Without a session, each build has a runner of its own.
    const [one, other] = [runnerFor(undefined, options), runnerFor(undefined, options)]
    expect(one.runner).not.toBe(other.runner)
    await Promise.all([one.close(), other.close()])
  })
})
