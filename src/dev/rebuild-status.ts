/**
 * The "Rebuilding…" state of open pages (issue 18, item 3). Each served page carries one status
 * region: inside the problem overlay when the page has one, else a small badge in the window's
 * corner that takes no room while it is empty. The live-reload client fills it when the server
 * says a rebuild has started, and the page reloads when the rebuild is done. It is a
 * `role="status"` live region from the first paint, so screen readers announce the change
 * politely; a region added only when the text appears is often not announced at all.
 */

/** Id of the status region; the client finds it by id. */
export const statusId = 'factdesk-status'

/** What the region says while a rebuild runs. */
export const rebuildingText = 'Rebuilding…'

/** The region as a line of the overlay, styled by the overlay's own stylesheet. */
export function overlayStatus(): string {
  return `<p id="${statusId}" class="fd-status" role="status" aria-live="polite"></p>`
}

/** The region as a corner badge, for a page without the overlay. */
export function badgeStatus(): string {
  return `${badgeStyleSheet()}<div id="${statusId}" class="fd-status-badge" role="status" aria-live="polite"></div>`
}

/** The badge's stylesheet alone: pages with the overlay need it once the overlay is closed. */
export function badgeStyleSheet(): string {
  return `<style>${badgeStyle}</style>`
}

/** The badge's class, for the client to make one when the overlay that held it was closed. */
export const badgeClass = 'fd-status-badge'

/** Scoped by id and set in full, so a site's own stylesheet cannot restyle or hide it. */
const badgeStyle = [
  `#${statusId}.${badgeClass}{position:fixed;top:.75rem;right:.75rem;z-index:2147483647;margin:0;`,
  'padding:.4rem .8rem;border-radius:999px;background:#1d1d1f;color:#f5f5f7;',
  'font:600 14px/1.3 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3)}',
  // Empty, it keeps its place in the accessibility tree but has no size on screen.
  `#${statusId}.${badgeClass}:empty{padding:0;box-shadow:none}`
].join('')
