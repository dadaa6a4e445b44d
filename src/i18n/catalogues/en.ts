/**
 * English, the catalogue every other language is checked against (issue 19): each key names one
 * string of the reader's interface. `{name}` marks a value filled in when the page is built;
 * keys ending in `_one`/`_other` are the plural forms `Intl.PluralRules` picks between.
 */
export const en = {
  // The fact-check line at the top of a brief and its legend.
  fact_line_one: '{count} figure checked against our data',
  fact_line_other: '{count} figures checked against our data',
  fact_line_none: 'No figure in this story is checked against our data',
  legend_label: 'Marked figures:',
  // The fact-check panel.
  panel_title: 'Fact check',
  panel_show_one: 'Show the check',
  panel_show_other: 'Show all {count} checks',
  panel_unchecked_one: '{count} figure not checked',
  panel_unchecked_other: '{count} figures not checked',
  panel_unchecked_why:
    'No check binds these figures to our data: they are published as the reporter wrote them.',
  panel_statements: 'Statements checked',
  panel_source: 'Source:',
  panel_how: 'How this was computed',
  panel_expression: 'Expression',
  panel_result: 'Result',
  panel_note: 'Note',
  panel_all_checks: 'All fact checks',
  // Verdicts in readers' words (SPEC 6 statuses).
  verdict_verified: 'Matches our data',
  verdict_contradicted: 'Contradicted by our data',
  verdict_unchecked: 'Not checked',
  verdict_error: 'Could not be checked',
  // A figure mark's popover.
  mark_close: 'Close'
} as const
