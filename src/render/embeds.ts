/**
 * Embeds (issue 18): the iframes of an article's raw HTML that the page keeps. A newsroom lists
 * the hosts it trusts under `embeds:` in `data/site.yaml` (Datawrapper, Flourish, YouTube...);
 * an iframe whose `https` address is on one of them is rebuilt from a few attributes, sandboxed
 * and lazy-loaded, and every other iframe is dropped with an `embed-dropped` warning at its
 * place, never silently (SPEC 9: raw HTML is input, never code).
 *
 * Runs on the body's hast after raw HTML is parsed and before it is sanitized; the sanitize
 * schema (`sanitize-schema.ts`) then admits exactly the iframe this module makes.
 */
import type { Element, Root } from 'hast'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { report } from '../article/article-file.js'

declare module 'vfile' {
  interface DataMap {
    /** Between plugins only: the hosts of `embeds:` whose iframes the body keeps. */
    embedHosts: readonly string[]
  }
}

/**
 * The `sandbox` of every kept iframe. A chart or a video player needs its scripts
 * (`allow-scripts`) and its own origin's storage and requests (`allow-same-origin`; harmless
 * together with scripts only because the frame's origin is never the site's, which the settings
 * refuse); its "open in a new tab" links need `allow-popups`, and casting a video needs
 * `allow-presentation`. Left out on purpose: navigating the reader's page (`allow-top-navigation`),
 * forms, modal dialogs and downloads.
 */
export const embedSandbox: readonly string[] = [
  'allow-scripts',
  'allow-same-origin',
  'allow-popups',
  'allow-presentation'
]

/** The rehype plugin: keeps the iframes of listed hosts, rebuilt; drops the others with a warning. */
export function keepEmbeds() {
  return (tree: Root, file: VFile): void => {
    const hosts = new Set(file.data.embedHosts ?? [])
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'iframe' || parent === undefined || index === undefined) return
      const address = embedAddress(node, hosts)
      if (typeof address !== 'string') {
        parent.children.splice(index, 1)
        const start = node.position?.start
        report(
          file,
          'embed-dropped',
          address.dropped,
          { line: start?.line ?? 1, column: start?.column ?? 1 },
          'warning'
        )
        return index
      }
      parent.children[index] = keptEmbed(node, address)
      return SKIP
    })
  }
}

/** The address an iframe is kept with, or why it is dropped (a warning's message). */
function embedAddress(node: Element, hosts: ReadonlySet<string>): string | { dropped: string } {
  const { src } = node.properties
  if (typeof src !== 'string' || src.trim() === '')
    return {
      dropped:
        'an iframe without a src address was dropped (srcdoc is never kept); embed the page by its https address, from a host listed under embeds: in data/site.yaml'
    }
  // Embed codes still written `//www.youtube.com/embed/...` mean the page's own scheme, which
  // for a published site is https.
  const written = src.trim()
  const absolute = written.startsWith('//') ? `https:${written}` : written
  if (!URL.canParse(absolute))
    return {
      dropped: `an iframe with src ${JSON.stringify(clipped(written))} was dropped: only an absolute https address can be embedded; use the address the embed code gives`
    }
  const url = new URL(absolute)
  if (url.protocol !== 'https:')
    return {
      dropped: `an iframe with a ${url.protocol} address was dropped: only https addresses can be embedded; ${url.protocol === 'http:' ? 'write its address with https://' : 'remove it, or embed the page by its https address'}`
    }
  if (url.username !== '' || url.password !== '')
    return {
      dropped: `an iframe from ${url.hostname} was dropped: its address carries a user name or password; embed the public address instead`
    }
  if (!hosts.has(url.hostname))
    return {
      dropped: `an iframe from ${url.hostname} was dropped: that host is not listed under embeds: in data/site.yaml; add "${url.hostname}" there to keep it (sandboxed and lazy-loaded)`
    }
  return url.href
}

/**
 * The iframe as it is published: its address, `title` (what a screen reader announces), `width`
 * and `height` when they are plain numbers, full screen when it asked for it (by
 * `allowfullscreen` or `allow="fullscreen"`: a video player's button, granted only on a click),
 * and the sandbox; nothing else of what was written (no event handler, `srcdoc`, `name`,
 * `style`, or `allow` list delegating the camera, microphone or autoplay).
 */
function keptEmbed(node: Element, src: string): Element {
  const { title, width, height, allowFullScreen, allow } = node.properties
  const fullScreen =
    allowFullScreen === true ||
    (typeof allow === 'string' && allow.split(';').some((rule) => isFullscreen(rule)))
  return {
    type: 'element',
    tagName: 'iframe',
    properties: {
      src,
      ...(typeof title === 'string' ? { title } : {}),
      ...dimension('width', width),
      ...dimension('height', height),
      ...(fullScreen ? { allowFullScreen: true } : {}),
      loading: 'lazy',
      sandbox: [...embedSandbox]
    },
    children: [],
    ...(node.position ? { position: node.position } : {})
  }
}

/** `allow` directive `fullscreen` (with or without an origin list). */
function isFullscreen(rule: string): boolean {
  return rule.trim().split(/\s+/)[0]?.toLowerCase() === 'fullscreen'
}

/** A `width` or `height` kept only as a non-negative integer, the only form HTML allows. */
function dimension(name: 'width' | 'height', value: unknown): Record<string, number> {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0
    ? { [name]: number }
    : {}
}

/** A written address cut short for a message: a `data:` URL can be megabytes long. */
function clipped(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}
