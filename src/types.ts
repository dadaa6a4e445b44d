/**
 * The shapes every pipeline stage shares. Stages import types from here so that they can be
 * built and tested apart: settings -> articles -> markdown -> figures -> checks -> render -> output.
 * Names follow SPEC.md exactly where the SPEC gives them (the JSON report, frontmatter keys).
 */
import type { DateTime } from 'luxon'
import type { RuleId } from './rules.js'

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

/** Fact-check mode (SPEC 6). */
export type FactcheckMode = 'standard' | 'strict' | 'off'

/** Site settings from `data/site.yaml` (SPEC 3), defaults applied. */
export interface Settings {
  title: string
  /** Absolute URL with a trailing slash. */
  url: string
  /** Path prefix with leading and trailing slash, `/` by default. */
  base: string
  language: string
  /** IANA time zone. */
  timezone: string
  description: string
  permalink: string
  excerpt_length: number
  page_size: number
  factcheck: {
    mode: FactcheckMode
    strict_sections: string[]
    tolerance: Tolerance
  }
  not_figures: string[]
}

/** Tolerances of the approximator rules (SPEC 5), as fractions; `understated` is a factor. */
export interface Tolerance {
  about: number
  nearly: number
  slightly: number
  understated: number
}

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
export interface Figure {
  /** Exact source text of the figure phrase, e.g. `below the $99,000`. */
  text: string
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

/** A figure check from the frontmatter (SPEC 4, 6). */
export interface CheckSpec {
  figure: string
  expr: string
  note?: string
  occurrence?: number
  direction?: Direction
  tolerance?: number
  /** Position of the check entry in the article file. */
  line: number
  column: number
}

/** An assert from the frontmatter (SPEC 6). */
export interface AssertSpec {
  expr: string
  says: string
  line: number
  column: number
}

/** Final status of a figure (SPEC 6). */
export type FigureStatus = 'verified' | 'contradicted' | 'unchecked' | 'error'

/** A figure with its verdict, as in the JSON report (SPEC 7). */
export interface FigureResult {
  text: string
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
  message: string
}

/** A source shown under a brief. */
export interface Source {
  name: string
  url?: string
}

/** A correction shown at the top of a brief. */
export interface Correction {
  date: DateTime
  text: string
}

/** Validated frontmatter of an article (SPEC 4), defaults applied. */
export interface Frontmatter {
  title: string
  date: DateTime
  updated?: DateTime
  slug: string
  section: string
  tags: string[]
  byline?: string
  dateline?: string
  summary?: string
  draft: boolean
  embargo?: DateTime
  sources: Source[]
  corrections: Correction[]
  /** Alias -> path under `data/`. */
  data: Record<string, string>
  checks: CheckSpec[]
  asserts: AssertSpec[]
  factcheck?: FactcheckMode
}

/** One article after loading: where it is and what its frontmatter says. */
export interface LoadedArticle {
  /** Path relative to the site root, `/`-separated: `content/2025/11/04/x.md`. */
  file: string
  frontmatter: Frontmatter
  /**
   * The Markdown to parse: the whole file with the frontmatter block blanked to empty lines, so
   * that positions in the parsed tree are positions in the file.
   */
  markdown: string
  /** Site-relative URL path without `base`, e.g. `/2025/11/04/slug/`. */
  url: string
}

/** An article that went through the whole pipeline, ready to render and report. */
export interface CheckedArticle extends LoadedArticle {
  mode: FactcheckMode
  /** The lead: `summary`, or the first paragraph's plain text. */
  lead: string
  /** Sanitized body HTML with every figure marked by status. */
  html: string
  figures: FigureResult[]
  asserts: AssertResult[]
  panel: PanelEntry[]
  problems: Problem[]
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
    exit: number
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
}

/** Where and how the renderer marks one figure in the body HTML (SPEC 8). */
export interface FigureMark {
  /** Offsets of the figure phrase in the Markdown source, end exclusive. */
  sourceStart: number
  sourceEnd: number
  status: FigureStatus
  /** Hover text: the checked value and its source, or why the figure is unchecked. */
  title: string
}
