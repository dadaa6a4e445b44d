/**
 * The order of strings by UTF-16 code units, as `<` compares them: the same on every machine and
 * locale (unlike `localeCompare`), which is why paths, keys and digests are sorted by it wherever
 * an output must not depend on the order work finished in.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
