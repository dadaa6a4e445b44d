/**
 * "Add this check" (issue 20, item 4): writes an accepted suggestion into an article's
 * frontmatter. The frontmatter is read with the `yaml` package's Document API, which gives every
 * node and where it is in the text; the new entry (and each `data:` alias it needs) is made as a
 * document node, serialized, and spliced in at the end of its list, so every other byte of the
 * file stays as the editor wrote it: comments, key order, quoting, flow or block style, line
 * endings, and the whole Markdown body. The result is parsed again and compared with what was
 * meant, so a splice that would change the rest is refused rather than written.
 */
import { isDeepStrictEqual } from 'node:util'
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml'
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml'

/** The `checks:` entry to add, and the `data:` aliases it reads that the article may lack. */
export interface CheckEntry {
  figure: string
  expr: string
  occurrence?: number
  data?: Record<string, string>
}

/** The whole new file text, or why the file was left alone. */
export type AddCheckResult = { ok: true; text: string } | { ok: false; message: string }

/** `source` (a whole article file) with `entry` appended to its `checks:`. */
export function addCheck(source: string, entry: CheckEntry): AddCheckResult {
  const split = frontmatterSpan(source)
  if (typeof split === 'string') return refuse(split)
  const yaml = source.slice(split.start, split.end)
  const lineCounter = new LineCounter()
  const document = parseDocument(yaml, { lineCounter, prettyErrors: false })
  const [error] = document.errors
  if (error !== undefined) {
    // The frontmatter's first line is line 2 of the file.
    const line = lineCounter.linePos(error.pos[0]).line + 1
    return refuse(`the frontmatter is not valid YAML (line ${line}): ${error.message}`)
  }
  const top = document.contents
  if (!isMap(top) || top.flow === true)
    return refuse('the frontmatter is not a block of keys such as title: and date:')
  const edit = new Splicer(yaml, split.newline)
  const dataPair = pairOf(top, 'data')
  const checksPair = pairOf(top, 'checks')
  if (checksPair !== undefined && !isSeq(checksPair.value))
    return refuse('checks: is not a list; make it a list of entries (checks: [] when empty)')
  if (dataPair !== undefined && !isMap(dataPair.value))
    return refuse('data: is not a map of aliases to paths under data/')
  const dataMap = dataPair?.value as YAMLMap | undefined
  const checks = checksPair?.value as YAMLSeq | undefined

  const needed: Record<string, string> = {}
  for (const [alias, path] of Object.entries(entry.data ?? {})) {
    const present = dataMap === undefined ? undefined : pairOf(dataMap, alias)
    if (present === undefined) needed[alias] = path
    else if (!isScalar(present.value) || present.value.value !== path) {
      const other = isScalar(present.value) ? String(present.value.value) : 'another value'
      return refuse(
        `data: already has "${alias}" for ${other}, not ${path}; rename one of them, then add the check by hand`
      )
    }
  }
  const duplicate = checks?.items.some((item) => {
    const old: unknown = isMap(item) ? item.toJSON() : undefined
    return isDeepStrictEqual(old, checkOf(entry))
  })
  if (duplicate === true) return refuse(`checks: already has this entry for "${entry.figure}"`)

  // Taken before the edits: a flow list or map gets its new entry in the document itself.
  const expected = added(document.toJS(), entry)
  const item = checkNode(entry)
  const hasNeeded = Object.keys(needed).length > 0
  const topIndent = ' '.repeat(edit.column(top.items[0]?.key))
  if (checks !== undefined) edit.appendToSeq(checks, item, edit.column(checksPair?.key))
  if (hasNeeded && dataMap !== undefined)
    edit.appendToMap(dataMap, needed, edit.column(dataPair?.key))
  if (checks === undefined) {
    // A new `checks:` goes after `data:`, or at the end of the keys; a new `data:` before it.
    const after = dataPair ?? top.items[top.items.length - 1]
    const at = after === undefined ? yaml.length : edit.endOfPair(after)
    const data = hasNeeded && dataMap === undefined ? edit.block({ data: needed }, topIndent) : ''
    edit.insert(at, data + edit.block({ checks: [item] }, topIndent))
  } else if (hasNeeded && dataMap === undefined) {
    edit.insert(edit.lineStart(checksPair?.key), edit.block({ data: needed }, topIndent))
  }

  const edited = edit.result()
  const after = parseDocument(edited)
  if (after.errors.length === 0 && isDeepStrictEqual(after.toJS(), expected))
    return { ok: true, text: source.slice(0, split.start) + edited + source.slice(split.end) }
  return refuse(
    'the check could not be added without changing the rest of the frontmatter; add it by hand'
  )
}

