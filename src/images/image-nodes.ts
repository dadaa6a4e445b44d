/**
 * The images of a Markdown tree: `![alt](src "title")` and `![alt][ref]` with its definition, in
 * document order. Walked without recursion, as every stage before the nesting guard must be.
 */
import type { Definition, Image, ImageReference, Root, RootContent } from 'mdast'

/** One image as written, with its source resolved through a definition when it is a reference. */
export interface ImageNode {
  node: Image | ImageReference
  url: string
  alt: string
  title: string | null
}

/** Every image of `tree` whose source is known, in document order. */
export function imageNodesOf(tree: Root): ImageNode[] {
  const images: (Image | ImageReference)[] = []
  const definitions = new Map<string, Definition>()
  const stack: (Root | RootContent)[] = [tree]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'image' || node.type === 'imageReference') images.push(node)
    // The first definition of a label wins (CommonMark).
    else if (node.type === 'definition' && !definitions.has(node.identifier))
      definitions.set(node.identifier, node)
    if ('children' in node)
      for (let i = node.children.length - 1; i >= 0; i--)
        stack.push(node.children[i] as RootContent)
  }
  return images.flatMap((node): ImageNode[] => {
    if (node.type === 'image')
      return [{ node, url: node.url, alt: node.alt ?? '', title: node.title ?? null }]
    const definition = definitions.get(node.identifier)
    return definition
      ? [{ node, url: definition.url, alt: node.alt ?? '', title: definition.title ?? null }]
      : []
  })
}
