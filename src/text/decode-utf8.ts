/**
 * Strict UTF-8 decoding that says where it failed (issue 15, item 7). "The file is not UTF-8" at
 * line 1 leaves an editor searching a long article for one stray Latin-1 byte; the line and column
 * of that byte, its offset and its value take them straight to it.
 */

/** Where the first byte that is not UTF-8 stands. */
export interface NotUtf8 {
  /** 0-based byte offset in the file. */
  offset: number
  /** The byte itself. */
  byte: number
  /** 1-based line of the byte. */
  line: number
  /** 1-based column, counted in characters of the valid text before the byte on its line. */
  column: number
}

const strict = new TextDecoder('utf-8', { fatal: true })

/**
 * The text of `bytes`, or where they stop being UTF-8. A leading byte order mark is dropped, as
 * editors do not show it; positions are counted without it.
 */
export function decodeUtf8(bytes: Uint8Array): string | NotUtf8 {
  try {
    return strict.decode(bytes)
  } catch {
    return placeOf(bytes, firstInvalidByte(bytes))
  }
}

/** `byte 0xE9 at offset 1234 is not UTF-8`, for the messages of each kind of file. */
export function describeNotUtf8(bad: NotUtf8): string {
  const hex = bad.byte.toString(16).toUpperCase().padStart(2, '0')
  return `byte 0x${hex} at offset ${bad.offset} is not UTF-8`
}

function placeOf(bytes: Uint8Array, offset: number): NotUtf8 {
  // Everything before the first bad byte is valid, so it decodes.
  const before = strict.decode(bytes.subarray(0, offset))
  const lineStart = before.lastIndexOf('\n') + 1
  let line = 1
  for (let at = before.indexOf('\n'); at !== -1; at = before.indexOf('\n', at + 1)) line++
  return {
    offset,
    byte: bytes[offset] ?? 0,
    line,
    column: [...before.slice(lineStart)].length + 1
  }
}

/**
 * Offset of the first byte that starts no valid UTF-8 sequence (the Encoding Standard's rules:
 * no overlong forms, no surrogates, nothing above U+10FFFF). A sequence cut short is placed at
 * its first byte, which is where an editor shows the broken character.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  let at = 0
  while (at < bytes.length) {
    const lead = bytes[at] ?? 0
    if (lead < 0x80) {
      at++
      continue
    }
    const shape = sequenceOf(lead)
    if (shape === undefined) return at
    for (let next = 1; next <= shape.continuation; next++) {
      const byte = bytes[at + next]
      const [low, high] = next === 1 ? [shape.low, shape.high] : [0x80, 0xbf]
      if (byte === undefined || byte < low || byte > high) return at
    }
    at += shape.continuation + 1
  }
  return bytes.length
}

/** The continuation bytes a lead byte needs and the range its first one must fall in. */
function sequenceOf(lead: number): { continuation: number; low: number; high: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return { continuation: 1, low: 0x80, high: 0xbf }
  if (lead === 0xe0) return { continuation: 2, low: 0xa0, high: 0xbf }
  if (lead === 0xed) return { continuation: 2, low: 0x80, high: 0x9f }
  if (lead >= 0xe1 && lead <= 0xef) return { continuation: 2, low: 0x80, high: 0xbf }
  if (lead === 0xf0) return { continuation: 3, low: 0x90, high: 0xbf }
  if (lead >= 0xf1 && lead <= 0xf3) return { continuation: 3, low: 0x80, high: 0xbf }
  if (lead === 0xf4) return { continuation: 3, low: 0x80, high: 0x8f }
  return undefined
}
