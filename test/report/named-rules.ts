/**
 * Every rule id the source names, found statically with the TypeScript compiler, for the rule
 * coverage test (issue 16). Vitest strips types without checking them, so a problem written with
 * an id outside the catalogue (a typo, an `as RuleId`, an untyped object) would run in every test
 * and only `npm run lint` would object; this scan makes the test suite object too.
 *
 * A string literal names a rule when either
 * - its contextual type takes catalogue ids: it is passed, assigned or returned where a `RuleId`
 *   (or a union of rule ids such as `FailureRule`) goes, asserted `as RuleId` included; or
 * - it is the value, or part of the type, of something named like a rule (`rule`, `ruleId`,
 *   `unsafePathRule`, `FailureRule`, `inputRules`), through `?:`, `??`, `||`, parentheses,
 *   `as`/`satisfies`, arrays and unions, even where nothing types it.
 */
import { readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import ts from 'typescript'

/** One rule id as the source names it. */
export interface NamedRule {
  id: string
  /** `src/file.ts:line:column` of the literal. */
  at: string
}

/** Extra in-memory source files, by path relative to the project root, scanned as if on disk. */
export type VirtualFiles = Readonly<Record<string, string>>

/**
 * The rule ids named in every `.ts` file under `folder` of `projectRoot` but `skip` (the
 * catalogue itself) and in `virtual` files; `catalogue` is the catalogue's ids, which say what a
 * rule-taking type looks like.
 */
export function namedRules(options: {
  projectRoot: string
  folder: string
  skip: readonly string[]
  catalogue: readonly string[]
  virtual?: VirtualFiles
}): NamedRule[] {
  const { projectRoot, folder, catalogue } = options
  const virtual = new Map(
    Object.entries(options.virtual ?? {}).map(([path, text]) => [join(projectRoot, path), text])
  )
  const onDisk = readdirSync(join(projectRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))
    .map((path) => join(projectRoot, folder, path))
  const skipped = new Set(options.skip.map((path) => join(projectRoot, path)))
  const roots = [...onDisk, ...virtual.keys()].filter((path) => !skipped.has(path))

  const program = ts.createProgram(roots, compilerOptions(projectRoot), hostWith(virtual))
  const checker = program.getTypeChecker()
  const ids = new Set(catalogue)
  const found: NamedRule[] = []
  for (const path of roots) {
    const source = program.getSourceFile(path)
    if (source === undefined) throw new Error(`the compiler did not read ${path}`)
    const visit = (node: ts.Node): void => {
      if (isStringLiteral(node) && (takesRules(checker, node, ids) || inRuleSlot(node))) {
        const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source))
        const file = relative(projectRoot, path).split(sep).join('/')
        found.push({ id: node.text, at: `${file}:${line + 1}:${character + 1}` })
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return found
}

function isStringLiteral(
  node: ts.Node
): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  if (!ts.isStringLiteral(node) && !ts.isNoSubstitutionTemplateLiteral(node)) return false
  // An import path is a string literal too, but never a rule.
  return !ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)
}

/** Whether the literal stands where the type asks for a catalogue id. */
function takesRules(
  checker: ts.TypeChecker,
  node: ts.Expression,
  ids: ReadonlySet<string>
): boolean {
  // A literal inside a type (`rule: 'check-not-found' | ...`) has no contextual type.
  if (ts.isLiteralTypeNode(node.parent)) return false
  const type = checker.getContextualType(node)
  if (type === undefined) return false
  const members = type.isUnion() ? type.types : [type]
  return members.some((member) => member.isStringLiteral() && ids.has(member.value))
}

/** `rule`, `ruleId`, `rules`, `unsafePathRule`, `FailureRule`, `inputRules`; not `schedule`. */
const ruleName = /^rule(?:s|Id|Ids)?$|[a-z0-9]Rule(?:s|Id|Ids)?$/

/** Whether the literal is (part of) the value or type of something named like a rule. */
function inRuleSlot(node: ts.Node): boolean {
  let child: ts.Node = node
  let parent = node.parent
  // Climb through what passes a literal on unchanged, up to what holds it.
  while (passesOn(parent, child)) {
    child = parent
    parent = parent.parent
  }
  const name = slotName(parent, child)
  return name !== undefined && ruleName.test(name)
}

function passesOn(parent: ts.Node, child: ts.Node): boolean {
  if (ts.isConditionalExpression(parent)) return child !== parent.condition
  if (ts.isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind
    return (
      operator === ts.SyntaxKind.QuestionQuestionToken ||
      operator === ts.SyntaxKind.BarBarToken ||
      operator === ts.SyntaxKind.AmpersandAmpersandToken
    )
  }
  return (
    ts.isParenthesizedExpression(parent) ||
    ts.isAsExpression(parent) ||
    ts.isSatisfiesExpression(parent) ||
    ts.isTypeAssertionExpression(parent) ||
    ts.isArrayLiteralExpression(parent) ||
    ts.isLiteralTypeNode(parent) ||
    ts.isUnionTypeNode(parent) ||
    ts.isParenthesizedTypeNode(parent) ||
    ts.isTypeOperatorNode(parent) ||
    ts.isArrayTypeNode(parent) ||
    ts.isTupleTypeNode(parent)
  )
}

/** The name of the property, variable, parameter or type that `child` is the value or type of. */
function slotName(parent: ts.Node, child: ts.Node): string | undefined {
  const named =
    (ts.isPropertyAssignment(parent) && parent.initializer === child) ||
    (ts.isVariableDeclaration(parent) && (parent.initializer === child || parent.type === child)) ||
    (ts.isParameter(parent) && (parent.initializer === child || parent.type === child)) ||
    (ts.isPropertyDeclaration(parent) && (parent.initializer === child || parent.type === child)) ||
    (ts.isPropertySignature(parent) && parent.type === child) ||
    (ts.isTypeAliasDeclaration(parent) && parent.type === child) ||
    (ts.isBindingElement(parent) && parent.initializer === child)
  if (!named) return undefined
  const { name } = parent as ts.Node & { name: ts.Node }
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined
}

/** The project's own compiler options (tsconfig.build.json), without emitting anything. */
function compilerOptions(projectRoot: string): ts.CompilerOptions {
  const path = join(projectRoot, 'tsconfig.build.json')
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
      }
    }
  )
  if (parsed === undefined) throw new Error(`cannot read ${path}`)
  return { ...parsed.options, noEmit: true }
}

/** A compiler host that also sees the `virtual` files, which are never written. */
function hostWith(virtual: ReadonlyMap<string, string>): ts.CompilerHost {
  const host = ts.createCompilerHost({}, true)
  const { fileExists, readFile, getSourceFile } = host
  return {
    ...host,
    fileExists: (path) => virtual.has(path) || fileExists.call(host, path),
    readFile: (path) => virtual.get(path) ?? readFile.call(host, path),
    getSourceFile: (path, language, onError, fresh) => {
      const text = virtual.get(path)
      return text === undefined
        ? getSourceFile.call(host, path, language, onError, fresh)
        : ts.createSourceFile(path, text, language, true)
    }
  }
}
