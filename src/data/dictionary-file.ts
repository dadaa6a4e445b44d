/**
 * Reads a data file's `.about.yaml` sidecar (`dictionary.ts`) for the loader: the description,
 * its problems, and a digest of its bytes that the loader folds into the data file's digest, so
 * that an edited description re-checks and re-renders every article reading the file.
 */
import { createHash } from 'node:crypto'
import { readSiteFile } from '../io/read-site-file.js'
import { sizeLimits } from '../io/size-limits.js'
import type { Problem } from '../types.js'
import type { Dataset, RecordNode } from '../checks/datasets/dataset.js'
import { didYouMean, keyReach } from '../text/did-you-mean.js'
import { descriptionPathOf, parseDescription } from './dictionary.js'
import type { DataDescription, DescriptionLoad } from './dictionary.js'

/** A sidecar as the loader uses it; an absent sidecar has no description and an empty digest. */
export interface DescriptionFile {
  /** Site-relative sidecar, e.g. `data/markets/btc-usd.about.yaml`. */
  file: string
  description: DataDescription | undefined
  problems: Problem[]
  columnPoints: DescriptionLoad['columnPoints']
  /** `''` without a sidecar, else a hash of its bytes. */
  digest: string
}

/** The description of `data/<path>`, read from its sidecar when there is one. */
export async function readDescriptionFile(root: string, path: string): Promise<DescriptionFile> {
  const file = `data/${descriptionPathOf(path)}`
  // Descriptions are a few lines: the data limit is generous and already enforced elsewhere.
  const read = await readSiteFile(root, file, sizeLimits.dataFile)
  if (!(read instanceof Uint8Array)) {
    const none = { file, description: undefined, columnPoints: new Map() }
    if (read.reason === 'missing') return { ...none, problems: [], digest: '' }
    return {
      ...none,
      problems: [
        {
          severity: 'warning',
          line: 1,
          column: 1,
          rule: 'data-description',
          message: `${file} cannot be read as a description: make it a UTF-8 text file next to the data file`,
          file
        }
      ],
      digest: ''
    }
  }
  const digest = createHash('sha256').update(read).digest('hex').slice(0, 16)
  const text = new TextDecoder('utf-8', { fatal: false }).decode(read)
  return { ...parseDescription(text, file), file, digest }
}

/**
 * A warning for each described column the dataset does not have: a misspelt column would
 * otherwise leave the real one undescribed without a word. Table columns are header names,
 * record columns dotted paths (`reported.deaths`).
 */
export function unknownColumns(dataset: Dataset, about: DescriptionFile): Problem[] {
  if (about.description === undefined) return []
  const known =
    dataset.kind === 'table' ? dataset.table.columns.slice(1) : recordPaths(dataset.root)
  const problems: Problem[] = []
  for (const name of about.description.columns.keys()) {
    if (known.includes(name)) continue
    const point = about.columnPoints.get(name) ?? { line: 1, column: 1 }
    problems.push({
      severity: 'warning',
      ...point,
      rule: 'data-description',
      message: `column "${name}" is not in ${dataset.file}${didYouMean(name, known, { reach: keyReach })}: describe one of its columns (${known.slice(0, 8).join(', ')})`,
      file: about.file
    })
  }
  return problems
}

function recordPaths(node: RecordNode, prefix = ''): string[] {
  if (node.kind !== 'object') return prefix === '' ? [] : [prefix]
  return [...node.entries].flatMap(([key, child]) =>
    recordPaths(child, prefix === '' ? key : `${prefix}.${key}`)
  )
}
