/**
 * Evaluates a check expression against an article's datasets (SPEC 6). Nothing here reaches
 * JavaScript: names are looked up with `Object.hasOwn` among the article's aliases and in Maps of
 * columns, keys and functions, never as properties of live objects, so `__proto__` or
 * `constructor` are simply unknown names. Every failure is returned as a value with a message a
 * data editor can act on; nothing an editor writes makes this function throw.
 */
import { didYouMean, nameReach } from '../../text/did-you-mean.js'
import { collapseWhitespace } from '../../text/whitespace.js'
import type { DataStore } from '../datasets/dataset.js'
import type { Expression } from './ast.js'
import { creditOf } from '../../data/dictionary-credit.js'
import type { DataCredit } from '../../types.js'
import { compareNumbers, explainResult } from './explain.js'
import { ExpressionFailure } from './failure.js'
import type { FailureRule } from './failure.js'
import { functions } from './functions.js'
import { createReadLog, formOf } from './reads.js'
import type { ReadLog, ResultForm, SeriesRead } from './reads.js'
import { parseExpression } from './parse-expression.js'
import { index, member } from './read-data.js'
import { describeKind, expectBoolean, expectNumber, hintFor, numberValue } from './values.js'
import type { Origin, Value } from './values.js'

/** What an expression can read: the article's `data:` aliases and the build's loaded data. */
export interface EvaluationScope {
  /** Alias -> path under `data/`, as written in the article's frontmatter. */
  aliases: Readonly<Record<string, string>>
  store: DataStore
}

/** The outcome of a check expression. */
export type Evaluation =
  | {
      ok: true
      value: number | boolean
      /** What was computed, in plain words, for the fact-check panel. */
      explanation: string
      /** Site-relative data files read, deduplicated, in order of first use. */
      dataFiles: string[]
      /** Title, source and licence of the described files among them (`data/dictionary.ts`). */
      credits?: DataCredit[]
      /** The series read and the keys read in each (issue 19), in order of first read. */
      reads?: SeriesRead[]
      /** How the result relates to the one series read, when it does (`reads.ts`). */
      form?: ResultForm
    }
  | {
      ok: false
      rule: FailureRule
      message: string
      /** 1-based column in the expression of the part that failed. */
      column?: number
      /**
       * The article reports this failure once, at the `data:` entry of a file that did not load
       * (issue 18): the check or assert using it fails without repeating it.
       */
      reportedElsewhere?: true
    }

interface Context {
  source: string
  scope: EvaluationScope
  dataFiles: string[]
  credits: DataCredit[]
  reads: ReadLog
}

/** Parses and evaluates `source` in `scope`; never throws for any input. */
export function evaluateExpression(source: string, scope: EvaluationScope): Evaluation {
  const parsed = parseExpression(source)
  if (!parsed.ok)
    return { ok: false, rule: parsed.rule, message: parsed.message, column: parsed.column }
  const context: Context = { source, scope, dataFiles: [], credits: [], reads: createReadLog() }
  try {
    const result = evaluate(parsed.expression, context)
    if (result.kind !== 'number' && result.kind !== 'boolean') {
      throw new ExpressionFailure(
        'check-error',
        `the expression gives ${describeKind(result)}, not a number or true/false${hintFor(result)}`,
        parsed.expression.start + 1
      )
    }
    const form = formOf(parsed.expression, context.reads)
    return {
      ok: true,
      value: result.value,
      explanation: explainResult(result, context.dataFiles),
      dataFiles: context.dataFiles,
      ...(context.credits.length === 0 ? {} : { credits: context.credits }),
      reads: context.reads.series,
      ...(form === undefined ? {} : { form })
    }
  } catch (error) {
    if (!(error instanceof ExpressionFailure)) throw error
    const failure: Evaluation = { ok: false, rule: error.rule, message: error.message }
    if (error.column !== undefined) failure.column = error.column
    if (error.reportedElsewhere) failure.reportedElsewhere = true
    return failure
  }
}

function evaluate(node: Expression, context: Context): Value {
  try {
    return evaluateNode(node, context)
  } catch (error) {
    // The innermost node that failed gives the column, so the editor sees which part is wrong.
    if (error instanceof ExpressionFailure && error.column === undefined)
      error.column = node.start + 1
    throw error
  }
}

function evaluateNode(node: Expression, context: Context): Value {
  switch (node.type) {
    case 'number':
      return numberValue(node.value)
    case 'string':
      return { kind: 'string', value: node.value }
    case 'boolean':
      return { kind: 'boolean', value: node.value }
    case 'identifier':
      return dataset(node.name, context)
    case 'member': {
      const object = evaluate(node.object, context)
      return pointing(node.end - node.name.length + 1, () => member(object, node.name))
    }
    case 'index': {
      const object = evaluate(node.object, context)
      const key = evaluate(node.key, context)
      return pointing(node.key.start + 1, () => index(object, key))
    }
    case 'call':
      return call(node, context)
    case 'unary':
      if (node.operator === 'not') {
        return { kind: 'boolean', value: !expectBoolean(evaluate(node.operand, context), '"not"') }
      }
      return numberValue(-expectNumber(evaluate(node.operand, context), 'unary "-"'))
    case 'binary':
      return binary(node, context)
  }
}

