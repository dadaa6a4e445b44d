/**
 * ISO calendar dates `YYYY-MM-DD`, the keys of dated tables and the date arguments of checks
 * (SPEC 6). Kept as strings throughout: ISO dates sort and compare correctly as text, and no time
 * zone can shift a day.
 */

const isoDateShape = /^(\d{4})-(\d{2})-(\d{2})$/

/** True when `text` has the shape `YYYY-MM-DD`, whether or not the day exists. */
export function looksLikeIsoDate(text: string): boolean {
  return isoDateShape.test(text)
}

/** True when `text` is `YYYY-MM-DD` and names a day that exists (`2024-02-29` yes, `2025-02-30` no). */
export function isIsoDate(text: string): boolean {
  const match = isoDateShape.exec(text)
  if (match === null) return false
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** The ISO date of the day before a real ISO date. */
export function previousIsoDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  if (day > 1) return formatIsoDate(year, month, day - 1)
  if (month > 1) return formatIsoDate(year, month - 1, daysInMonth(year, month - 1))
  return formatIsoDate(year - 1, 12, 31)
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
