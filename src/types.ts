/**
 * The shapes every pipeline stage shares. Stages import types from here so that they can be
 * built and tested apart: settings -> articles -> markdown -> figures -> checks -> render -> output.
 * Names follow SPEC.md exactly where the SPEC gives them (the JSON report, frontmatter keys).
 */
import type { RuleId } from './rules.js'
import type { FactcheckMode } from './settings/settings-schema.js'

/** Severity of a problem: `error` fails the build, `warning` is reported only. */
export type Severity = 'error' | 'warning'

/** One positioned problem, as it appears in the JSON report (SPEC 7). */
export interface Problem {
  severity: Severity
  /** 1-based line in `file`; 1 when the problem concerns the whole file. */
  line: number
  /** 1-based column in `file`. */
  column: number
  /** Permanent rule id from the catalogue in `src/rules.ts`. */
  rule: RuleId
  message: string
  /** Site-relative path of the file the position is in, when it is not the article itself (a data file, a template). */
  file?: string
}

/**
 * A problem of a file other than an article (settings, a data file, a template, the output): it
 * always names its file, since no article's entry holds it.
 */
export type SiteProblem = Problem & { file: string }

/**
 * Fact-check mode (SPEC 6), site settings from `data/site.yaml` (SPEC 3) with defaults applied,
 * and the approximator tolerances (SPEC 5): derived from the settings schema, their one source.
 */
export type { FactcheckMode, Settings, Tolerance } from './settings/settings-schema.js'

/** Normalized approximator of a figure (SPEC 5). */
export type Approx =
  | 'exact'
  | 'over'
  | 'at-least'
  | 'under'
  | 'at-most'
  | 'nearly'
  | 'about'
  | 'just-over'
  | 'just-under'
  | 'range'

/** Direction read from a movement word (SPEC 5). */
export type Direction = 'up' | 'down'

/** A figure found in the prose (SPEC 5). */
/** Where a figure is written (SPEC 5): the headline, the summary, or the body. */
export type ProsePart = 'title' | 'summary' | 'body'

export interface Figure {
  /** Exact source text of the figure phrase, e.g. `below the $99,000`. */
  text: string
  in: ProsePart
  /** The number with its scale applied; `[low, high]` for a range. */
  value: number | [number, number]
  /** `%`, `pp`, an ISO currency code, a lower-cased counted noun, or null. */
  unit: string | null
  approx: Approx
  direction: Direction | null
  /** 1-based position of the first character in the article's source file. */
  line: number
  column: number
  /** Offsets of the phrase in the article's plain text (`Prose.text`), end exclusive. */
  start: number
  end: number
  /** Offsets of the phrase in the Markdown source the tree was parsed from, end exclusive. */
  sourceStart: number
  sourceEnd: number
}

/**
 * The plain text of an article body: the prose of every block (paragraphs, headings, list items,
 * table cells, block quotes) joined by single spaces, without code, inline code, URLs or HTML.
 */
export interface Prose {
  text: string
  /** Markdown source offset of each character of `text`; -1 for separators the extraction added. */
  sourceOffsets: Int32Array
}

/**
 * Validated frontmatter (SPEC 4) and its parts: figure checks, asserts, sources, corrections.
 * Derived from the frontmatter schema, their one source.
 */
export type {
  AssertSpec,
  CheckSpec,
  Correction,
  Frontmatter,
  Source
} from './content/frontmatter-schema.js'

/** Final status of a figure (SPEC 6). */
export type FigureStatus = 'verified' | 'contradicted' | 'unchecked' | 'error'

/** A figure with its verdict, as in the JSON report (SPEC 7). */
export interface FigureResult {
  text: string
  in: ProsePart
  line: number
  column: number
  value: number | [number, number]
  unit: string | null
  approx: Approx
  direction: Direction | null
  status: FigureStatus
  /** The evaluated value, null unless the check was evaluated to a number. */
  actual: number | null
  expr: string | null
  message: string
  /**
   * With `--suggest` (issue 20), for an unchecked figure: candidate checks, best first. Never
   * applied on their own: a figure is bound only when a person accepts one.
   */
  suggestions?: Suggestion[]
}

