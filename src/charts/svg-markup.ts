/**
 * The markup of one SVG element, for the checks' charts (issue 19). Charts are a handful of
 * elements whose attributes the chart code writes (numbers, class names, d3-shape's paths) and
 * two texts from the data dictionary, so a direct writer with escaping is all they need: a
 * general HTML serializer costs more per chart than drawing it, and the bench counts every chart.
 */

/** `<name a="1">content</name>`; attribute values and `text` are escaped, `children` is markup. */
export function svgElement(
  name: string,
  attributes: Readonly<Record<string, string | number>>,
  content: { text: string } | { children: readonly string[] } = { children: [] }
): string {
  let open = `<${name}`
  for (const [key, value] of Object.entries(attributes))
    open += ` ${key}="${escape(String(value))}"`
  const inner = 'text' in content ? escape(content.text) : content.children.join('')
  return `${open}>${inner}</${name}>`
}

const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;'
}

// Escapes the characters that could end a text or an attribute value early, or start markup.
function escape(text: string): string {
  return text.replace(/[&<>"]/g, (character) => entities[character] ?? character)
}