/** Runs `read` so that a failure in it points at `column`: the name or key that was not found. */
function pointing(column: number, read: () => Value): Value {
  try {
    return read()
  } catch (error) {
    if (error instanceof ExpressionFailure && error.column === undefined) error.column = column
    throw error
  }
}

function dataset(alias: string, context: Context): Value {
  const { aliases, store } = context.scope
  const path = Object.hasOwn(aliases, alias) ? aliases[alias] : undefined
  if (typeof path !== 'string') {
    if (functions.has(alias)) {
      throw new ExpressionFailure(
        'check-error',
        `"${alias}" is a function: call it as ${alias}${functions.get(alias)?.signature ?? '(...)'}`
      )
    }
    const known = Object.keys(aliases)
    const listed =
      known.length === 0
        ? ' (the article has no data: map)'
        : didYouMean(alias, known, { reach: nameReach }) || ` (datasets: ${known.join(', ')})`
    throw new ExpressionFailure('check-error', `unknown dataset "${alias}"${listed}`)
  }
  const loaded = store.get(path)
  if (loaded === undefined) {
    const unloaded = store.unloaded(path)
    const failure = new ExpressionFailure(
      'check-error',
      unloaded?.missing === true
        ? `dataset "${alias}": ${unloaded.message}`
        : `dataset "${alias}" (data/${path}) could not be loaded: see the problems reported for that file`
    )
    // The article names the file once, at its `data:` entry (`factcheck-plugin.ts`).
    failure.reportedElsewhere = unloaded !== undefined
    throw failure
  }
  if (!context.dataFiles.includes(loaded.file)) {
    context.dataFiles.push(loaded.file)
    const credit = creditOf(loaded.file, loaded.description)
    if (credit !== undefined) context.credits.push(credit)
  }
  const origin: Origin = {
    alias,
    path: [],
    file: loaded.file,
    description: loaded.description,
    reads: context.reads
  }
  return loaded.kind === 'table'
    ? { ...origin, kind: 'table', table: loaded.table }
    : { ...origin, kind: 'record', node: loaded.root }
}

function call(node: Expression & { type: 'call' }, context: Context): Value {
  if (node.callee.type !== 'identifier') {
    throw new ExpressionFailure(
      'check-error',
      `only functions can be called, and ${slice(node.callee, context)} is not one`
    )
  }
  const name = node.callee.name
  const spec = functions.get(name)
  if (spec === undefined) {
    throw new ExpressionFailure(
      'check-error',
      `unknown function "${name}"${didYouMean(name, functions.keys(), { reach: nameReach })}`,
      node.start + 1
    )
  }
  const args = node.args.map((arg) => evaluate(arg, context))
  try {
    return spec.call(args, {
      name,
      source: slice(node, context),
      args: node.args.map((arg) => slice(arg, context))
    })
  } catch (error) {
    // A function's failure about one date or key quotes it: the error points at the argument
    // that gave it (`"2025-3-06"`). One about a range names both ends and stays on the call.
    if (error instanceof ExpressionFailure && error.column === undefined) {
      const quoted = node.args.filter((_, i) => {
        const arg = args[i]
        return arg?.kind === 'string' && arg.value !== '' && error.message.includes(arg.value)
      })
      const [argument] = quoted
      if (quoted.length === 1 && argument !== undefined) error.column = argument.start + 1
    }
    throw error
  }
}

function binary(node: Expression & { type: 'binary' }, context: Context): Value {
  const left = evaluate(node.left, context)
  const right = evaluate(node.right, context)
  const operator = node.operator
  if (operator === 'and' || operator === 'or') {
    const a = expectBoolean(left, `"${operator}"`)
    const b = expectBoolean(right, `"${operator}"`)
    return { kind: 'boolean', value: operator === 'and' ? a && b : a || b }
  }
  if (operator === '==' || operator === '!=') {
    const same = sameValue(left, right)
    if (same === undefined) {
      throw new ExpressionFailure(
        'check-error',
        `"${operator}" compares two numbers, two true/false values or two strings, not ${describeKind(left)} and ${describeKind(right)}`
      )
    }
    return { kind: 'boolean', value: operator === '==' ? same : !same }
  }
  const a = expectNumber(left, `"${operator}"`)
  const b = expectNumber(right, `"${operator}"`)
  switch (operator) {
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compareNumbers(left, right, operator)
    case '/':
      if (b === 0)
        throw new ExpressionFailure('check-error', `division by zero in ${slice(node, context)}`)
      return finite(a / b, node, context)
    case '*':
      return finite(a * b, node, context)
    case '+':
      return finite(a + b, node, context)
    case '-':
      return finite(a - b, node, context)
  }
}

/** Whether two plain values are equal; undefined when they cannot be compared. */
function sameValue(left: Value, right: Value): boolean | undefined {
  if (left.kind === 'number' && right.kind === 'number') return left.value === right.value
  if (left.kind === 'boolean' && right.kind === 'boolean') return left.value === right.value
  if (left.kind === 'string' && right.kind === 'string') return left.value === right.value
  return undefined
}

function finite(value: number, node: Expression, context: Context): Value {
  if (Number.isFinite(value)) return numberValue(value)
  throw new ExpressionFailure('check-error', `${slice(node, context)} is not a finite number`)
}

function slice(node: Expression, context: Context): string {
  const text = collapseWhitespace(context.source.slice(node.start, node.end))
  return text.length > 80 ? `${text.slice(0, 80)}…` : text
}
