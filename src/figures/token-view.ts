/**
 * Read access to the token list for the figure grammar (SPEC 5). Every read goes through `at`,
 * which counts it, so that the work of a detection run can be measured without a clock.
 */
import type { ScanStats, Token } from './tokenize.js'

/** The token list with the small questions the grammar keeps asking about neighbours. */
export class TokenView {
  readonly length: number
  readonly #tokens: readonly Token[]
  readonly #stats: ScanStats | undefined

  constructor(tokens: readonly Token[], stats?: ScanStats) {
    this.#tokens = tokens
    this.#stats = stats
    this.length = tokens.length
  }

  /** The token at `index`, or undefined past either end. */
  at(index: number): Token | undefined {
    if (this.#stats) this.#stats.steps++
    return this.#tokens[index]
  }

  /** True when the token at `index` touches the one before it, with no space between. */
  attached(index: number): boolean {
    const token = this.at(index)
    return token !== undefined && index > 0 && !token.spaced
  }

  /** True when the token at `index` follows the previous token after whitespace only. */
  spaced(index: number): boolean {
    const token = this.at(index)
    return token !== undefined && index > 0 && token.spaced && token.kind !== 'boundary'
  }

  /** The lower-cased word at `index`, or undefined when it is no word. */
  word(index: number): string | undefined {
    const token = this.at(index)
    return token?.kind === 'word' ? token.lower : undefined
  }

  /** The word at `index` as written, or undefined when it is no word. */
  writtenWord(index: number): string | undefined {
    const token = this.at(index)
    return token?.kind === 'word' ? token.text : undefined
  }

  /** The symbol at `index`, or undefined when it is no symbol. */
  symbol(index: number): string | undefined {
    const token = this.at(index)
    return token?.kind === 'symbol' ? token.text : undefined
  }

  /** True when the token at `index` is a digit run. */
  isNumber(index: number): boolean {
    return this.at(index)?.kind === 'number'
  }

  /** The lower-cased word at `index` when whitespace alone separates it from the token before. */
  spacedWord(index: number): string | undefined {
    return this.spaced(index) ? this.word(index) : undefined
  }

  /** The lower-cased word at `index` when it touches the token before. */
  attachedWord(index: number): string | undefined {
    return this.attached(index) ? this.word(index) : undefined
  }

  /** The symbol at `index` when it touches the token before. */
  attachedSymbol(index: number): string | undefined {
    return this.attached(index) ? this.symbol(index) : undefined
  }
}
