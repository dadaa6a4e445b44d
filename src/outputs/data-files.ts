/** Copies of the data files the fact-check panels link to (SPEC 8), byte for byte. */
import type { Output } from './output.js'

/** Every data file under its own path in `data/`. */
export const dataFiles: Output = {
  name: 'data-files',
  render(context) {
    for (const file of context.dataFiles)
      context.add(
        { path: file.path, content: file.content },
        `the data file ${file.path}`,
        file.path
      )
  }
}
