/**
 * The measurement corpus's scorer (`test/fixtures/corpus/`): each passage is a factdesk article
 * paraphrased from published news, with a hand annotation (`<name>.json`) of the figures a careful
 * copy editor underlines (SPEC 5). The detector's figures are matched to the annotated ones in
 * document order by exact `text` (a longest common subsequence of the two text lists); a detected
 * figure whose text differs from the annotated one is a miss and a false positive. Recall, precision
 * and, over the matched figures, the share with each attribute right are what the scorer reports.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The attributes of one figure that the corpus annotates (SPEC 5). */
export interface CorpusFigure {
  text: string
  value: number | [number, number]
  unit: string | null
  approx: string
  direction: 'up' | 'down' | null
}

/** The attributes compared on a matched figure. */
export const attributes = ['value', 'unit', 'approx', 'direction'] as const
export type Attribute = (typeof attributes)[number]

/** One annotated figure and the detected figure matched to it, with the attributes that differ. */
export interface WrongAttribute {
  text: string
  attribute: Attribute
  expected: unknown
  detected: unknown
}

/** The comparison of one passage. */
export interface PassageScore {
  name: string
  annotated: number
  detected: number
  matched: number
  /** Annotated figures no detected figure matched. */
  missed: CorpusFigure[]
  /** Detected figures that match no annotated one. */
  extra: CorpusFigure[]
  /** Attributes wrong on matched figures. */
  wrong: WrongAttribute[]
}

/** The corpus totals. */
export interface CorpusScore {
  passages: PassageScore[]
  annotated: number
  detected: number
  matched: number
  /** matched / annotated, in percent. */
  recall: number
  /** matched / detected, in percent. */
  precision: number
  /** Per attribute, the share of matched figures with it right, in percent. */
  right: Record<Attribute, number>
}

/** Two values are the same when every number agrees to a relative 1e-9 (scales multiply floats). */
function sameNumber(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))
}

function sameValue(a: CorpusFigure['value'], b: CorpusFigure['value']): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((x, i) => sameNumber(x, b[i] as number))
    )
  }
  return sameNumber(a, b)
}

function sameAttribute(attribute: Attribute, a: CorpusFigure, b: CorpusFigure): boolean {
  return attribute === 'value' ? sameValue(a.value, b.value) : a[attribute] === b[attribute]
}

/**
 * The pairs (annotated index, detected index) of a longest common subsequence of the two lists'
 * texts: the in-order matching of figures by exact text.
 */
export function matchInOrder(
  annotated: CorpusFigure[],
  detected: CorpusFigure[]
): [number, number][] {
  const n = annotated.length
  const m = detected.length
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] =
        annotated[i]!.text === detected[j]!.text
          ? table[i + 1]![j + 1]! + 1
          : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
    }
  }
  const pairs: [number, number][] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (annotated[i]!.text === detected[j]!.text && table[i]![j] === table[i + 1]![j + 1]! + 1) {
      pairs.push([i, j])
      i++
      j++
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) {
      i++
    } else {
      j++
    }
  }
  return pairs
}

/** Compares one passage's detected figures with its annotation. */
export function scorePassage(
  name: string,
  annotated: CorpusFigure[],
  detected: CorpusFigure[]
): PassageScore {
  const pairs = matchInOrder(annotated, detected)
  const matchedAnnotated = new Set(pairs.map(([i]) => i))
  const matchedDetected = new Set(pairs.map(([, j]) => j))
  const wrong: WrongAttribute[] = []
  for (const [i, j] of pairs) {
    const a = annotated[i]!
    const d = detected[j]!
    for (const attribute of attributes) {
      if (!sameAttribute(attribute, a, d)) {
        wrong.push({ text: a.text, attribute, expected: a[attribute], detected: d[attribute] })
      }
    }
  }
  return {
    name,
    annotated: annotated.length,
    detected: detected.length,
    matched: pairs.length,
    missed: annotated.filter((_, i) => !matchedAnnotated.has(i)),
    extra: detected.filter((_, j) => !matchedDetected.has(j)),
    wrong
  }
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : (100 * part) / whole
}

/** Sums passage comparisons into the corpus score. */
export function scoreCorpus(passages: PassageScore[]): CorpusScore {
  const annotated = passages.reduce((sum, p) => sum + p.annotated, 0)
  const detected = passages.reduce((sum, p) => sum + p.detected, 0)
  const matched = passages.reduce((sum, p) => sum + p.matched, 0)
  const right = {} as Record<Attribute, number>
  for (const attribute of attributes) {
    const wrongCount = passages.reduce(
      (sum, p) => sum + p.wrong.filter((w) => w.attribute === attribute).length,
      0
    )
    right[attribute] = percent(matched - wrongCount, matched)
  }
  return {
    passages,
    annotated,
    detected,
    matched,
    recall: percent(matched, annotated),
    precision: percent(matched, detected),
    right
  }
}

/** A percentage as the score line writes it: one decimal, no trailing `.0`. */
function shown(value: number): string {
  return `${Number(value.toFixed(1))}%`
}

/** The one-line summary, e.g. `corpus: 52 passages, 231 figures: recall 97.4%, ...`. */
export function scoreLine(score: CorpusScore): string {
  return (
    `corpus: ${score.passages.length} passages, ${score.annotated} figures: ` +
    `recall ${shown(score.recall)}, precision ${shown(score.precision)}, ` +
    attributes.map((attribute) => `${attribute} ${shown(score.right[attribute])}`).join(', ')
  )
}

function brief(figure: CorpusFigure): string {
  return `"${figure.text}" (${JSON.stringify(figure.value)} ${figure.unit ?? '-'}, ${figure.approx}, ${figure.direction ?? '-'})`
}

/** Every passage's misses, false positives and wrong attributes, one passage a block. */
export function missReport(score: CorpusScore): string {
  const blocks: string[] = []
  for (const p of score.passages) {
    const lines = [
      ...p.missed.map((f) => `  missed   ${brief(f)}`),
      ...p.extra.map((f) => `  extra    ${brief(f)}`),
      ...p.wrong.map(
        (w) =>
          `  wrong    "${w.text}" ${w.attribute}: expected ${JSON.stringify(w.expected)}, detected ${JSON.stringify(w.detected)}`
      )
    ]
    if (lines.length > 0) blocks.push(`${p.name}:\n${lines.join('\n')}`)
  }
  return blocks.join('\n')
}

/** One passage of the corpus folder: its article text and its annotation. */
export interface CorpusPassage {
  name: string
  source: string
  annotated: CorpusFigure[]
}

/** Every `<name>.md` of `folder` with its `<name>.json`, sorted by name. */
export function readCorpus(folder: string): CorpusPassage[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.md'.length)
      return {
        name,
        source: readFileSync(join(folder, file), 'utf8'),
        annotated: JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8')) as CorpusFigure[]
      }
    })
}
