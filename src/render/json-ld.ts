/**
 * JSON that can sit inside `<script type="application/ld+json">` (SPEC 8, 9). A headline holding
 * `</script>` or `<!--` must not end or change the script element, so `<`, `>` and `&` are written
 * as JSON escapes; U+2028 and U+2029 too, which older JavaScript parsers took for line breaks.
 */

/** Characters that could end or reinterpret the script element. */
const unsafeInScript = /[<>&\u2028\u2029]/g

/** `value` as JSON with every script-unsafe character escaped as `\uXXXX`. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    unsafeInScript,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}
