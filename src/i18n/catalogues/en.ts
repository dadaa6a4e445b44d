/**
 * English, the catalogue every other language is checked against (issue 19): each key names one
 * string of the reader's interface. `{name}` marks a value filled in when the page is built;
 * keys ending in `_one`/`_other` are the plural forms `Intl.PluralRules` picks between. Words
 * around a link or a value a template prints (`brief_by`, `not_found_or`) are keys of their own:
 * templates use Handlebars' built-in helpers only, so they print strings, never fill them.
 */
export const en = {
  // Every page: the skip link, the header, the footer and the feed links.
  skip_link: 'Skip to the news',
  nav_label: 'Sections',
  nav_factcheck: 'Fact check',
  search_box_label: 'Search the news',
  search_box_hint: 'Search',
  search_box_button: 'Search',
  feed_rss: 'RSS',
  feed_atom: 'Atom',
  feed_json: 'JSON Feed',
  footer_follow: 'Follow:',
  footer_factcheck: 'How every figure was checked',
  // Listings: headings, page titles and paging.
  listing_home: 'Latest news',
  listing_tag: 'Tagged “{tag}”',
  listing_empty: 'No stories yet.',
  title_page: '{title} (page {page})',
  pagination_label: 'Pages',
  pagination_newer: '← Newer stories',
  pagination_older: 'Older stories →',
  pagination_where: 'Page {page} of {pages}',
  // A brief around its story.
  brief_by: 'By',
  brief_published: 'Published',
  brief_updated: 'Updated',
  photo_credit: 'Photo:',
  corrections_title: 'Corrections',
  sources_title: 'Sources',
  tags_title: 'Tags',
  // The page of an address that does not exist.
  not_found_title: 'Page not found',
  not_found_text:
    'There is no story at this address. It may have moved, or the link may be mistyped.',
  not_found_home: 'Go to the latest news',
  not_found_or: 'or see',
  not_found_factcheck: 'how every figure was checked',
  not_found_end: '.',
  // The search page.
  search_title: 'Search',
  search_field: 'Search the stories',
  search_needs_script: 'Search needs JavaScript. Every story is listed on the',
  search_front_page: 'front page',
  search_in_section: 'and in its section.',
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
  mark_close: 'Close',
  mark_unchecked: 'Not checked against data',
  // The site-wide report page, /factcheck/ (the lead's block: the panel's table shares it).
  report_title: 'Fact check',
  report_intro: 'Every figure in every published story, and what our data says about it.',
  report_description: 'Every figure published by {site}, checked against our data.',
  report_articles: 'Stories',
  report_figures: 'Figures',
  report_in_headline: 'in the headline',
  report_in_summary: 'in the summary',
  table_figure: 'Figure',
  table_verdict: 'Verdict',
  table_found: 'What our data says',
  ...explanations()
} as const

/**
 * The words of the plain-language sentences that explain a check (`checks/expression/explain.ts`):
 * `{what}` is the data described, `{range}` a span of dates worded by the `explain_from_to` family.
 */
function explanations() {
  return {
    explain_possessive: "{subject}'s {label}",
    explain_possessive_s: "{subject}' {label}",
    explain_of: '{label} of {whole}',
    explain_labelled: '{label}: {value}',
    explain_from_to: 'from {from} to {to}',
    explain_on: 'on {date}',
    explain_from: 'from {date}',
    explain_up_to: 'up to {date}',
    explain_for: 'for {key}',
    explain_all_dates: 'over all dates',
    explain_all_rows: 'over all rows',
    explain_percent: '{number}%',
    explain_and: ' and ',
    explain_rose: '{what} rose {amount} {range}',
    explain_fell: '{what} fell {amount} {range}',
    explain_unchanged: '{what} was unchanged {range}',
    explain_change: 'change in {what} {range}',
    explain_pct_change: '% change in {what} {range}',
    explain_count: 'count of {what} {range}',
    explain_min: 'the lowest of {what} {range}',
    explain_max: 'the highest of {what} {range}',
    explain_sum: 'the total of {what} {range}',
    explain_mean: 'the average of {what} {range}',
    explain_drawdown: 'drawdown of {what} from its peak {range}',
    explain_below_peak: '{what} was {percent} below its peak of {peak} {range}',
    explain_above_peak: '{what} was {percent} above its peak of {peak} {range}',
    explain_share: '{part} as a share of {whole}',
    explain_lowest_since: '{what} is the lowest since {date}',
    explain_not_lowest_since: '{what} is not the lowest since {date}',
    explain_highest_since: '{what} is the highest since {date}',
    explain_not_highest_since: '{what} is not the highest since {date}',
    explain_below: '{a} is below {b}',
    explain_not_below: '{a} is not below {b}',
    explain_at_most: '{a} is at most {b}',
    explain_not_at_most: '{a} is not at most {b}',
    explain_above: '{a} is above {b}',
    explain_not_above: '{a} is not above {b}',
    explain_at_least: '{a} is at least {b}',
    explain_not_at_least: '{a} is not at least {b}',
    explain_holds: 'holds',
    explain_does_not_hold: 'does not hold',
    explain_worked_out: 'Worked out from {files}: {value}',
    explain_comparison: 'The comparison with {files} {result}',
    explain_figures_given: 'the figures given',
    explain_chart_dots_one: 'A dot marks the value the check read: {dates}.',
    explain_chart_dots_other: 'Dots mark the values the check read: {dates}.',
    explain_chart_ranges: 'The check read every value {spans}, shaded.',
    explain_chart_band: 'The shaded band is what the figure “{figure}” allows.'
  } as const
}
