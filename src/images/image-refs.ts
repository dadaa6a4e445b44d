/**
 * The local image files an article's body shows, found when the article is loaded (stage 1): they
 * depend on its bytes alone, so the build cache keeps them with the load, and a warm build knows
 * which images key an unchanged article without parsing it again.
 */
import { parseMarkdown } from '../markdown/parse-markdown.js'
import { imageNodesOf } from './image-nodes.js'
import { imageSource } from './image-source.js'

/** Site-relative paths of the local images in `markdown`, the body of `articlePath`, sorted. */
export function localImagesOf(markdown: string, articlePath: string): string[] {
  // Every Markdown image starts with `![`: most articles are never parsed here.
  if (!markdown.includes('![')) return []
  let tree: ReturnType<typeof parseMarkdown>
  try {
    tree = parseMarkdown(markdown)
  } catch {
    // A body too deep to parse is reported by the article processor; it shows no image.
    return []
  }
  const paths = new Set<string>()
  for (const image of imageNodesOf(tree)) {
    const source = imageSource(articlePath, image.url)
    if (source.kind === 'local') paths.add(source.path)
  }
  return [...paths].sort()
}
