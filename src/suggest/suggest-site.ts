/**
 * `--suggest` (issue 20): after a build, the articles with unchecked figures are read again, their
 * figures found as the build found them, and each unchecked figure of the report is given its
 * suggested checks. A pass of its own rather than a stage of the build: suggestions are for the
 * editor at the terminal or in `factdesk dev`, never published, and a build without `--suggest`
 * pays nothing for them (nor does its cache hold them).
 */
import { unified } from 'unified'
import { articleFile, isLoaded } from '../article/article-file.js'
import type { LoadedFile } from '../article/article-file.js'
import { loadDataStore } from '../checks/datasets/load-data-store.js'
import { existingDataFiles } from '../checks/datasets/existing-data-files.js'
import { decodeArticle, readArticle } from '../content/load-article.js'
import { dataSources } from '../data/sources.js'
import { findFigures } from '../figures/figures-plugin.js'
import { explainingIn, wordingFor } from '../i18n/explain-words.js'
import { markdownParser, nestingGuard } from '../markdown/parse-plugin.js'
import type { Figure, FigureResult, Report, ReportArticle, Settings } from '../types.js'
import { suggestForArticle } from './suggest-article.js'

/** Where suggestions look: the article's own `data:` files, or every file under `data/`. */
export type SuggestFrom = 'article' | 'all'

/** The settings file is under `data/` but is no data to check figures against. */
const settingsFile = 'site.yaml'

/** `report` with suggestions on each unchecked figure (an empty list when nothing fits). */
export async function withSuggestions(
  root: string,
  settings: Settings,
  report: Report,
  options: { from: SuggestFrom }
): Promise<Report> {
  const wanted = report.articles.filter((entry) => entry.figures.some(isUnchecked))
  if (wanted.length === 0) return report
  const loaded = new Map<string, { file: LoadedFile; found: Figure[] }>()
  for (const entry of wanted) {
    const article = await figuresOf(root, entry.file, settings)
    if (article !== undefined) loaded.set(entry.file, article)
  }
  const everyFile =
    options.from === 'all'
      ? (await existingDataFiles(root, dataSources)).filter((path) => path !== settingsFile)
      : []
  const paths = new Set(everyFile)
  for (const { file } of loaded.values())
    for (const path of Object.values(file.data.frontmatter.data)) paths.add(path)
  const { store } = await loadDataStore(root, paths)

  const wording = wordingFor(settings)
  const articles = report.articles.map((entry): ReportArticle => {
    const article = loaded.get(entry.file)
    if (article === undefined) return entry
    const { file, found } = article
    const prose = file.data.prose
    if (prose === undefined) return entry
    const unchecked = new Map<FigureResult, Figure>()
    for (const result of entry.figures) {
      const figure = isUnchecked(result) ? found.find((one) => samePlace(one, result)) : undefined
      if (figure !== undefined) unchecked.set(result, figure)
    }
    const suggestions = explainingIn(wording, () =>
      suggestForArticle({
        frontmatter: file.data.frontmatter,
        prose,
        figures: [...unchecked.values()],
        allFigures: found,
        store,
        tolerance: settings.factcheck.tolerance,
        ...(options.from === 'all' ? { everyFile } : {})
      })
    )
    const figures = entry.figures.map((result) => {
      const figure = unchecked.get(result)
      return figure === undefined
        ? result
        : { ...result, suggestions: suggestions.get(figure) ?? [] }
    })
    return { ...entry, figures }
  })
  return { ...report, articles }
}

function isUnchecked(figure: FigureResult): boolean {
  return figure.status === 'unchecked'
}

function samePlace(figure: Figure, result: FigureResult): boolean {
  return (
    figure.line === result.line && figure.column === result.column && figure.text === result.text
  )
}

/** The article at `path` loaded, with its prose and figures found as the build finds them. */
async function figuresOf(
  root: string,
  path: string,
  settings: Settings
): Promise<{ file: LoadedFile; found: Figure[] } | undefined> {
  const bytes = await readArticle(root, path)
  if (!(bytes instanceof Uint8Array)) return undefined
  const file = articleFile(path)
  decodeArticle(file, bytes, settings)
  if (!isLoaded(file)) return undefined
  const processor = unified()
    .use(markdownParser)
    .use(nestingGuard)
    .use(findFigures, { notFigures: settings.not_figures })
  try {
    processor.runSync(processor.parse(file), file)
  } catch {
    // The build reported why this body could not be processed; it has no figures to suggest for.
    return undefined
  }
  const found = file.data.found
  return found === undefined ? undefined : { file, found }
}