function refuse(message: string): AddCheckResult {
  return { ok: false, message }
}

/** Where the frontmatter's YAML is in `source`, and the file's line ending; or why there is none. */
function frontmatterSpan(source: string): { start: number; end: number; newline: string } | string {
  const bom = source.startsWith('\uFEFF') ? 1 : 0
  const open = /^---[ \t]*(\r?\n)/.exec(source.slice(bom))
  if (open === null) return 'the file has no frontmatter: it does not start with a --- line'
  const start = bom + open[0].length
  for (let line = start; line < source.length;) {
    const next = source.indexOf('\n', line)
    const text = source.slice(line, next === -1 ? source.length : next)
    if (/^---[ \t]*\r?$/.test(text)) return { start, end: line, newline: open[1] ?? '\n' }
    if (next === -1) break
    line = next + 1
  }
  return 'the frontmatter is not closed: no --- line follows it'
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key)
}

/** The entry as SPEC 4 writes them: the figure in double quotes, then its expression. */
function checkNode(entry: CheckEntry): Node {
  const node = new Document().createNode(checkOf(entry))
  const figure = node.get('figure', true)
  if (isScalar(figure)) figure.type = 'QUOTE_DOUBLE'
  return node
}

function checkOf(entry: CheckEntry): Record<string, string | number> {
  const check: Record<string, string | number> = { figure: entry.figure, expr: entry.expr }
  if (entry.occurrence !== undefined) check.occurrence = entry.occurrence
  return check
}

/** The frontmatter's plain value as it should read after the edit. */
function added(before: unknown, entry: CheckEntry): unknown {
  const value = { ...(before as Record<string, unknown>) }
  if (entry.data !== undefined && Object.keys(entry.data).length > 0)
    value.data = { ...(value.data as Record<string, string> | undefined), ...entry.data }
  value.checks = [...((value.checks as unknown[] | undefined) ?? []), checkOf(entry)]
  return value
}

const serialize = { lineWidth: 0 } as const

/** Text edits of the frontmatter, each an insertion or a replacement, applied together. */
class Splicer {
  private readonly edits: { at: number; remove: number; text: string }[] = []

  constructor(
    private readonly text: string,
    private readonly newline: string
  ) {}

  insert(at: number, text: string, remove = 0): void {
    this.edits.push({ at, remove, text })
  }

  /**
   * Appends `item` to the list of a key at column `keyColumn`: a new line under a block list, a
   * new entry in a flow one; an empty flow list (`[]`) becomes a block list.
   */
  appendToSeq(seq: YAMLSeq, item: Node, keyColumn: number): void {
    const first = seq.items[0] as Node | undefined
    const last = seq.items[seq.items.length - 1] as Node | undefined
    if (seq.flow === true && first !== undefined) {
      seq.items.push(item)
      this.replaceFlow(seq)
      return
    }
    if (first === undefined || last === undefined) {
      this.dropEmptyFlow(seq)
      this.insert(this.endOf(seq), this.seqItem(item, ' '.repeat(keyColumn + 2), 1))
      return
    }
    const column = this.column(first)
    const dash = this.text.lastIndexOf('-', (first.range?.[0] ?? 1) - 1)
    const lead = ' '.repeat(dash - this.lineStart(first))
    this.insert(this.endOf(last), this.seqItem(item, lead, column - lead.length - 1))
  }

