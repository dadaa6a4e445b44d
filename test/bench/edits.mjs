/**
 * The edits the incremental measurements make to the corpus, one per run, each a real change of
 * bytes (a touched mtime alone would let a content-hashed cache call it unchanged):
 * one article's body gets a sentence, the newest close of `aaa.csv` goes up a cent, a template
 * partial gets a comment. None of them changes a verdict, so every build still passes.
 */
import { appendFile, cp, readFile, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from './builders.mjs'

/** Words that make each appended sentence different; no digits, so no new figure. */
const noteWords = [
  'morning',
  'evening',
  'regional',
  'foreign',
  'currency',
  'bond',
  'commodity',
  'policy',
  'funding',
  'weekend'
]

/**
 * Copies the project's `templates/` into the corpus (once, before the cold builds), so that a
 * template edit touches the corpus and never the repository.
 * @param {string} corpus
 */
export async function copyTemplates(corpus) {
  await cp(join(projectRoot, 'templates'), join(corpus, 'templates'), { recursive: true })
}

/**
 * Appends a sentence to one article's body as a new paragraph.
 * @param {string} articleFile
 * @param {number} run 0-based
 */
export async function editArticle(articleFile, run) {
  const word = noteWords[run % noteWords.length]
  await appendFile(
    articleFile,
    `\nEditors added a short ${word} note to this report after publication.\n`
  )
}

/**
 * Raises the close of the newest row of `data/markets/aaa.csv` by one cent. No article is dated
 * on the newest day, so no check reads it and no verdict changes.
 * @param {string} corpus
 */
export async function editData(corpus) {
  const file = join(corpus, 'data', 'markets', 'aaa.csv')
  const lines = (await readFile(file, 'utf8')).trimEnd().split('\n')
  const cells = (lines.at(-1) ?? '').split(',')
  const close = Number(cells[4])
  if (cells.length !== 5 || !Number.isFinite(close))
    throw new TypeError(`\`${file}\` does not end with a date,open,high,low,close row`)
  cells[4] = (close + 0.01).toFixed(2)
  lines[lines.length - 1] = cells.join(',')
  await writeFile(file, `${lines.join('\n')}\n`)
}

/**
 * Edits one template of the corpus: the footer partial, shown on every page, or the stylesheet
 * when the templates have no such partial.
 * @param {string} corpus
 * @param {number} run 0-based
 * @returns {Promise<string>} the file edited, relative to the corpus
 */
export async function editTemplate(corpus, run) {
  const partial = join('templates', 'partials', 'site-footer.hbs')
  if (existsSync(join(corpus, partial))) {
    await appendFile(join(corpus, partial), `<!-- benchmark edit ${run + 1} -->\n`)
    return partial
  }
  const stylesheet = join('templates', 'style.css')
  await appendFile(join(corpus, stylesheet), `/* benchmark edit ${run + 1} */\n`)
  return stylesheet
}
