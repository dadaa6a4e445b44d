/**
 * Text from content made safe to print on a terminal (issue 15, item 7). Titles, check figures,
 * frontmatter keys and file names reach problem messages as written, and a terminal obeys any
 * control sequence in them: `ESC [2J` clears the screen, `ESC ]0;...` retitles the window, an
 * OSC 8 sequence hides a link behind harmless text, and a CI log viewer renders the same codes.
 * Each such character is shown as a visible `\xNN` escape instead, so the line still says what the
 * file holds.
 */

/**
 * C0 controls, DEL and C1 controls (which some terminals read as `ESC` plus a letter); a tab is
 * harmless and kept, and so are line breaks when `keepLineBreaks` is set.
 */
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g
// eslint-disable-next-line no-control-regex
const controlsButLineBreaks = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g

/** `text` with every terminal control character but tab written as `\xNN`. */
export function escapeControls(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  return text.replace(
    options.keepLineBreaks === true ? controlsButLineBreaks : controls,
    (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`
  )
}
