/**
 * The distinct strings of many small lists, sorted: how the article stages gather the data files
 * a site's articles read.
 */

/** The distinct strings `of` gives the items, sorted (a loop: `flatMap` is slow on large sites). */
export function distinctSorted<T>(
  items: readonly T[],
  of: (item: T) => Readonly<Record<string, string>> | readonly string[]
): string[] {
  const found = new Set<string>()
  for (const item of items) {
    const values = of(item)
    // A list is read as it is; `Object.values` would copy each of a large site's lists.
    for (const value of Array.isArray(values) ? values : Object.values(values)) found.add(value)
  }
  return [...found].sort()
}
