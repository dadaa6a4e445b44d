/**
 * Turns offsets in a source file into 1-based line and column (SPEC 5: a figure's `line` and
 * `column`), counting columns in UTF-16 code units as unified's positions do. Lines end at `\n`,
 * `\r\n` or a lone `\r`.
 */

/** A 1-based place in a file. */
export interface LinePoint {
  line: number
  column: number
}

/** Index the line starts of `source` once; the returned function answers in O(log lines). */
export function createLineIndex(source: string): (offset: number) => LinePoint {
  const starts = [0]
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index)
    if (code === 0x0a || (code === 0x0d && source.charCodeAt(index + 1) !== 0x0a)) {
      starts.push(index + 1)
    }
  }
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, source.length))
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] ?? 0) <= clamped) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: clamped - (starts[low] ?? 0) + 1 }
  }
}
