/**
 * Inputs of the bad-input corpus that cannot be committed: files too big for the repository
 * (a 10 MB frontmatter, a million-row data file) and symbolic links, which point at a folder
 * made at test time. A case names its generator in `expected.json` (`"generate": "..."`).
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/**
 * Adds the generated files to the copy of a case site at `site`; `outside` is an empty folder
 * beside the site (not inside it) for link targets, removed by the caller.
 */
export type Generator = (site: string, outside: string) => Promise<void>

/** Bytes in the title of the 10 MB frontmatter case. */
export const tenMegabytes = 10 * 1024 * 1024

/** Rows of the million-row data file (the header not counted). */
export const millionRows = 1_000_000

/** The generators, by the name an `expected.json` gives. */
export const generators: Readonly<Record<string, Generator>> = {
  'ten-megabyte-frontmatter': async (site) => {
    const title = 'A'.repeat(tenMegabytes)
    await put(site, 'content/bad.md', `---\ntitle: ${title}\ndate: 2025-11-04\n---\nBody.\n`)
  },
  'symlink-outside-site': async (site, outside) => {
    const target = join(outside, 'secret.md')
    await writeFile(
      target,
      '---\ntitle: Not ours\ndate: 2025-11-04\n---\nA secret with 3 figures.\n'
    )
    await symlink(target, join(site, 'content/outside.md'))
  },
  'data-symlink-outside-site': async (site, outside) => {
    const target = join(outside, 'secret.csv')
    await writeFile(target, 'date,close\n2025-11-03,100\n2025-11-04,107.5\n')
    await mkdir(join(site, 'data/markets'), { recursive: true })
    await symlink(target, join(site, 'data/markets/btc.csv'))
  },
  'million-row-data-file': async (site) => {
    await put(site, 'data/markets/big.csv', millionRowCsv())
  }
}

/**
 * A date-keyed CSV of a million days from 0100-01-01 (so it ends in the 28th century), every close
 * 100 except 2025-11-04 at 107.5: checks against it have known answers.
 */
export function millionRowCsv(): string {
  const day = 24 * 60 * 60 * 1000
  const start = Date.UTC(100, 0, 1)
  const parts: string[] = ['date,close\n']
  for (let row = 0; row < millionRows; row++) {
    const date = new Date(start + row * day).toISOString().slice(0, 10)
    parts.push(`${date},${date === '2025-11-04' ? '107.5' : '100'}\n`)
  }
  return parts.join('')
}

/**
 * Markdown prose of at least `bytes` characters: paragraphs of sentences holding figures, ranges,
 * dates, emphasis, code and links, so that every body stage has work on every line.
 */
export function proseOfSize(bytes: number): string {
  const sentences = [
    'Some 12 ships waited outside the port while traders argued about prices.',
    'Volumes rose between 10 and 12% on the week, according to *exchange data*.',
    'The index fell below the $3,100 mark on November 4th before recovering.',
    'Nearly 470,000 investors held the fund, down from more than half a million.',
    'A `code span with 99 numbers` and a [link](https://example.org/7) are not prose.'
  ]
  const parts: string[] = []
  let length = 0
  for (let index = 0; length < bytes; index++) {
    const paragraph = `${sentences[index % sentences.length] ?? ''} ${sentences[(index + 2) % sentences.length] ?? ''}\n\n`
    parts.push(paragraph)
    length += paragraph.length
  }
  return parts.join('')
}

async function put(site: string, path: string, content: string): Promise<void> {
  await mkdir(dirname(join(site, path)), { recursive: true })
  await writeFile(join(site, path), content)
}
