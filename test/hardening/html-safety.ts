/**
 * What "nothing runs" means for a page, checked on the tree a browser would build from it (SPEC 9):
 * no script but JSON-LD data, no event-handler attribute, no `javascript:`/`data:`/`vbscript:`
 * URL, no element that embeds another document or rewrites where links go, no inline style.
 */
import { fromHtml } from 'hast-util-from-html'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'
import type { Element, Root } from 'hast'

/** Elements that load or run other content, or change how the page's links resolve. */
const forbiddenElements = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'style',
  'portal'
])

/** Properties (hast names) whose value is a URL a browser may load or navigate to. */
const urlProperties = new Set([
  'href',
  'src',
  'action',
  'formAction',
  'xLinkHref',
  'poster',
  'cite',
  'background',
  'data',
  'srcSet',
  'ping',
  'manifest',
  'codeBase',
  'longDesc'
])

/** A parsed page, as a browser would parse it (`fragment` for HTML carried inside feeds). */
export function parsePage(html: string, options: { fragment?: boolean } = {}): Root {
  return fromHtml(html, { fragment: options.fragment === true })
}

/**
 * Every part of `tree` that could run code or load something unsafe, described for a test
 * message; empty when the page is safe. JSON-LD scripts are allowed only when they parse.
 */
export function unsafeParts(tree: Root): string[] {
  const found: string[] = []
  visit(tree, 'element', (element: Element) => {
    const name = element.tagName.toLowerCase()
    if (name === 'script') {
      if (!isJsonLd(element) && !isMarksScript(element))
        found.push(`<script> that is not JSON-LD data: ${toString(element).slice(0, 80)}`)
    }
    if (forbiddenElements.has(name)) found.push(`<${name}> element`)
    if (name === 'meta' && element.properties.httpEquiv !== undefined)
      found.push('<meta http-equiv> element')
    for (const [property, value] of Object.entries(element.properties)) {
      if (/^on/i.test(property)) found.push(`<${name} ${property}> event handler`)
      if (property === 'style') found.push(`<${name} style> inline style`)
      if (urlProperties.has(property) && isScriptUrl(value))
        found.push(`<${name} ${property}="${String(value)}">`)
    }
  })
  return found
}

/**
 * factdesk's own figure-marks script (issue 19): a file of the site under its hashed name, with
 * nothing inline that content could have put there.
 */
function isMarksScript(element: Element): boolean {
  const src = element.properties.src
  return (
    typeof src === 'string' &&
    /^\/(?:[\w-]+\/)*assets\/figure-marks\.[0-9a-f]{10}\.js$/.test(src) &&
    element.children.length === 0
  )
}

/** The JSON-LD scripts of a page, parsed; throws (failing the test) when one does not parse. */
export function jsonLdOf(tree: Root): unknown[] {
  const data: unknown[] = []
  visit(tree, 'element', (element: Element) => {
    if (element.tagName === 'script' && element.properties.src === undefined)
      data.push(JSON.parse(toString(element)))
  })
  return data
}

/** The text of the first element matching `tagName` and, when given, a class. */
export function textOfFirst(tree: Root, tagName: string, className?: string): string | undefined {
  let text: string | undefined
  visit(tree, 'element', (element: Element) => {
    if (text !== undefined || element.tagName !== tagName) return
    const classes = element.properties.className
    if (className !== undefined && !(Array.isArray(classes) && classes.includes(className))) return
    text = toString(element)
  })
  return text
}

/** The text of a tree as a reader sees it, markup dropped. */
export function plainText(tree: Root): string {
  return toString(tree)
}

/** Whether a fragment holds any element at all: plain text fields must hold none. */
export function hasElements(tree: Root): boolean {
  let found = false
  visit(tree, 'element', () => {
    found = true
  })
  return found
}

function isJsonLd(element: Element): boolean {
  if (String(element.properties.type ?? '').toLowerCase() !== 'application/ld+json') return false
  try {
    JSON.parse(toString(element))
    return true
  } catch {
    return false
  }
}

/**
 * Browsers drop ASCII whitespace and control characters from a URL before reading its scheme,
 * and scheme names are case-insensitive: ` JaVa\tscript:` is `javascript:`.
 */
function isScriptUrl(value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value]
  return values.some((entry) => {
    if (typeof entry !== 'string') return false
    // eslint-disable-next-line no-control-regex
    const scheme = entry.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase()
    return (
      scheme.startsWith('javascript:') ||
      scheme.startsWith('data:') ||
      scheme.startsWith('vbscript:')
    )
  })
}
