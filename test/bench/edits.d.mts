/** Types of `edits.mjs`, for the tests (the benchmark itself runs as plain Node ESM). */

/** Copies the project's `templates/` into the corpus. */
export declare function copyTemplates(corpus: string): Promise<void>

/** Appends a sentence to one article's body as a new paragraph. */
export declare function editArticle(articleFile: string, run: number): Promise<void>

/** Raises the close of the newest row of `data/markets/aaa.csv` by one cent. */
export declare function editData(corpus: string): Promise<void>

/** Edits the footer partial, or the stylesheet without one; returns the file edited. */
export declare function editTemplate(corpus: string, run: number): Promise<string>
