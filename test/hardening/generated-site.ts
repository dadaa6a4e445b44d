/**
 * Sites generated at test time for the interrupted, concurrent and big-input builds: many
 * articles, each with figures and a checked one, so that every stage has real work to do. The
 * `edition` string is written into every body, so two editions differ on every brief.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { siteYaml } from '../helpers/temp-site.js'

/** What to generate. */
export interface SiteShape {
  articles: number
  /** Written into every article body; change it to get a site that differs page by page. */
  edition: string
  /** Extra paragraphs per article beyond the first; default 2. */
  paragraphs?: number
}

/** The data file every generated article checks a figure against. */
export const pricesCsv = 'date,close\n2025-11-03,100\n2025-11-04,107.5\n'

/** Writes a site of `shape.articles` articles under `root` (content/ and data/). */
export async function writeGeneratedSite(root: string, shape: SiteShape): Promise<void> {
  await put(root, 'data/site.yaml', siteYaml)
  await put(root, 'data/markets/btc.csv', pricesCsv)
  const folders = new Set<string>()
  const files: { path: string; content: string }[] = []
  for (let index = 0; index < shape.articles; index++) {
    const path = articlePath(index)
    folders.add(dirname(join(root, path)))
    files.push({ path, content: generatedArticle(index, shape) })
  }
  for (const folder of folders) await mkdir(folder, { recursive: true })
  // Bounded parallelism: tens of thousands of files, without running out of file handles.
  const queue = [...files]
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      for (let file = queue.pop(); file; file = queue.pop())
        await writeFile(join(root, file.path), file.content)
    })
  )
}

/** Site-relative path of article `index`: spread over days, a hundred per folder at most. */
export function articlePath(index: number): string {
  const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(index / 100) * 86_400_000)
    .toISOString()
    .slice(0, 10)
  return `content/${day.replaceAll('-', '/')}/story-${index}.md`
}

/** One article: a headline, a date in the folder's day, a check that passes, and prose figures. */
export function generatedArticle(index: number, shape: SiteShape): string {
  const day = articlePath(index)
    .slice('content/'.length, 'content/'.length + 10)
    .replaceAll('/', '-')
  const minute = String(index % 60).padStart(2, '0')
  const hour = String(Math.floor(index / 60) % 24).padStart(2, '0')
  const paragraphs = Array.from(
    { length: shape.paragraphs ?? 2 },
    (_, p) =>
      `Paragraph ${p + 1} of story ${index} (${shape.edition}): some ${(index % 90) + 10} boats and about ${p + 3} million tonnes moved.`
  )
  return [
    '---',
    `title: Story ${index} of the ${shape.edition} edition`,
    `date: ${day}T${hour}:${minute}:00+08:00`,
    `section: ${index % 3 === 0 ? 'markets' : 'world'}`,
    `tags: [tag-${index % 7}]`,
    'data:',
    '  btc: markets/btc.csv',
    'checks:',
    '  - figure: "7.5%"',
    '    expr: pct_change(btc.close, "2025-11-03", "2025-11-04")',
    '---',
    `Bitcoin rose 7.5% in story ${index} of the ${shape.edition} edition.`,
    '',
    paragraphs.join('\n\n'),
    ''
  ].join('\n')
}

async function put(root: string, path: string, content: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true })
  await writeFile(join(root, path), content)
}