/**
 * A check the build proposes for an unchecked figure (issue 20): an expression found to compute
 * a value of the figure's kind near the article's date, with the verdict it would give.
 */
export interface Suggestion {
  /** The expression, ready for the `expr` of a `checks:` entry. */
  expr: string
  /** The value it computes. */
  actual: number
  /**
   * `verified`, or `contradicted` for the closest candidate when none verifies: the figure may
   * be wrong ("closest: fell 5.2% — would contradict").
   */
  status: 'verified' | 'contradicted'
  /** What it computes, in one plain sentence (the data dictionary's words where it has them). */
  explanation: string
  /**
   * The `data:` entries the article must add for it, alias -> path under `data/`: only for a
   * file the article does not read yet (`--suggest-from all`).
   */
  data?: Record<string, string>
  /** The `occurrence` the entry needs: the figure's text is in the prose more than once. */
  occurrence?: number
}

/** An assert with its verdict, as in the JSON report (SPEC 7). */
export interface AssertResult {
  expr: string
  says: string
  status: 'verified' | 'contradicted' | 'error'
  message: string
}

/** What the fact-check panel of a brief shows for one check (SPEC 8). */
export interface PanelEntry {
  figure: string
  status: FigureStatus
  /** What was computed, in plain words: `btc close fell 7.41% from 3 Nov to 4 Nov 2025`. */
  explanation: string
  actual: number | null
  expr: string
  note?: string
  /** Site-relative data files the check read, e.g. `data/markets/btc-usd.csv`. */
  dataFiles: string[]
  /** What the descriptions of those files say of them (issue 19), for described files only. */
  credits?: DataCredit[]
  message: string
  /** A small SVG chart of the series the check read (issue 19), when it read one. */
  chart?: string
}

/** A described data file's title, source and licence, shown next to its data link. */
export interface DataCredit {
  /** Site-relative data file, one of the entry's `dataFiles`. */
  file: string
  title?: string
  source?: string
  sourceUrl?: string
  licence?: string
}

/** The JSON report (SPEC 7), also written to `dist/factcheck.json`. */
export interface Report {
  version: 1
  summary: {
    articles: number
    figures: number
    verified: number
    contradicted: number
    unchecked: number
    errors: number
    warnings: number
    exit: 0 | 1 | 2
  }
  articles: ReportArticle[]
}

/** One article of the JSON report. */
export interface ReportArticle {
  file: string
  slug: string
  url: string
  mode: FactcheckMode
  figures: FigureResult[]
  asserts: AssertResult[]
  problems: Problem[]
}

/** One file of the built site: a path relative to the output folder and its content. */
export interface OutputFile {
  path: string
  content: string | Uint8Array
}

/** A large file of the built site made piece by piece, so it is never whole in memory. */
export interface ChunkedFile {
  path: string
  chunks: () => Iterable<string>
  /**
   * Nothing can go wrong making it, and no other output reads it: a build that keeps its files
   * in memory (the dev server's) may make it when it is first read instead (issue 21).
   */
  deferrable?: boolean
}

/**
 * An output file of a build kept in memory whose content is made when first read (a deferrable
 * `ChunkedFile`): reading `content` makes it, once.
 */
export interface LaterFile extends OutputFile {
  readonly later: true
  readonly content: string
}

/** Where and how the renderer marks one figure in the body HTML (SPEC 8). */
export interface FigureMark {
  /** Offsets of the figure phrase in the Markdown source, end exclusive. */
  sourceStart: number
  sourceEnd: number
  /** The part of the article the figure is in; for the headline, `start`/`end` are offsets in it. */
  in: ProsePart
  /** Offsets of the figure phrase in the article's prose (`Figure.start`, `Figure.end`). */
  start: number
  end: number
  status: FigureStatus
  /** Hover text: the checked value and its source, or why the figure is unchecked. */
  title: string
}
