/**
 * Where the build gathers the briefs for the search index (issue 19): stage 2 writes most briefs
 * to the output as soon as they exist, so they are caught on their way there; those still in
 * memory afterwards (a build that writes nothing: the dev server) are taken from the map.
 */
import type { RenderedBrief } from '../outputs/output.js'
import { outputFileOf } from '../render/urls.js'
import type { BriefSink } from '../stages/settle-briefs.js'
import type { OutputFile, Settings } from '../types.js'
import { SearchPages, searchFiles } from './search-index.js'

/** The briefs of one build, gathered for its search index. */
export class BriefSearch {
  private readonly pages = new SearchPages()

  /**
   * `sink`, keeping each brief it is given. An unchanged brief is not staged by digest (`keep`
   * says no): the index needs its text, which the cache then reads back from its pack.
   */
  through(sink: BriefSink): BriefSink {
    return {
      put: (file) => {
        this.pages.add(file.path, file.content)
        sink.put(file)
      },
      keep: () => false
    }
  }

  /** The index of every brief, made once stage 2 is done: see `searchFiles`. */
  async files(
    briefs: ReadonlyMap<string, RenderedBrief>,
    settings: Pick<Settings, 'base' | 'language'>
  ): Promise<OutputFile[]> {
    for (const brief of briefs.values())
      if ('bytes' in brief) this.pages.add(outputFileOf(brief.sitePath), brief.bytes)
    return searchFiles(this.pages, settings)
  }
}
