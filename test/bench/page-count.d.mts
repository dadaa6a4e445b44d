/** Types of `page-count.mjs`, for the tests (the benchmark itself runs as plain Node ESM). */

/** What the page count of a corpus depends on. */
export interface CorpusShape {
  articles: number
  /** Stories per listing: home, then each section, then each tag. */
  listingSizes: number[]
  dataFiles: number
  pageSize: number
}

/** HTML pages and all files. */
export interface FileCount {
  html: number
  total: number
}

/** Reads sections, tags, data paths and `page_size` from a site folder. */
export declare function readCorpusShape(root: string): Promise<CorpusShape>

/** The files a builder must write for a corpus. */
export declare function expectedFiles(
  builder: 'ours' | 'eleventy' | 'hugo',
  shape: CorpusShape
): FileCount

/** The files under `dir`; zero for a folder that does not exist. */
export declare function countOutput(dir: string): Promise<FileCount>

/** The frontmatter of a Markdown file as data; empty when there is none. */
export declare function readFrontmatter(markdown: string): Record<string, unknown>

/** Every article file of a site, sorted by path. */
export declare function listArticles(root: string): Promise<string[]>
