/**
 * Where an image written in an article lives (issue 18): a path relative to the article's file,
 * or site-absolute (`/x.jpg`), which means `public/x.jpg`. Remote `http(s)://` images are kept as
 * written; anything else (a `data:` URL, a fragment) is left to the sanitizer, which drops what is
 * unsafe. A path that climbs out of the site, or out of `public/`, is refused (SPEC 9).
 */
import { posix } from 'node:path'

/** What an image's `src` names. */
export type ImageSource =
  { kind: 'local'; path: string } | { kind: 'remote' } | { kind: 'outside' } | { kind: 'other' }

/** Where the site's files served as they are live; `/x.jpg` in an article is `public/x.jpg`. */
export const publicFolder = 'public'

/** What `url`, written in the article at site-relative `articlePath`, names. */
export function imageSource(articlePath: string, url: string): ImageSource {
  const written = url.trim()
  if (/^https?:\/\//i.test(written)) return { kind: 'remote' }
  if (written === '' || written.startsWith('//') || written.startsWith('#'))
    return { kind: 'other' }
  if (/^[a-z][a-z0-9+.-]*:/i.test(written)) return { kind: 'other' }
  const decoded = decodedPath(written.replace(/[?#].*$/s, ''))
  // eslint-disable-next-line no-control-regex
  if (decoded === undefined || /[\\\u0000-\u001f\u007f]/.test(decoded)) return { kind: 'outside' }
  if (decoded.startsWith('/')) {
    const path = posix.normalize(`${publicFolder}${decoded}`)
    return path.startsWith(`${publicFolder}/`) && !path.endsWith('/')
      ? { kind: 'local', path }
      : { kind: 'outside' }
  }
  const path = posix.normalize(posix.join(posix.dirname(articlePath), decoded))
  if (path === '..' || path.startsWith('../') || path.startsWith('/') || path.endsWith('/'))
    return { kind: 'outside' }
  return { kind: 'local', path }
}

/** `path` with its percent-escapes decoded; undefined when one is malformed. */
function decodedPath(path: string): string | undefined {
  try {
    return decodeURIComponent(path)
  } catch {
    return undefined
  }
}
