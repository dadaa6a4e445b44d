/**
 * The saves the dev-loop benchmark (issue 21) makes, one kind at a time: each kind's file, its
 * original bytes, the content of its Nth edit (bytes never written before, so a content-hashed
 * cache can skip none) and how a page served after the reload shows that edit.
 */
import { readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { get } from './dev-server-process.mjs'
import { listArticles } from './page-count.mjs'

/** Words that make each note different; no digits, so an edit adds no figure to check. */
const words = ['morning', 'evening', 'regional', 'foreign', 'currency', 'bond', 'policy', 'funding']

/**
 * @param {string} dir the corpus
 * @param {string[]} kinds
 */
export async function editTargets(dir, kinds) {
  const articles = await listArticles(dir)
  const article = articles[Math.floor(articles.length / 2)]
  if (article === undefined) throw new Error(`${dir} holds no article`)
  const pick = (edit, step) => words[Math.floor(edit / step) % words.length]
  const note = (edit) => `Editors added a ${pick(edit, 1)} ${pick(edit, words.length)} note here.`
  const pageOf = (file) =>
    `/${relative(join(dir, 'content'), file).split(sep).join('/').replace(/\.md$/, '')}/`
  const comment = (edit) => `<!-- dev-loop edit ${edit + 1} -->`
  const home = async (port) => (await get(port, '/')).body
  const cssComment = (edit) => `/* dev-loop edit ${edit + 1} */`
  const stylesheetOf = async (port) =>
    /href="([^"]*\/style\.[^"]*\.css)"/.exec(await home(port))?.[1]
  const files = {
    article: {
      file: article,
      variant: (original, edit) => `${original}\n${note(edit)}\n`,
      shows: async (port, edit) => (await get(port, pageOf(article))).body.includes(note(edit))
    },
    data: {
      file: join(dir, 'data', 'markets', 'aaa.csv'),
      // The newest close goes up a cent per edit: no article is dated that day, no verdict moves.
      variant: (original, edit) => raisedClose(original, edit + 1),
      // The build publishes a copy of each bound data file.
      shows: async (port, edit, variant) =>
        (await get(port, '/data/markets/aaa.csv')).body === variant(edit)
    },
    template: {
      file: join(dir, 'templates', 'partials', 'site-footer.hbs'),
      variant: (original, edit) => `${original}${comment(edit)}\n`,
      shows: async (port, edit) => (await home(port)).includes(comment(edit))
    },
    stylesheet: {
      file: join(dir, 'templates', 'style.css'),
      variant: (original, edit) => `${original}${cssComment(edit)}\n`,
      // What an open page shows: the stylesheet it links holds the edit (the page is restyled
      // at once, before the rebuild of every page gives the stylesheet its new name).
      // The rebuild that follows may swap the site between reading the page and its stylesheet,
      // and the old name is then gone (an open page is restyled to the new one): read both again.
      shows: async (port, edit) => {
        for (let read = 0; read < 3; read++) {
          const href = await stylesheetOf(port)
          if (href === undefined) return false
          const stylesheet = await get(port, href)
          if (stylesheet.status === 200) return stylesheet.body.includes(cssComment(edit))
        }
        return false
      }
    }
  }
  const targets = []
  for (const kind of kinds) {
    const { file, variant, shows } = files[kind]
    const original = await readFile(file, 'utf8')
    const edited = (edit) => variant(original, edit)
    targets.push({
      kind,
      file,
      original,
      variant: edited,
      shows: (port, edit) => shows(port, edit, edited)
    })
  }
  return targets
}

function raisedClose(csv, cents) {
  const lines = csv.trimEnd().split('\n')
  const cells = (lines.at(-1) ?? '').split(',')
  const close = Number(cells[4])
  if (cells.length !== 5 || !Number.isFinite(close))
    throw new TypeError('aaa.csv does not end with a date,open,high,low,close row')
  cells[4] = (close + cents / 100).toFixed(2)
  lines[lines.length - 1] = cells.join(',')
  return `${lines.join('\n')}\n`
}
