/**
 * The market indexes SPEC 5.5 never reads as figures, on every site, whatever its `not_figures`
 * says: `S&P 500` names an index, it does not count five hundred of anything. Matched as the
 * site's `not_figures` phrases are (case-sensitively, whitespace runs alike, never inside a word).
 */
export const marketIndexes: readonly string[] = [
  'S&P 500',
  "Standard & Poor's 500",
  'Standard & Poor’s 500',
  'Nasdaq 100',
  'Dow 30',
  'Russell 2000',
  'FTSE 100',
  'FTSE 250',
  'DAX 40',
  'CAC 40',
  'Euro Stoxx 50',
  'Stoxx 600',
  'Nikkei 225',
  'ASX 200',
  'Sensex 30',
  'Nifty 50',
  'KOSPI 200'
]