  /** Adds `entries` to the map of a key at column `keyColumn`, as `appendToSeq` adds to a list. */
  appendToMap(map: YAMLMap, entries: Record<string, string>, keyColumn: number): void {
    const last = map.items[map.items.length - 1]
    if (map.flow === true && last !== undefined) {
      for (const [alias, path] of Object.entries(entries)) map.set(alias, path)
      this.replaceFlow(map)
      return
    }
    if (last === undefined) {
      this.dropEmptyFlow(map)
      this.insert(this.endOf(map), this.block(entries, ' '.repeat(keyColumn + 2)))
      return
    }
    this.insert(this.endOfPair(last), this.block(entries, ' '.repeat(this.column(last.key))))
  }

  /** Removes an empty flow collection (`[]`, `{}`) and the spaces before it: block lines follow. */
  private dropEmptyFlow(node: YAMLSeq | YAMLMap): void {
    const [start, end] = node.range ?? [0, 0]
    if (end <= start) return
    let from = start
    while (from > 0 && (this.text[from - 1] === ' ' || this.text[from - 1] === '\t')) from--
    this.insert(from, '', end - from)
  }

  /** A flow collection written again in place, in flow style, with its new entry. */
  private replaceFlow(node: YAMLSeq | YAMLMap): void {
    const [start, end] = node.range ?? [0, 0]
    const holder = new Document()
    holder.contents = node
    const text = holder.toString(serialize).replace(/\n$/, '').replace(/\n/g, this.newline)
    this.insert(start, text, end - start)
  }

  /** `value` serialized as block YAML, each line indented by `indent`. */
  block(value: unknown, indent: string): string {
    const holder = new Document()
    // Nodes inside `value` (a check entry made by `checkNode`) are taken as they are, quoting kept.
    holder.contents = holder.createNode(value)
    return this.lines(holder.toString(serialize), (line) => indent + line)
  }

  private seqItem(item: Node, lead: string, gap: number): string {
    const holder = new Document()
    holder.contents = item
    const dash = `${lead}-${' '.repeat(Math.max(1, gap))}`
    const rest = ' '.repeat(dash.length)
    return this.lines(
      holder.toString(serialize),
      (line, index) => (index === 0 ? dash : rest) + line
    )
  }

  private lines(text: string, prefix: (line: string, index: number) => string): string {
    const lines = text.replace(/\n$/, '').split('\n')
    return lines
      .map((line, index) => (line === '' ? '' : prefix(line, index)) + this.newline)
      .join('')
  }

  /** 0-based column of `node` in its line. */
  column(node: unknown): number {
    return this.rangeStart(node) - this.lineStart(node)
  }

  /** Offset of the start of the line `node` starts on. */
  lineStart(node: unknown): number {
    return this.text.lastIndexOf('\n', this.rangeStart(node) - 1) + 1
  }

  /** Offset just past the line a key's value (or the key, when it has none) ends on. */
  endOfPair(pair: Pair): number {
    return isNode(pair.value) ? this.endOf(pair.value) : this.endOf(pair.key)
  }

  /** Offset just past the line `node` ends on, its trailing comment included. */
  private endOf(node: unknown): number {
    const end = isNode(node) ? (node.range?.[1] ?? 0) : 0
    if (end > 0 && this.text[end - 1] === '\n') return end
    const next = this.text.indexOf('\n', end)
    return next === -1 ? this.text.length : next + 1
  }

  private rangeStart(node: unknown): number {
    return isNode(node) ? (node.range?.[0] ?? 0) : 0
  }

  /**
   * The text with every edit made. They never overlap, so they are made from the end back; of
   * two insertions at one offset, the one asked for first ends up first.
   */
  result(): string {
    let text = this.text
    const order = this.edits.map((edit, index) => ({ ...edit, index }))
    order.sort((a, b) => b.at - a.at || b.index - a.index)
    for (const { at, remove, text: inserted } of order)
      text = text.slice(0, at) + inserted + text.slice(at + remove)
    return text
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value
}
