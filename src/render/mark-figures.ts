/**
 * Wraps every figure of an mdast tree in a node that becomes
 * `<span class="fd-fig fd-fig--{status}" title="..." data-status="...">` (SPEC 8). The caller's tree
 * is never changed: nodes on the way to a split text node are copied, everything else is shared,
 * so the same tree can be rendered again with other marks.
 */
import type { Emphasis, Nodes, PhrasingContent, Root, Text } from 'mdast'
import type { FigureMark } from '../types.js'
import { textSourceOffsets } from './source-offsets.js'

/** Class every figure mark carries, whatever its status. */
export const markClass = 'fd-fig'

/** A copy of `tree` with each text piece inside a mark wrapped in a mark node; `tree` if none. */
export function markFigures(tree: Root, marks: readonly FigureMark[], markdown?: string): Root {
  if (marks.length === 0) return tree
  const sorted = [...marks].sort(
    (a, b) => a.sourceStart - b.sourceStart || a.sourceEnd - b.sourceEnd
  )
  const marked = markNode(tree, indexMarks(sorted), markdown)
  return marked === undefined ? tree : (marked[0] as Root)
}

/** The replacement of `node` (one node, or several for a split text), or undefined if unchanged. */
function markNode(node: Nodes, marks: MarkIndex, markdown?: string): Nodes[] | undefined {
  if (node.type === 'text') return splitText(node, marks, markdown)
  if (!('children' in node)) return undefined
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start !== undefined && end !== undefined && !overlapsAny(marks, start, end)) return undefined
  let changed = false
  const children: Nodes[] = []
  for (const child of node.children) {
    const replaced = markNode(child, marks, markdown)
    if (replaced === undefined) {
      children.push(child)
    } else {
      changed = true
      children.push(...replaced)
    }
  }
  // Text only ever splits into phrasing nodes inside the parent that held it, so the copy keeps
  // the parent's own content model.
  return changed ? [{ ...node, children } as Nodes] : undefined
}

/** The pieces of one text node: unmarked runs stay text, marked runs are wrapped. */
function splitText(node: Text, marks: MarkIndex, markdown?: string): Nodes[] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined || !overlapsAny(marks, start, end)) return undefined
  const offsets = textSourceOffsets(node, markdown)
  const owners = ownersOf(offsets, marks, start, end)
  if (owners === undefined) return undefined
  const pieces: PhrasingContent[] = []
  let runStart = 0
  for (let index = 1; index <= node.value.length; index++) {
    if (index < node.value.length && owners[index] === owners[runStart]) continue
    const owner = owners[runStart] ?? -1
    const piece: Text = { type: 'text', value: node.value.slice(runStart, index) }
    const mark = marks.sorted[owner]
    pieces.push(mark === undefined ? piece : wrap(piece, mark))
    runStart = index
  }
  return pieces
}

/**
 * The mark owning each character of a text node spanning source [start, end), -1 for none; or
 * undefined when no character is marked. Of the marks overlapping the node, the first in start
 * order that covers a character owns it (overlapping marks never nest). One sweep along the
 * offsets: a mark joins the open marks when the offsets reach its start and leaves them once they
 * pass its end, so a paragraph of ten thousand figures costs ten thousand times one figure, not
 * ten thousand squared.
 */
function ownersOf(
  offsets: Int32Array,
  marks: MarkIndex,
  start: number,
  end: number
): Int32Array | undefined {
  const { sorted } = marks
  const first = firstEndingAfter(marks.maxEnd, start)
  const last = lastStartingAtOrBefore(sorted, end - 1)
  if (first < 0 || first > last) return undefined
  const owners = new Int32Array(offsets.length).fill(-1)
  let open: number[] = []
  let next = first
  let previous = Number.NEGATIVE_INFINITY
  let marked = false
  for (let index = 0; index < offsets.length; index++) {
    const offset = offsets[index] ?? -1
    if (offset < 0) continue
    if (offset < previous) {
      // Offsets only go back where an estimate placed lines badly: sweep again from the start.
      open = []
      next = first
    }
    previous = offset
    while (next <= last && (sorted[next]?.sourceStart ?? Number.POSITIVE_INFINITY) <= offset) {
      open.push(next++)
    }
    // Marks that ended are dropped as they are passed; the first still open owns the character.
    let kept = 0
    for (const candidate of open) {
      if ((sorted[candidate]?.sourceEnd ?? offset) <= offset) continue
      open[kept++] = candidate
      if (owners[index] === -1) owners[index] = candidate
    }
    open.length = kept
    if (owners[index] !== -1) marked = true
  }
  return marked ? owners : undefined
}

/**
 * The mark node. It is an `emphasis` only to be a phrasing parent mdast already knows: `hName`
 * makes remark-rehype emit a `span` instead of `em`.
 */
function wrap(piece: Text, mark: FigureMark): Emphasis {
  return {
    type: 'emphasis',
    children: [piece],
    data: {
      hName: 'span',
      hProperties: {
        className: [markClass, `${markClass}--${mark.status}`],
        title: mark.title,
        dataStatus: mark.status
      }
    }
  }
}

/**
 * Marks sorted by start, with the running maximum of their ends: both look-ups below become
 * binary searches, so marking stays linear in the article however many figures it holds.
 */
interface MarkIndex {
  sorted: readonly FigureMark[]
  /** `maxEnd[i]` is the largest `sourceEnd` of `sorted[0..i]`; it never decreases. */
  maxEnd: readonly number[]
}

function indexMarks(sorted: readonly FigureMark[]): MarkIndex {
  const maxEnd: number[] = []
  let running = Number.NEGATIVE_INFINITY
  for (const mark of sorted) {
    running = Math.max(running, mark.sourceEnd)
    maxEnd.push(running)
  }
  return { sorted, maxEnd }
}

/** Whether any mark overlaps the source range [start, end). */
function overlapsAny(marks: MarkIndex, start: number, end: number): boolean {
  const last = lastStartingAtOrBefore(marks.sorted, end - 1)
  return last >= 0 && (marks.maxEnd[last] ?? Number.NEGATIVE_INFINITY) > start
}

/** Binary search over the running ends: the first index whose end is > offset, or -1. */
function firstEndingAfter(maxEnd: readonly number[], offset: number): number {
  let low = 0
  let high = maxEnd.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if ((maxEnd[middle] ?? Number.NEGATIVE_INFINITY) > offset) {
      found = middle
      high = middle - 1
    } else {
      low = middle + 1
    }
  }
  return found
}

/** Binary search: the last mark whose start is <= offset, or -1. */
function lastStartingAtOrBefore(marks: readonly FigureMark[], offset: number): number {
  let low = 0
  let high = marks.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    const mark = marks[middle]
    if (mark !== undefined && mark.sourceStart <= offset) {
      found = middle
      low = middle + 1
    } else {
      high = middle - 1
    }
  }
  return found
}
