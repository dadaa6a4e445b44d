/**
 * The syntax tree of a check expression (SPEC 6, "Expressions"). Every node keeps its source
 * offsets, so that errors can give a column and explanations can quote what the editor wrote.
 */

/** Offsets of a node in the expression source: `start` inclusive, `end` exclusive, 0-based. */
export interface Span {
  start: number
  end: number
}

/** Binary operators, loosest first: `or`, `and`, comparisons, `+ -`, `* /`. */
export type BinaryOperator =
  'or' | 'and' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '+' | '-' | '*' | '/'

/** A node of a parsed expression. */
export type Expression =
  | (Span & { type: 'number'; value: number })
  | (Span & { type: 'string'; value: string })
  | (Span & { type: 'boolean'; value: boolean })
  | (Span & { type: 'identifier'; name: string })
  /** `object.name`: a column of a table or a key of a record. */
  | (Span & { type: 'member'; object: Expression; name: string })
  /** `object[key]`: a value of a series, or a column or key given as a string. */
  | (Span & { type: 'index'; object: Expression; key: Expression })
  | (Span & { type: 'call'; callee: Expression; args: Expression[] })
  | (Span & { type: 'unary'; operator: '-' | 'not'; operand: Expression })
  | (Span & { type: 'binary'; operator: BinaryOperator; left: Expression; right: Expression })

/**
 * Depth of the tree, counted without recursion: operator chains like `1+1+...` nest as deep as
 * they are long, and the parser must measure them before anything recurses over them.
 */
export function depthOf(root: Expression): number {
  let deepest = 0
  const stack: [Expression, number][] = [[root, 1]]
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [node, depth] = item
    deepest = Math.max(deepest, depth)
    for (const child of childrenOf(node)) stack.push([child, depth + 1])
  }
  return deepest
}

function childrenOf(node: Expression): Expression[] {
  switch (node.type) {
    case 'member':
      return [node.object]
    case 'index':
      return [node.object, node.key]
    case 'call':
      return [node.callee, ...node.args]
    case 'unary':
      return [node.operand]
    case 'binary':
      return [node.left, node.right]
    default:
      return []
  }
}
