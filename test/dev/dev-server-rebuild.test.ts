import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openEventStream } from './event-stream.js'
import { page } from './fake-build.js'
import { editAndWaitForReload, site, start } from './running-server.js'

describe('the dev server after a change', () => {
  it('rebuilds after a change in content/ and sends a reload event with the new build', async () => {
    const running = await start()
    running.fake.set({
      ...site,
      files: { ...site.files, '2025/11/04/story/index.html': page('Story, edited') }
    })
    expect(await editAndWaitForReload(running)).toBe('2')
    const html = await (await fetch(`${running.origin}/2025/11/04/story/`)).text()
    expect(html).toContain('<p>Story, edited</p>')
    expect(html).toContain('data-factdesk-build="2"')
    expect(running.lines).toContain('factdesk dev: content/2025/11/04/story.md changed, rebuilding')
  })

  it('counts the articles checked on open pages while a rebuild runs', async () => {
    const running = await start()
    const events = await openEventStream(`${running.origin}/__factdesk/events`)
    try {
      await events.next('build')
      await writeFile(join(running.root, 'content/2025/11/04/story.md'), '---\ntitle: z\n---\n')
      expect(await events.next('rebuilding', 10_000)).toBe('1')
      expect(await events.next('progress', 10_000)).toBe('1 2')
      expect(await events.next('progress', 10_000)).toBe('2 2')
      expect(await events.next('reload', 10_000)).toBe('2')
    } finally {
      events.close()
    }
  })

  it('keeps serving a failing build with an overlay of its problems, and drops it when the build passes', async () => {
    const running = await start()
    running.fake.set({
      ...site,
      exit: 1,
      problems: [
        {
          severity: 'error',
          line: 22,
          column: 41,
          rule: 'figure-contradicted',
          message: 'stated over 9%, data <-7.30%> & "more"'
        },
        {
          severity: 'warning',
          line: 30,
          column: 5,
          rule: 'figure-unchecked',
          message: 'no check covers "38%"'
        }
      ]
    })
    await editAndWaitForReload(running)
    const failing = await (await fetch(`${running.origin}/2025/11/04/story/`)).text()
    expect(failing).toContain('<p>Story</p>')
    expect(failing).toContain('id="factdesk-overlay"')
    expect(failing).toContain(
      '<code>content/2025/11/04/story.md:22:41  error  stated over 9%, data &lt;-7.30%&gt; &amp; &quot;more&quot;  figure-contradicted</code>'
    )
    expect(failing).not.toContain('data <-7.30%>')
    expect(running.lines).toContain(
      '  content/2025/11/04/story.md:22:41  error  stated over 9%, data <-7.30%> & "more"  figure-contradicted'
    )

    running.fake.set(site)
    await editAndWaitForReload(running)
    const fixed = await (await fetch(`${running.origin}/2025/11/04/story/`)).text()
    expect(fixed).not.toContain('factdesk-overlay')
  })

  it('keeps the last good pages when a build makes none', async () => {
    const running = await start()
    running.fake.set({
      files: {},
      exit: 2,
      problems: [
        {
          severity: 'error',
          line: 2,
          column: 8,
          rule: 'frontmatter',
          message: 'title must not be empty'
        }
      ]
    })
    await editAndWaitForReload(running)
    const html = await (await fetch(`${running.origin}/2025/11/04/story/`)).text()
    expect(html).toContain('<p>Story</p>')
    expect(html).toContain(
      'content/2025/11/04/story.md:2:8  error  title must not be empty  frontmatter'
    )
    expect(html).toContain('the build has input errors')
  })

  it('keeps serving when the build itself crashes, and says why on the page', async () => {
    const running = await start()
    running.fake.set({ files: {}, crash: 'templates/layouts/base.hbs vanished' })
    await editAndWaitForReload(running)
    const html = await (await fetch(`${running.origin}/`)).text()
    expect(html).toContain('<p>Home</p>')
    expect(html).toContain(
      'the build stopped on an unexpected error: templates/layouts/base.hbs vanished'
    )
  })

  it('serves a 404 page with the overlay when no build has made any page yet', async () => {
    const { origin } = await start({
      files: {},
      exit: 2,
      problems: [
        {
          severity: 'error',
          line: 1,
          column: 1,
          rule: 'settings',
          message: 'bad',
          file: 'data/site.yaml'
        }
      ]
    })
    const response = await fetch(`${origin}/`)
    expect(response.status).toBe(404)
    const html = await response.text()
    expect(html).toContain('data/site.yaml:1:1  error  bad  settings')
    expect(html).toContain('<script src="/__factdesk/client.js"')
  })

  it('says a rebuild has started before it runs, to open pages and to pages that connect meanwhile', async () => {
    const running = await start()
    const events = await openEventStream(`${running.origin}/__factdesk/events`)
    expect(await events.next('build')).toBe('1')
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    running.fake.set({ ...site, gate })
    await writeFile(join(running.root, 'content/2025/11/04/story.md'), '---\ntitle: edited\n---\n')
    // Named by the build it replaces, which is still the one served.
    expect(await events.next('rebuilding', 10_000)).toBe('1')
    const during = await (await fetch(`${running.origin}/2025/11/04/story/`)).text()
    expect(during).toContain('data-factdesk-build="1"')
    const late = await openEventStream(`${running.origin}/__factdesk/events`)
    expect(await late.next('build')).toBe('1')
    expect(await late.next('rebuilding')).toBe('1')

    release()
    expect(await events.next('reload', 10_000)).toBe('2')
    events.close()
    late.close()
    // Once the build is in, a page that connects is not told of a rebuild.
    const after = await openEventStream(`${running.origin}/__factdesk/events`)
    expect(await after.next('build')).toBe('2')
    await expect(after.next('rebuilding', 300)).rejects.toThrow('no "rebuilding" event')
    after.close()
  })
})
