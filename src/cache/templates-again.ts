/**
 * The templates of a session's build (issue 21): those the last build loaded, when no file under
 * `templates/` changed since. Loading reads and hashes every template file of the site and of
 * the defaults before each rebuild; a save to an article changes none of them.
 */
import { type BuildSession, changesSince } from './build-session.js'
import { loadTemplates } from '../render/templates.js'

/** `loadTemplates(root)`, or the session's last load when no template file changed since. */
export async function loadTemplatesAgain(
  root: string,
  session: BuildSession | undefined
): ReturnType<typeof loadTemplates> {
  if (session === undefined) return loadTemplates(root)
  const changed = changesSince(session, 'templates')
  const last = session.templates
  const touched =
    changed === undefined ||
    [...changed].some((path) => path === 'templates' || path.startsWith('templates/'))
  if (last !== undefined && !touched) return last
  const loaded = await loadTemplates(root)
  session.templates = loaded
  return loaded
}
