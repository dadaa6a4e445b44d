/**
 * What `factdesk preview` serves: a folder a factdesk build made (SPEC 8). Anything else is
 * refused before a port is opened, with what to do, since serving an empty or foreign folder
 * would show an editor 404s or someone else's files and call it a preview.
 */
import { realpathSync, statSync } from 'node:fs'
import { markerName, readOutputMarker } from '../output/output-marker.js'
import { RefusedInput } from '../output/output-target.js'

/** The real path of the built site at `out`; throws `RefusedInput` when it is not one. */
export function builtFolder(out: string): string {
  const stats = statSync(out, { throwIfNoEntry: false })
  if (stats === undefined)
    throw new RefusedInput(`there is no built site at ${out}: run factdesk build first`)
  if (!stats.isDirectory())
    throw new RefusedInput(
      `${out} is a file, not a built site: run factdesk build first, or give the built folder with --out`
    )
  // The marker is what every factdesk build leaves; without it the folder is not a build.
  if (readOutputMarker(out) === undefined)
    throw new RefusedInput(
      `${out} is not a factdesk build (it has no ${markerName}): run factdesk build first, or give the built folder with --out`
    )
  return realpathSync(out)
}
