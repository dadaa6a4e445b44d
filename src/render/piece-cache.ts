/**
 * The pieces of a page rendered a piece at a time (`renderPagePieces`), kept for its next
 * rendering in the same process (issue 21). The report page renders every article of the site
 * through one partial; after a save that changes a figure, the dev server made all 4,000 pieces
 * again for the one that changed. A piece is kept by its item (an object that is the same from
 * build to build while what it shows is: a report entry, `report/build-report.ts`), with the
 * objects its view is also made of and its place in the list when the partial reads it; every
 * piece is forgotten when anything all of them depend on changes (`generation`).
 */

/** Kept pieces of one repeated partial. */
export class PieceCache {
  private generation: string | undefined
  private pieces = new WeakMap<object, { with: readonly unknown[]; html: string }>()

  /** Starts a rendering; a `generation` other than the last forgets every piece. */
  begin(generation: string): void {
    if (generation === this.generation) return
    this.generation = generation
    this.pieces = new WeakMap()
  }

  /** The piece of `item` kept with the very same `also` (compared one by one), if there is one. */
  get(item: object, also: readonly unknown[]): string | undefined {
    const kept = this.pieces.get(item)
    if (kept === undefined || kept.with.length !== also.length) return undefined
    return kept.with.every((value, index) => value === also[index]) ? kept.html : undefined
  }

  set(item: object, also: readonly unknown[], html: string): void {
    this.pieces.set(item, { with: also, html })
  }
}
