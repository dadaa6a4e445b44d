/**
 * Content types of the files a factdesk site is made of (SPEC 8): pages, the stylesheet, feeds,
 * the report, the data copies, and what `public/` holds (photos, icons, fonts, downloads, media).
 * The set is small, so a table says it more plainly than a MIME database; anything else is
 * served as bytes, which a browser downloads rather than runs.
 * Feeds get the generic XML and JSON types, as GitHub Pages and most static hosts serve them, so
 * that what an editor sees in the dev server is what readers get.
 */

const types: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  yaml: 'text/yaml; charset=utf-8',
  yml: 'text/yaml; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  bmp: 'image/bmp',
  apng: 'image/apng',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  webmanifest: 'application/manifest+json',
  map: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  vtt: 'text/vtt; charset=utf-8'
}

/** The `Content-Type` header for the output file at `path` (`/`-separated, relative). */
export function contentTypeOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  const extension = dot === -1 ? '' : name.slice(dot + 1).toLowerCase()
  return types[extension] ?? 'application/octet-stream'
}

/** Whether the file at `path` is an HTML page, the only kind the dev server injects into. */
export function isHtmlPath(path: string): boolean {
  return path.toLowerCase().endsWith('.html')
}
