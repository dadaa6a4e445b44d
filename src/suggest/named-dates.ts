/**
 * The dates a sentence names (issue 20): "since June", "in October", "its August peak", "on
 * Monday", "3 November", "so far this year". A suggested check that reads the dates the sentence
 * names is more likely what the reporter meant than one over a window the sentence never speaks
 * of, so these dates both add candidates and rank them. Every date is resolved against the
 * article's own date: a month without a year is the latest such month not after it.
 */
import { DateTime } from 'luxon'

/** A span of days, both ends inclusive, as ISO dates. */
export interface DateSpan {
  from: string
  to: string
}

/** What a sentence says about time, resolved to ISO dates. */
export interface NamedDates {
  /** Single days: "3 November", "on Monday", "yesterday", `2025-11-03`. */
  days: string[]
  /** Whole periods: "in August" is 1 to 31 August. */
  spans: DateSpan[]
  /** Starts of a period running to the article's date: "since June" is 1 June. */
  since: string[]
}

const months = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december'
]
const monthAbbreviations = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec'
]
const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']

const monthWord =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?!\\p{L})\\.?'
// "3 November", "November 3", "Nov. 3rd"; a bare month is a span.
const dayMonth = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${monthWord}\\b`, 'giu')
const monthDay = new RegExp(
  `\\b${monthWord}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?![\\d,]*\\d{3})`,
  'giu'
)
const bareMonth = new RegExp(`\\b${monthWord}(?!\\s+\\d)`, 'giu')
const sinceMonth = new RegExp(
  `\\b(?:since|from|as of|starting)\\s+(?:the\\s+)?(?:(early|mid|late|start of|beginning of|end of|middle of)[-\\s]+)?(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?${monthWord}`,
  'giu'
)
const isoDate = /\b(\d{4}-\d{2}-\d{2})\b/gu
const weekday =
  /\b(?:on|last|this|since)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/giu
const yearToDate =
  /\b(?:so far this year|this year|year[-\s]to[-\s]date|since the (?:start|beginning) of the year|since january)\b/iu

const mayNameDates = new RegExp(
  `${monthWord}|\\d{4}-\\d{2}-\\d{2}|day\\b|yesterday|this year|year[-\\s]to|since the`,
  'iu'
)

/** The dates `sentence` names, as of the article's date `today` (an ISO date). */
export function namedDates(sentence: string, today: string): NamedDates {
  const found: NamedDates = { days: [], spans: [], since: [] }
  // Most sentences name no date at all: they are told so without a calendar.
  if (!mayNameDates.test(sentence)) return found
  const now = DateTime.fromISO(today, { zone: 'utc' })
  if (!now.isValid) return found
  const day = (date: DateTime): string => date.toISODate() ?? today
  // A date already read as part of a "since" is not also a day, nor a month in a day a whole month.
  const taken: [number, number][] = []
  const take = (match: RegExpMatchArray): void => {
    taken.push([match.index ?? 0, (match.index ?? 0) + match[0].length])
  }

  for (const match of sentence.matchAll(sinceMonth)) {
    const month = monthIndex(match[3])
    if (month === undefined) continue
    const start = latestMonth(now, month)
    const date = match[2] !== undefined ? Number(match[2]) : dayOfPart(match[1], start)
    if (date >= 1 && date <= (start.daysInMonth ?? 31))
      found.since.push(day(start.set({ day: date })))
    take(match)
  }
  const isTaken = (match: RegExpMatchArray): boolean => {
    const at = match.index ?? 0
    return taken.some(([start, end]) => at >= start && at < end)
  }
  for (const match of sentence.matchAll(dayMonth)) {
    if (isTaken(match)) continue
    addDay(found, now, monthIndex(match[2]), Number(match[1]))
    take(match)
  }
  for (const match of sentence.matchAll(monthDay)) {
    if (isTaken(match)) continue
    addDay(found, now, monthIndex(match[1]), Number(match[2]))
    take(match)
  }
  for (const match of sentence.matchAll(bareMonth)) {
    if (isTaken(match)) continue
    const month = monthIndex(match[1])
    // "may" is a verb far more often than a month.
    if (month === undefined || match[0] === 'may') continue
    const start = latestMonth(now, month)
    const end = start.endOf('month') < now ? start.endOf('month') : now
    found.spans.push({ from: day(start), to: day(end) })
  }
  for (const match of sentence.matchAll(isoDate)) {
    const date = DateTime.fromISO(match[1] ?? '', { zone: 'utc' })
    if (date.isValid && date <= now) found.days.push(day(date))
  }
  for (const match of sentence.matchAll(weekday)) {
    const index = weekdays.indexOf((match[1] ?? '').toLowerCase())
    // The latest such weekday up to the article's date: Monday's report "on Monday" is today.
    const back = (now.weekday - 1 - index + 7) % 7
    found.days.push(day(now.minus({ days: back })))
  }
  if (/\byesterday\b/iu.test(sentence)) found.days.push(day(now.minus({ days: 1 })))
  if (yearToDate.test(sentence)) found.since.push(day(now.startOf('year')))
  return {
    days: [...new Set(found.days)],
    spans: uniqueSpans(found.spans),
    since: [...new Set(found.since)]
  }
}

/** The day "early", "mid", "late" or "the end of" a month means; its first day otherwise. */
function dayOfPart(part: string | undefined, month: DateTime): number {
  const word = part?.toLowerCase() ?? ''
  if (word === 'mid' || word === 'middle of') return 15
  if (word === 'late') return 21
  return word === 'end of' ? (month.daysInMonth ?? 31) : 1
}

function addDay(found: NamedDates, now: DateTime, month: number | undefined, date: number): void {
  if (month === undefined) return
  const start = latestMonth(now, month)
  if (date < 1 || date > (start.daysInMonth ?? 31)) return
  const day = start.set({ day: date })
  if (day <= now) found.days.push(day.toISODate() ?? '')
}

/** The first day of the latest month `month` (0-based) that starts on or before `now`. */
function latestMonth(now: DateTime, month: number): DateTime {
  const start = now.startOf('year').set({ month: month + 1 })
  return start > now ? start.minus({ years: 1 }) : start
}

function monthIndex(word: string | undefined): number | undefined {
  if (word === undefined) return undefined
  const lower = word.toLowerCase().replace(/\.$/u, '')
  const full = months.indexOf(lower)
  if (full >= 0) return full
  const short = monthAbbreviations.indexOf(lower === 'sept' ? 'sep' : lower)
  return short >= 0 ? short : undefined
}

function uniqueSpans(spans: DateSpan[]): DateSpan[] {
  const seen = new Set<string>()
  return spans.filter((span) => {
    const key = `${span.from}/${span.to}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
