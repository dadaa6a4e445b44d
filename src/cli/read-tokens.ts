/**
 * The first pass over the command line: which words are options (with their values) and which
 * are arguments. Options may come before or after the command, so whether `--root` takes the next
 * word is decided by the option table alone; whether the command takes the option is checked
 * afterwards, against the command table (`arguments.ts`).
 */
import { isOptionName, optionOfShort, optionTable } from './option-table.js'
import type { OptionName, OptionSpec } from './option-table.js'

/** An option as written, with its value, or what is wrong with how it was written. */
export interface OptionToken {
  kind: 'option'
  /** As written, without a value: `--port`, `-h`. */
  written: string
  /** The option meant; undefined when no option has this name. */
  name: OptionName | undefined
  /** Its value; `true` for a flag, or an optional value left out. */
  value: string | true
  /** How it was written wrong, as a usage error. */
  problem?: string
}

/** A word that is not an option: the command, a title, a folder. */
export interface ArgumentToken {
  kind: 'argument'
  value: string
}

/** One word (or two: an option and its value) of the command line. */
export type Token = OptionToken | ArgumentToken

/**
 * Reads `argv` into tokens. `commands` are never taken as an optional value, so that
 * `factdesk --host dev` still runs `dev`.
 */
export function readTokens(argv: readonly string[], commands: readonly string[]): Token[] {
  const tokens: Token[] = []
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index] ?? ''
    if (word === '--') {
      for (const rest of argv.slice(index + 1)) tokens.push({ kind: 'argument', value: rest })
      break
    }
    if (!word.startsWith('-') || word === '-') {
      tokens.push({ kind: 'argument', value: word })
      continue
    }
    const equals = word.indexOf('=')
    const written = equals === -1 || !word.startsWith('--') ? word : word.slice(0, equals)
    const inline = equals === -1 || !word.startsWith('--') ? undefined : word.slice(equals + 1)
    const name = nameOf(written)
    if (name === undefined) {
      tokens.push({ kind: 'option', written, name, value: inline ?? true })
      continue
    }
    const spec: OptionSpec = optionTable[name]
    const next = argv[index + 1]
    if (spec.kind === 'flag') {
      tokens.push({
        kind: 'option',
        written,
        name,
        value: true,
        ...(inline === undefined ? {} : { problem: `${written} takes no value` })
      })
    } else if (inline !== undefined) {
      tokens.push({ kind: 'option', written, name, value: inline })
    } else if (spec.kind === 'value') {
      const taken = next !== undefined && !next.startsWith('-')
      if (taken) index++
      tokens.push({
        kind: 'option',
        written,
        name,
        value: taken ? next : true,
        ...(taken
          ? {}
          : { problem: `${written} needs a value: ${written} ${spec.valueName ?? ''}`.trim() })
      })
    } else {
      // An optional value is taken only when the next word looks like one (see `looksLikeHost`).
      const taken = next !== undefined && !commands.includes(next) && looksLikeHost(next)
      if (taken) index++
      tokens.push({ kind: 'option', written, name, value: taken ? next : true })
    }
  }
  return tokens
}

/**
 * Whether `word` reads as a network address or host name (`192.168.1.20`, `::1`, `[::1]`,
 * `my-laptop.local`): the only words `--host` takes from after it, so that a stray argument is
 * still reported as one.
 */
export function looksLikeHost(word: string): boolean {
  const bare = word.startsWith('[') && word.endsWith(']') ? word.slice(1, -1) : word
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(bare))
    return bare.split('.').every((part) => Number(part) <= 255)
  if (bare.includes(':')) return /^[\da-f:.]+$/i.test(bare) && bare.length <= 45
  return (
    bare.length <= 253 &&
    /^[a-z\d](?:[a-z\d-]*[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]*[a-z\d])?)*$/i.test(bare) &&
    !/^\d+$/.test(bare)
  )
}

/** The option `--name` or `-x` stands for. */
function nameOf(written: string): OptionName | undefined {
  if (written.startsWith('--')) {
    const name = written.slice(2)
    return isOptionName(name) ? name : undefined
  }
  return written.length === 2 ? optionOfShort(written.slice(1)) : undefined
}
