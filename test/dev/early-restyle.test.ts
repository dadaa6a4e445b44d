import { describe, expect, it } from 'vitest'
import { earlyRestyle, swapAfter } from '../../src/dev/early-restyle.js'
import { emptySite } from '../../src/dev/next-site.js'
import type { DevSite } from '../../src/dev/next-site.js'
import { stylesheetFile } from '../../src/render/assets.js'
import { tempSite } from '../helpers/temp-site.js'

const edited = 'body { color: rgb(1, 2, 3) }\n'
const shown = 'assets/style.0123456789.css'

function served(files: Record<string, string>, buildId = 4): DevSite {
  return { ...emptySite, buildId, files: new Map(Object.entries(files)) }
}

describe('earlyRestyle', () => {
  it('serves the edited stylesheet at its old and new names under the next build', async () => {
    const root = await tempSite({ 'templates/style.css': edited })
    const site = served({ [shown]: 'body{}', 'index.html': '<p>home</p>' })
    const early = await earlyRestyle(root, site, ['templates/style.css'])
    const made = stylesheetFile(edited)
    expect(early?.swap).toEqual([shown, made.path])
    expect(early?.site.buildId).toBe(5)
    expect(early?.site.files.get(shown)).toBe(edited)
    expect(early?.site.files.get(made.path)).toBe(edited)
    expect(early?.site.files.get('index.html')).toBe('<p>home</p>')
    // The site on screen is left as it was.
    expect(site.files.get(shown)).toBe('body{}')
  })

  it.each([
    ['another file changed with it', ['content/a.md', 'templates/style.css']],
    ['a stylesheet of public/', ['public/extra.css']]
  ])('does nothing when %s', async (_case, changed) => {
    const root = await tempSite({ 'templates/style.css': edited })
    expect(await earlyRestyle(root, served({ [shown]: 'body{}' }), changed)).toBeUndefined()
  })

  it('does nothing when the stylesheet on screen is already that one, or is not one', async () => {
    const root = await tempSite({ 'templates/style.css': edited })
    const same = served({ [stylesheetFile(edited).path]: edited })
    expect(await earlyRestyle(root, same, ['templates/style.css'])).toBeUndefined()
    const two = served({ [shown]: 'a{}', 'assets/style.9876543210.css': 'b{}' })
    expect(await earlyRestyle(root, two, ['templates/style.css'])).toBeUndefined()
  })
})

describe('swapAfter', () => {
  it('tells the same swap when the rebuild serves that stylesheet alone', async () => {
    const root = await tempSite({ 'templates/style.css': edited })
    const early = await earlyRestyle(root, served({ [shown]: 'body{}' }), ['templates/style.css'])
    if (early === undefined) throw new Error('no early restyle')
    const [, to] = early.swap
    expect(swapAfter(early, served({ [to]: edited }, 6))).toEqual([early.swap])
    // Another stylesheet than the one on screen, or the old one still served: pages reload.
    expect(swapAfter(early, served({ [to]: 'body{color:red}' }, 6))).toBeUndefined()
    expect(swapAfter(early, served({ [to]: edited, [shown]: 'body{}' }, 6))).toBeUndefined()
  })
})
