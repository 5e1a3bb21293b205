// Timeline dates written only as precisely as they are known: "2011" is not "1 January 2011", a
// month-precision event has no day, and a part of a year reads "أواخر 2011". Gregorian first, with an
// optional Hijri (Umm al-Qura) twin. Pure functions: the view, the store and the tests share them.
import type { Locale } from '@contract'
import { daysInGregorianMonth, gregorianToHijri } from '../../src-main/core/timeline/hijri'
import { GREGORIAN_MONTHS, HIJRI_ERA, HIJRI_MONTHS, LEVANTINE_MONTHS, partOf } from '../../src-main/core/timeline/export/date-words'

export type TimelinePrecision = 'day' | 'month' | 'year' | 'part'
export type TimelinePart = 'early' | 'mid' | 'late' | 'q1' | 'q2' | 'q3' | 'q4'

/** The date fields every timeline event has (see the timeline contract). */
export interface DatedLike {
  /** 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD' (Gregorian); '' when it could not be resolved. */
  date: string
  precision: TimelinePrecision
  part?: TimelinePart | null
}

/** Both names of each month, Levantine/Iraqi first and Egyptian/Gulf second: "تموز/يوليو". */
const ARABIC_MONTHS = LEVANTINE_MONTHS.map((levantine, i) => `${levantine}/${GREGORIAN_MONTHS.ar[i]}`)

/** The parts that apply to a month ("أواخر كانون الأول/ديسمبر 2021"); quarters do not. */
const MONTH_PARTS: ReadonlySet<TimelinePart> = new Set(['early', 'mid', 'late'])

/** Months (1-based, inclusive) that each part of a year covers. */
const PART_MONTHS: Record<TimelinePart, [number, number]> = {
  early: [1, 4], mid: [5, 8], late: [9, 12], q1: [1, 3], q2: [4, 6], q3: [7, 9], q4: [10, 12],
}
/** Days that each part of a month covers (the last runs to the month's end). */
const PART_DAYS: Partial<Record<TimelinePart, [number, number]>> = { early: [1, 10], mid: [11, 20], late: [21, 31] }

export interface DateParts {
  year: number
  month?: number
  day?: number
}

/** Reads 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; null for anything else (an unresolved date). */
export function parseDate(date: string): DateParts | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date)
  if (!m) return null
  const year = Number(m[1])
  const month = m[2] ? Number(m[2]) : undefined
  const day = m[3] ? Number(m[3]) : undefined
  if (month !== undefined && (month < 1 || month > 12)) return null
  if (day !== undefined && (day < 1 || day > daysInGregorianMonth(year, month!))) return null
  return { year, month, day }
}

const pad = (n: number) => String(n).padStart(2, '0')
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`

/** The first and last day an event may stand for, as 'YYYY-MM-DD' (null when undated). */
export function dateSpan(e: DatedLike): { start: string; end: string } | null {
  const p = parseDate(e.date)
  if (!p) return null
  if (p.month === undefined) {
    const [from, to] = e.precision === 'part' && e.part ? PART_MONTHS[e.part] : [1, 12]
    return { start: iso(p.year, from, 1), end: iso(p.year, to, daysInGregorianMonth(p.year, to)) }
  }
  const last = daysInGregorianMonth(p.year, p.month)
  if (p.day === undefined || e.precision === 'month') {
    const days = e.part ? PART_DAYS[e.part] : undefined
    return { start: iso(p.year, p.month, days?.[0] ?? 1), end: iso(p.year, p.month, Math.min(days?.[1] ?? last, last)) }
  }
  return { start: iso(p.year, p.month, p.day), end: iso(p.year, p.month, p.day) }
}

/**
 * Chronological order: by the first day an event may stand for, the less precise first when two
 * start together ("2011" before "early 2011" before "January 2011" before "1 January 2011");
 * undated events last.
 */
export function compareDated(a: DatedLike, b: DatedLike): number {
  const sa = dateSpan(a)
  const sb = dateSpan(b)
  if (!sa || !sb) return sa ? -1 : sb ? 1 : 0
  if (sa.start !== sb.start) return sa.start < sb.start ? -1 : 1
  if (sa.end !== sb.end) return sa.end > sb.end ? -1 : 1
  return 0
}

export const monthName = (month: number, locale: Locale) => (locale === 'ar' ? ARABIC_MONTHS : GREGORIAN_MONTHS.en)[month - 1] ?? String(month)

/** "تموز/يوليو 2011" / "July 2011". */
export function formatMonth(year: number, month: number, locale: Locale): string {
  return `${monthName(month, locale)} ${year}`
}

/** "26 تموز/يوليو 2011" / "26 July 2011". */
export function formatDay(year: number, month: number, day: number, locale: Locale): string {
  return `${day} ${monthName(month, locale)} ${year}`
}

/** The event's Gregorian date at its own precision, standing alone ("Late 2011"); '' when undated. */
export function formatEventDate(e: DatedLike, locale: Locale): string {
  const p = parseDate(e.date)
  if (!p) return ''
  if (p.month === undefined) {
    const y = String(p.year)
    return e.precision === 'part' && e.part ? partOf(e.part, y, locale, 'start') : y
  }
  if (p.day === undefined || e.precision === 'month') {
    const month = formatMonth(p.year, p.month, locale)
    return e.part && MONTH_PARTS.has(e.part) ? partOf(e.part, month, locale, 'start') : month
  }
  return formatDay(p.year, p.month, p.day, locale)
}

// ---- the Hijri twin ------------------------------------------------------------------------------

const hijriSuffix = (locale: Locale) => ` ${HIJRI_ERA[locale]}`
const hijriMonthName = (m: number, locale: Locale) => HIJRI_MONTHS[locale][m - 1] ?? String(m)

/**
 * The Hijri date of an event, at no more precision than the Gregorian one: a day is one Hijri day;
 * a month or a year spans two (or more) Hijri months or years, written as a range
 * ("شعبان – رمضان 1432 هـ", "1432 – 1433 هـ"). '' when undated.
 */
export function formatHijri(e: DatedLike, locale: Locale): string {
  const span = dateSpan(e)
  if (!span) return ''
  const [y1, m1, d1] = span.start.split('-').map(Number) as [number, number, number]
  const [y2, m2, d2] = span.end.split('-').map(Number) as [number, number, number]
  const a = gregorianToHijri(y1, m1, d1)
  const b = gregorianToHijri(y2, m2, d2)
  const suffix = hijriSuffix(locale)
  if (span.start === span.end) return `${a.d} ${hijriMonthName(a.m, locale)} ${a.y}${suffix}`
  // A whole year (or a part of one) spans Hijri years; a month or less spans Hijri months.
  if (e.precision === 'year' || e.precision === 'part') return a.y === b.y ? `${a.y}${suffix}` : `${a.y} – ${b.y}${suffix}`
  if (a.y === b.y && a.m === b.m) return `${hijriMonthName(a.m, locale)} ${a.y}${suffix}`
  if (a.y === b.y) return `${hijriMonthName(a.m, locale)} – ${hijriMonthName(b.m, locale)} ${a.y}${suffix}`
  return `${hijriMonthName(a.m, locale)} ${a.y} – ${hijriMonthName(b.m, locale)} ${b.y}${suffix}`
}
