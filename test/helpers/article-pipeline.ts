/**
 * The production pipeline of one article, for tests that feed it an article's text: load
 * (frontmatter split and validated), data store, figures, checks, body HTML and brief, exactly as a
 * build runs them. Every test that needs a whole article's outcome goes through here, so that a
 * change to the pipeline's internal shape (`processArticle`, `LoadedArticle`, `CheckedArticle`)
 * is met in this one module.
 */
import { fileURLToPath } from 'node:url'
import { loadDataStore } from '../../src/checks/datasets/load-data-store.js'
import { articleFile, isLoaded, problemsOf } from '../../src/article/article-file.js'
import type { CheckedFile, LoadedFile } from '../../src/article/article-file.js'
import { articleProcessor, processArticle } from '../../src/article/process-article.js'
import { parseArticle } from '../../src/content/load-article.js'
import { renderBrief } from '../../src/render/brief.js'
import { siteViewOf } from '../../src/render/page-context.js'
import { loadTemplates } from '../../src/render/templates.js'
import type { Templates } from '../../src/render/templates.js'
import { defaultSettings, loadSettings } from '../../src/settings/load-settings.js'
import type { FigureResult, Problem, Settings } from '../../src/types.js'

/** How to run one article. */
export interface PipelineOptions {
  /** Site settings. Default: every setting at its default (`defaultSettings()`). */
  settings?: Settings
  /**
   * The site folder the article's `data:` paths are read under (`<root>/data/...`). Default: none,
   * so every data path is a missing file.
   */
  root?: string
  /** `--strict`. Default: false. */
  strict?: boolean
  /** Site-relative path of the article; its name gives the slug. Default: `content/story.md`. */
  file?: string
}

/** The figure fields detection gives, without a verdict. */
export type DetectedFigure = Pick<
  FigureResult,
  'text' | 'in' | 'line' | 'column' | 'value' | 'unit' | 'approx' | 'direction'
>

/** An article through stages 1 and 2, with the problems of the data files its checks read. */
export interface ArticleOutcome {
  /**
   * The checked article's data; its `problems` are the load's (frontmatter warnings) followed by
   * the fact check's, as the build reports them.
   */
  article: CheckedFile['data'] & { problems: Problem[] }
  /** The checked file itself. */
  file: CheckedFile
  /** Problems of the data files named in the article's `data:` map (missing, unreadable, bad). */
  dataProblems: Problem[]
  /** Site-relative paths of the data files that loaded, as the build copies them into the output. */
  dataPaths: Set<string>
}

/** A rendered brief and the article it shows. */
export interface BriefOutcome extends ArticleOutcome {
  /** The whole HTML page. */
  html: string
}

/**
 * The settings of the site at `root` (`data/site.yaml`, defaults where it is missing), as the build
 * reads them. Throws a `TypeError` listing the problems when the file has any.
 */
export async function siteSettingsOf(root: string): Promise<Settings> {
  const { settings, problems } = await loadSettings(root)
  if (problems.length > 0) {
    throw new TypeError(`\`${root}/data/site.yaml\` has problems: ${JSON.stringify(problems)}`)
  }
  return settings
}

/**
 * Loads article text as the build does (`parseArticle`): frontmatter validated, body positions
 * kept as file positions. Throws a `TypeError` listing the problems when the article does not load.
 */
export function loadedArticleOf(source: string, options: PipelineOptions = {}): LoadedFile {
  const path = options.file ?? 'content/story.md'
  const file = articleFile(path)
  parseArticle(file, source, options.settings ?? defaultSettings())
  if (!isLoaded(file)) {
    throw new TypeError(`\`${path}\` does not load: ${JSON.stringify(problemsOf(file))}`)
  }
  return file
}

/** Every figure of an article's body in document order, as the build detects it. */
export async function figuresOf(
  source: string,
  options: PipelineOptions = {}
): Promise<DetectedFigure[]> {
  const { article } = await checkedArticleOf(source, options)
  return article.figures.map(
    ({ text, in: part, line, column, value, unit, approx, direction }) => ({
      text,
      in: part,
      line,
      column,
      value,
      unit,
      approx,
      direction
    })
  )
}

/**
 * Loads, fact-checks and renders the body of an article as the build does: its data files are
 * read under `options.root`, and the load's problems come before the fact check's.
 */
export async function checkedArticleOf(
  source: string,
  options: PipelineOptions = {}
): Promise<ArticleOutcome> {
  const settings = options.settings ?? defaultSettings()
  const loaded = loadedArticleOf(source, { ...options, settings })
  const paths = Object.values(loaded.data.frontmatter.data)
  const { store, problems: dataProblems } = await loadDataStore(options.root ?? noSite, paths)
  const context = { settings, store, strict: options.strict ?? false }
  const checked = processArticle(articleProcessor(context), loaded, context)
  return {
    article: { ...checked.data, problems: problemsOf(checked) },
    file: checked,
    dataProblems,
    dataPaths: new Set([...store.datasets.values()].map((dataset) => dataset.file))
  }
}

/**
 * Runs an article through the pipeline and renders its brief with the project's templates, in a
 * site of that one article (its section is the only one in the navigation).
 */
export async function briefOf(
  source: string,
  options: PipelineOptions = {}
): Promise<BriefOutcome> {
  const settings = options.settings ?? defaultSettings()
  const outcome = await checkedArticleOf(source, options)
  const templates = await projectTemplates()
  const rendered = renderBrief(
    {
      settings,
      site: siteViewOf(settings, [outcome.article], templates),
      templates,
      dataPaths: outcome.dataPaths
    },
    outcome.file
  )
  if ('problem' in rendered) {
    throw new TypeError(`the brief does not render: ${JSON.stringify(rendered.problem)}`)
  }
  return { ...outcome, html: rendered.html }
}

/** A folder with no `data/` or `templates/` in it (this one): every data path is missing there. */
const noSite = fileURLToPath(new URL('./', import.meta.url))

let templatesLoaded: Promise<Templates> | undefined

/**
 * The project's own templates (a site without `templates/` renders with them), loaded once per
 * test file. Throws a `TypeError` listing the problems when they do not load.
 */
export function projectTemplates(): Promise<Templates> {
  templatesLoaded ??= loadTemplates(noSite).then(({ templates, problems }) => {
    if (problems.length > 0) {
      throw new TypeError(`project templates do not load: ${JSON.stringify(problems)}`)
    }
    return templates
  })
  return templatesLoaded
}
