// Resolving relative and yearless expressions against a reference (publication) date.

import { epochDayToHijri, fromEpochDay, hijriMonthToGregorianMonth, hijriToEpochDay, toEpochDay, type Ymd } from './hijri'
import type { Calendar, Precision, RelSpec } from './types'

export interface Resolved {
  date: string
  precision: Precision
  hijri?: string
}

const p2 = (n: number) => String(n).padStart(2, '0')
const p4 = (n: number) => String(n).padStart(4, '0')

export const isoDay = (y: number, m: number, d: number) => `${p4(y)}-${p2(m)}-${p2(d)}`
export const isoMonth = (y: number, m: number) => `${p4(y)}-${p2(m)}`
export const isoYear = (y: number) => p4(y)
export const isoEpochDay = (day: number) => {
  const g = fromEpochDay(day)
  return isoDay(g.y, g.m, g.d)
}

/** Parse 'YYYY-MM-DD' (a longer ISO timestamp is cut to its date); undefined when it is not a valid date. */
export function parseReference(ref: string | undefined): Ymd | undefined {
  const m = ref ? /^(\d{4})-(\d{2})-(\d{2})/.exec(ref) : null
  if (!m) return undefined
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  const g = fromEpochDay(toEpochDay(y, mo, d))
  return g.y === y && g.m === mo && g.d === d ? g : undefined
}

/** Resolve a relative expression against a reference date. */
export function resolveRelative(rel: RelSpec, ref: Ymd): Resolved {
  const refDay = toEpochDay(ref.y, ref.m, ref.d)
  switch (rel.unit) {
    case 'day': {
      let day = refDay + rel.n
      // the reference may be later than the publication day (a crawl date): go back to the weekday written
      if (rel.weekday !== undefined) day -= (fromEpochDayDow(day) - rel.weekday + 7) % 7
      return { date: isoEpochDay(day), precision: 'day' }
    }
    case 'weekday': {
      const dow = fromEpochDayDow(refDay)
      let delta: number
      if (rel.dir === 'next') delta = (rel.weekday - dow + 7) % 7 || 7
      else if (rel.dir === 'coming') delta = (rel.weekday - dow + 7) % 7
      else delta = -((dow - rel.weekday + 7) % 7 || (rel.dir === 'past' ? 7 : 0))
      return { date: isoEpochDay(refDay + delta), precision: 'day' }
    }
    case 'week':
      return { date: isoEpochDay(refDay + 7 * rel.n), precision: 'week' }
    case 'month': {
      const i = ref.y * 12 + ref.m - 1 + rel.n
      const y = Math.floor(i / 12)
      const m = (i % 12) + 1
      return rel.day === undefined ? { date: isoMonth(y, m), precision: 'month' } : { date: isoDay(y, m, rel.day), precision: 'day' }
    }
    case 'year': {
      const y = ref.y + rel.n
      if (rel.month === undefined) return { date: isoYear(y), precision: 'year' }
      return rel.day === undefined ? { date: isoMonth(y, rel.month), precision: 'month' } : { date: isoDay(y, rel.month, rel.day), precision: 'day' }
    }
    case 'yearless':
      return rel.calendar === 'hijri'
        ? resolveHijri(rel.month, rel.day, pickHijriYear(rel.month, rel.day, rel.dir, refDay))
        : resolveGregorian(rel.month, rel.day, pickGregorianYear(rel.month, rel.day, rel.dir, ref, refDay))
  }
}

/** A yearless date placed in a known year (an explicit year earlier in the same sentence). */
export function resolveInYear(calendar: Calendar, month: number, day: number | undefined, year: number): Resolved {
  return calendar === 'hijri' ? resolveHijri(month, day, year) : resolveGregorian(month, day, year)
}

function fromEpochDayDow(day: number): number {
  return (((day + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday
}

function resolveGregorian(month: number, day: number | undefined, y: number): Resolved {
  return day === undefined ? { date: isoMonth(y, month), precision: 'month' } : { date: isoDay(y, month, day), precision: 'day' }
}

function resolveHijri(month: number, day: number | undefined, hy: number): Resolved {
  if (day === undefined) {
    const g = hijriMonthToGregorianMonth(hy, month)
    return { date: isoMonth(g.y, g.m), precision: 'month', hijri: isoMonth(hy, month) }
  }
  return { date: isoEpochDay(hijriToEpochDay(hy, month, day)), precision: 'day', hijri: isoDay(hy, month, day) }
}

type Dir = 'near' | 'past' | 'next' | 'current'

/**
 * The year of a month (and day) written without one: the reference's year for الجاري, the last
 * one before it for الماضي, the next for المقبل, else the occurrence nearest the reference
 * (`distance` from it, for a candidate year; ties keep the earlier year).
 */
function pickYear(month: number, dir: Dir, ref: { y: number; m: number }, distance: (y: number) => number): number {
  if (dir === 'current') return ref.y
  if (dir === 'past') return month < ref.m ? ref.y : ref.y - 1
  if (dir === 'next') return month > ref.m ? ref.y : ref.y + 1
  let best = ref.y
  let bestDist = Infinity
  for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
    const dist = distance(y)
    if (dist < bestDist) [best, bestDist] = [y, dist]
  }
  return best
}

function pickGregorianYear(month: number, day: number | undefined, dir: Dir, ref: Ymd, refDay: number): number {
  return pickYear(month, dir, ref, (y) => (day === undefined ? Math.abs(y * 12 + month - (ref.y * 12 + ref.m)) : Math.abs(toEpochDay(y, month, day) - refDay)))
}

function pickHijriYear(month: number, day: number | undefined, dir: Dir, refDay: number): number {
  return pickYear(month, dir, epochDayToHijri(refDay), (y) => Math.abs(hijriToEpochDay(y, month, day ?? 15) - refDay))
}
