// Hijri (Umm al-Qura) ⇄ Gregorian, using the calendar that ships with Node's ICU:
// Intl.DateTimeFormat('en-u-ca-islamic-umalqura'). Gregorian → Hijri is one format call;
// Hijri → Gregorian finds the first day of each Hijri month by formatting a few candidate days
// near an estimate, and caches the 13 month starts of each Hijri year it has seen.
// ICU's Umm al-Qura table covers 1300–1600 AH; outside that it falls back to the arithmetic calendar.

export interface Ymd {
  y: number
  m: number
  d: number
}

const DAY_MS = 86_400_000

/** Days since 1970-01-01 (UTC) of a proleptic Gregorian date. */
export function toEpochDay(y: number, m: number, d: number): number {
  if (y >= 100) return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS)
  const date = new Date(0) // Date.UTC maps years 0–99 to 1900–1999
  date.setUTCFullYear(y, m - 1, d)
  return Math.floor(date.getTime() / DAY_MS)
}

export function fromEpochDay(day: number): Ymd {
  const dt = new Date(day * DAY_MS)
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() }
}

export function daysInGregorianMonth(y: number, m: number): number {
  return m === 12 ? 31 : toEpochDay(y, m + 1, 1) - toEpochDay(y, m, 1)
}

let formatter: Intl.DateTimeFormat | undefined

function fmt(): Intl.DateTimeFormat {
  formatter ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  })
  return formatter
}

/** Hijri (Umm al-Qura) date of a Gregorian epoch day. */
export function epochDayToHijri(day: number): Ymd {
  let y = 0
  let m = 0
  let d = 0
  for (const p of fmt().formatToParts(new Date(day * DAY_MS))) {
    const type: string = p.type
    if (type === 'year' || type === 'relatedYear') y = y || Number(p.value)
    else if (p.type === 'month') m = Number(p.value)
    else if (p.type === 'day') d = Number(p.value)
  }
  return { y, m, d }
}

export function gregorianToHijri(y: number, m: number, d: number): Ymd {
  return epochDayToHijri(toEpochDay(y, m, d))
}

// Mean lengths, only to aim the search.
const MEAN_YEAR = 354.36667
const MEAN_MONTH = 29.530589
const EPOCH_1_MUHARRAM_1 = toEpochDay(622, 7, 19)

function estimate(hy: number, hm: number, hd: number): number {
  return Math.round(EPOCH_1_MUHARRAM_1 + (hy - 1) * MEAN_YEAR + (hm - 1) * MEAN_MONTH + (hd - 1))
}

/** Epoch day of the 1st of a Hijri month, found by walking from an estimate. */
function findMonthStart(hy: number, hm: number, guess: number): number {
  let day = guess
  for (let i = 0; i < 20; i++) {
    const h = epochDayToHijri(day)
    const diff = (hy - h.y) * 12 + (hm - h.m) // months off
    if (diff === 0 && h.d === 1) return day
    if (diff === 0) day -= h.d - 1
    else day += Math.round(diff * MEAN_MONTH) - (h.d - 1)
  }
  throw new Error(`hijri: cannot find 1/${hm}/${hy}`)
}

const yearCache = new Map<number, Int32Array>()

/** Epoch days of the 1st of months 1..12 of Hijri year hy, and of 1 Muharram hy+1 (index 12). */
export function hijriYearStarts(hy: number): Int32Array {
  let starts = yearCache.get(hy)
  if (starts) return starts
  starts = new Int32Array(13)
  let day = findMonthStart(hy, 1, estimate(hy, 1, 1))
  starts[0] = day
  for (let i = 1; i <= 12; i++) {
    // every month has 29 or 30 days
    day += 29
    if (epochDayToHijri(day).d !== 1) day += 1
    if (epochDayToHijri(day).d !== 1) day = findMonthStart(hy + Math.floor(i / 12), (i % 12) + 1, day)
    starts[i] = day
  }
  yearCache.set(hy, starts)
  return starts
}

export function hijriMonthLength(hy: number, hm: number): number {
  const s = hijriYearStarts(hy)
  return s[hm]! - s[hm - 1]!
}

/** Epoch day of a Hijri date. A day past the month's end (30 in a 29-day month) runs on into the next month. */
export function hijriToEpochDay(hy: number, hm: number, hd: number): number {
  return hijriYearStarts(hy)[hm - 1]! + hd - 1
}

export function hijriToGregorian(hy: number, hm: number, hd: number): Ymd {
  return fromEpochDay(hijriToEpochDay(hy, hm, hd))
}

/** The Gregorian year that holds most of Hijri year hy (its middle day). */
export function hijriYearToGregorianYear(hy: number): number {
  const s = hijriYearStarts(hy)
  return fromEpochDay(Math.floor((s[0]! + s[12]!) / 2)).y
}

/** The Gregorian month that holds the middle (15th) of a Hijri month. */
export function hijriMonthToGregorianMonth(hy: number, hm: number): { y: number; m: number } {
  const g = fromEpochDay(hijriToEpochDay(hy, hm, 15))
  return { y: g.y, m: g.m }
}

/** The Hijri year whose month hm has its middle in Gregorian year gy ("رمضان 2015"). */
export function hijriYearOfMonthInGregorianYear(hm: number, gy: number): number {
  const guess = Math.round((gy - 622) * (365.2425 / MEAN_YEAR)) + 1
  for (const hy of [guess, guess - 1, guess + 1, guess - 2, guess + 2]) if (hijriMonthToGregorianMonth(hy, hm).y === gy) return hy
  return guess
}
