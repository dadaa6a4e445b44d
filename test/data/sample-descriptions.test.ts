/**
 * The descriptions shipped with the sample site (`data/`) and the starter (`starter/data/`): each
 * sidecar describes a data file beside it, without a problem, and only columns that file has,
 * so that the sample's fact-check panels read in words (issue 19, item 1).
 */
import { readdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadDataStore } from '../../src/checks/datasets/load-data-store.js'
import { descriptionPathOf, isDescriptionFile } from '../../src/data/dictionary.js'
import { sourceFor } from '../../src/data/sources.js'

const roots = {
  sample: fileURLToPath(new URL('../../', import.meta.url)),
  starter: fileURLToPath(new URL('../../starter/', import.meta.url))
}

async function described(root: string): Promise<{ files: string[]; sidecars: Set<string> }> {
  const entries = await readdir(`${root}data`, { recursive: true, encoding: 'utf8' })
  const paths = entries.map((entry) => entry.split('\\').join('/'))
  const sidecars = new Set(paths.filter(isDescriptionFile))
  const files = paths.filter(
    (path) =>
      !isDescriptionFile(path) &&
      sourceFor(path) !== undefined &&
      sidecars.has(descriptionPathOf(path))
  )
  return { files, sidecars }
}

describe.each(Object.entries(roots))('the %s site', (_name, root) => {
  it('describes its data files without a problem', async () => {
    const { files, sidecars } = await described(root)
    expect(files.length).toBeGreaterThan(0)
    // A sidecar whose name matches no data file describes nothing.
    expect(new Set(files.map(descriptionPathOf))).toEqual(sidecars)
    const { store, problems } = await loadDataStore(root, files)
    expect(problems).toEqual([])
    for (const file of files) expect(store.get(file)?.description?.title).toBeTruthy()
  })
})
