/**
 * The packages factdesk runs with, found as Node finds them: a version bumped anywhere in the
 * tree changes the list, so the build cache never serves results other packages made.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { installedPackages } from '../../src/cache/installed-packages.js'
import { codeFingerprint } from '../../src/cache/code-fingerprint.js'
import { tempFolders } from '../helpers/temp-folders.js'

const folder = tempFolders('packages')

async function tree(manifests: Record<string, object>): Promise<string> {
  const root = await folder()
  for (const [path, manifest] of Object.entries(manifests)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), JSON.stringify(manifest))
  }
  return join(root, 'app/package.json')
}

const site = {
  'app/package.json': { name: 'app', dependencies: { parser: '^1.0.0', missing: '^1.0.0' } },
  // Hoisted above the app, as in a monorepo or a site that installs factdesk.
  'node_modules/parser/package.json': {
    version: '1.2.0',
    dependencies: { tokens: '^2.0.0', shared: '*' },
    peerDependencies: { shared: '*' }
  },
  // Nested: this copy wins for `parser`, whatever else is installed higher up.
  'node_modules/parser/node_modules/tokens/package.json': { version: '2.0.1' },
  'node_modules/tokens/package.json': { version: '3.0.0' },
  'app/node_modules/shared/package.json': { version: '0.9.0' },
  'node_modules/shared/package.json': { version: '1.0.0' }
}

describe('installedPackages', () => {
  it('lists every reachable package with the version Node would load, skipping what is missing', async () => {
    expect(installedPackages(await tree(site))).toEqual([
      'parser@1.2.0',
      'shared@1.0.0',
      'tokens@2.0.1'
    ])
  })

  it('changes when a version deep in the tree changes', async () => {
    const bumped = {
      ...site,
      'node_modules/parser/node_modules/tokens/package.json': { version: '2.0.2' }
    }
    expect(installedPackages(await tree(bumped))).toContain('tokens@2.0.2')
  })

  it('finds the packages factdesk itself runs with', async () => {
    const own = installedPackages(join(import.meta.dirname, '../../package.json'))
    expect(own).toEqual(expect.arrayContaining([expect.stringMatching(/^remark-parse@\d/)]))
    expect(own).toEqual(expect.arrayContaining([expect.stringMatching(/^micromark@\d/)]))
    expect(own.some((entry) => entry.startsWith('vitest@'))).toBe(false)
    expect(await codeFingerprint()).toMatch(/^[0-9a-f]{64}$/)
  })
})
