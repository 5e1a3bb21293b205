// A small date reader for metadata values and date lines: ISO (with or without zone), `YYYY-MM-DD
// HH:mm:ss`, ANT's `YYYY-MM-DDTHHMMSS`, `DD/MM/YYYY`, and day-month-year with Arabic (Egyptian,
// Levantine, Maghrebi), English or French month names. Not a full extractor: dates inside running
// text are the timeline's job (src-main/core/timeline/).
import type { DatePrecision } from '../../model'

export interface ParsedDate {
  /** `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm:ss[Z|±HH:MM]`. */
  iso: string
  precision: Exclude<DatePrecision, 'unknown'>
}

export interface FoundDate extends ParsedDate {
  /** Where the date was found in `normalizeForDates(input)`. */
  index: number
  length: number
}

const MONTHS: Record<string, number> = {}
const addMonths = (n: number, names: string) => {
  for (const name of names.split('|')) MONTHS[normalizeForDates(name)] = n
}

/** Digits to ASCII, Arabic letter variants folded, diacritics and tatweel removed, lower case. */
export function normalizeForDates(s: string): string {
  return s
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u064b-\u0652\u0640\u0670]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .toLowerCase()
}

addMonths(1, 'يناير|كانون الثاني|كانون ثاني|جانفي|جانفييه|ينير|january|jan|janvier')
addMonths(2, 'فبراير|شباط|فيفري|فبرير|february|feb|février|fevrier')
addMonths(3, 'مارس|آذار|اذار|march|mar|mars')
addMonths(4, 'أبريل|ابريل|إبريل|نيسان|أفريل|افريل|april|apr|avril')
addMonths(5, 'مايو|أيار|ايار|ماي|may|mai')
addMonths(6, 'يونيو|يونيه|حزيران|جوان|june|jun|juin')
addMonths(7, 'يوليو|يوليه|تموز|جويلية|جويلة|يوليوز|july|jul|juillet')
addMonths(8, 'أغسطس|اغسطس|آب|أوت|اوت|غشت|august|aug|août|aout')
addMonths(9, 'سبتمبر|أيلول|ايلول|شتنبر|september|sept|sep|septembre')
addMonths(10, 'أكتوبر|اكتوبر|تشرين الأول|تشرين الاول|تشرين أول|تشرين اول|october|oct|octobre')
addMonths(11, 'نوفمبر|تشرين الثاني|تشرين ثاني|نونبر|november|nov|novembre')
addMonths(12, 'ديسمبر|كانون الأول|كانون الاول|كانون أول|كانون اول|دجنبر|december|dec|décembre|decembre')

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .map((m) => escapeRe(m).replace(/ /g, '\\s+'))
  .join('|')
// A month name, optionally with its twin in another calendar: "آب/اغسطس", "آب (أغسطس)".
const MONTH = `(${MONTH_ALT})(?:\\s*[/(]\\s*(?:${MONTH_ALT})\\s*\\)?)?`
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])'
const NOT_LETTER_AFTER = '(?![\\p{L}])'
const TIME = '(?:[T\\s,،]+(?:at\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*(z|gmt|utc|[+-]\\d{2}:?\\d{2})?)?'

// `T` may be followed by a compact time (ANT's `2017-01-20T214300`); after a space, colons are needed.
const RE_ISO = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?:t(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?|\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?(?:\s*(z|[+-]\d{2}(?::?\d{2})?|gmt|utc)(?![\p{L}]))?(?!\d)/iu
const RE_YMD_SLASH = /(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/u
const RE_DMY = new RegExp(`(?<![\\d/.-])(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?![\\d/])${TIME}`, 'iu')
const RE_D_MONTH_Y = new RegExp(`${NOT_LETTER_BEFORE}(\\d{1,2})(?:er|st|nd|rd|th)?\\s*(?:من\\s+|of\\s+)?(?:شهر\\s+)?[-,،.]?\\s*${MONTH}${NOT_LETTER_AFTER}\\s*[-,،.]?\\s*(?:عام\\s+|سنه\\s+)?(\\d{4})(?!\\d)(?:\\s*م(?![\\p{L}]))?${TIME}`, 'iu')
const RE_MONTH_D_Y = new RegExp(`${NOT_LETTER_BEFORE}${MONTH}${NOT_LETTER_AFTER}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)${TIME}`, 'iu')
const RE_MONTH_Y = new RegExp(`${NOT_LETTER_BEFORE}(?:شهر\\s+)?${MONTH}${NOT_LETTER_AFTER}\\s*[-,،]?\\s*(\\d{4})(?!\\d)`, 'iu')
const RE_YM = /(?<![\d/.-])(\d{4})-(\d{1,2})(?![\d/.-])/u
const RE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/u
const RE_YEAR = /^(\d{4})\s*م?$/u

const pad = (n: number, w = 2) => String(n).padStart(w, '0')
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()
const okYear = (y: number) => y >= 1700 && y <= 2199

function zone(z: string | undefined): string {
  if (!z) return ''
  const u = z.toUpperCase()
  if (u === 'Z' || u === 'GMT' || u === 'UTC') return 'Z'
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(u)
  return m ? `${m[1]}${m[2]}:${m[3] ?? '00'}` : ''
}

function build(y: number, mo: number, d: number, time?: { h?: string; mi?: string; s?: string; z?: string }): ParsedDate | null {
  if (!okYear(y) || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null
  const date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`
  if (!time || time.h === undefined || time.mi === undefined) return { iso: date, precision: 'day' }
  const h = Number(time.h)
  const mi = Number(time.mi)
  const s = Math.min(Number(time.s ?? 0), 59)
  if (h > 23 || mi > 59) return { iso: date, precision: 'day' }
  return { iso: `${date}T${pad(h)}:${pad(mi)}:${pad(s)}${zone(time.z)}`, precision: 'datetime' }
}

const monthOf = (name: string | undefined) => (name ? MONTHS[name.replace(/\s+/g, ' ')] : undefined)

interface Candidate {
  re: RegExp
  read: (m: RegExpExecArray) => ParsedDate | null
}

const CANDIDATES: Candidate[] = [
  { re: RE_ISO, read: (m) => build(+m[1]!, +m[2]!, +m[3]!, { h: m[4] ?? m[7], mi: m[5] ?? m[8], s: m[6] ?? m[9], z: m[10] }) },
  { re: RE_YMD_SLASH, read: (m) => build(+m[1]!, +m[2]!, +m[3]!) },
  {
    re: RE_DMY,
    read: (m) => {
      let d = +m[1]!
      let mo = +m[2]!
      // Day first, as Arabic sources write it, unless that is impossible and month-first is not.
      if (mo > 12 && d <= 12) [d, mo] = [mo, d]
      return build(+m[3]!, mo, d, { h: m[4], mi: m[5], s: m[6], z: m[7] })
    },
  },
  {
    re: RE_D_MONTH_Y,
    read: (m) => {
      const mo = monthOf(m[2])
      return mo ? build(+m[3]!, mo, +m[1]!, { h: m[4], mi: m[5], s: m[6], z: m[7] }) : null
    },
  },
  {
    re: RE_MONTH_D_Y,
    read: (m) => {
      const mo = monthOf(m[1])
      return mo ? build(+m[3]!, mo, +m[2]!, { h: m[4], mi: m[5], s: m[6], z: m[7] }) : null
    },
  },
  {
    re: RE_MONTH_Y,
    read: (m) => {
      const mo = monthOf(m[1])
      const y = +m[2]!
      return mo && okYear(y) ? { iso: `${y}-${pad(mo)}`, precision: 'month' } : null
    },
  },
  {
    re: RE_YM,
    read: (m) => {
      const y = +m[1]!
      const mo = +m[2]!
      return okYear(y) && mo >= 1 && mo <= 12 ? { iso: `${y}-${pad(mo)}`, precision: 'month' } : null
    },
  },
]

/** Inputs longer than this are not date values; only their start is looked at. */
const MAX_INPUT = 300

/** The first date in `input` (earliest position; the most precise reading at that position). */
export function findDate(input: string): FoundDate | null {
  const s = normalizeForDates(input.slice(0, MAX_INPUT))
  let best: FoundDate | null = null
  for (const c of CANDIDATES) {
    const m = c.re.exec(s)
    if (!m) continue
    const parsed = c.read(m)
    if (!parsed) continue
    const found = { ...parsed, index: m.index, length: m[0].length }
    if (!best || found.index < best.index || (found.index === best.index && found.length > best.length)) best = found
  }
  return best
}

/**
 * A metadata value read as a date, whatever its shape, or null. Also takes a bare year, a compact
 * `YYYYMMDD` and Unix timestamps (seconds or milliseconds).
 */
export function parseDate(input: string | number): ParsedDate | null {
  if (typeof input === 'number') return fromEpoch(input)
  const s = normalizeForDates(input.trim())
  if (!s) return null
  if (/^\d{10}(\d{3})?$/.test(s)) return fromEpoch(Number(s))
  const compact = RE_COMPACT.exec(s)
  if (compact) return build(+compact[1]!, +compact[2]!, +compact[3]!)
  const year = RE_YEAR.exec(s)
  if (year) return okYear(+year[1]!) ? { iso: year[1]!, precision: 'year' } : null
  const found = findDate(s)
  return found ? { iso: found.iso, precision: found.precision } : null
}

function fromEpoch(n: number): ParsedDate | null {
  if (!Number.isFinite(n) || n <= 0) return null
  const ms = n > 1e11 ? n : n * 1000
  const d = new Date(ms)
  if (Number.isNaN(d.getTime()) || !okYear(d.getUTCFullYear())) return null
  return { iso: d.toISOString().replace(/\.\d{3}Z$/, 'Z'), precision: 'datetime' }
}

// Words that may stand around a date on a date line without making it a sentence.
const HIJRI_MONTHS = new Set(
  ['محرم', 'صفر', 'ربيع', 'الأول', 'الاول', 'الثاني', 'الآخر', 'الاخر', 'جمادى', 'جمادي', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو', 'ذي', 'القعدة', 'الحجة'].map(normalizeForDates),
)
const DATE_LINE_FILLER = new Set(
  [
    'الاحد', 'الاثنين', 'الإثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعة', 'السبت', 'يوم',
    'التاريخ', 'تاريخ', 'بتاريخ', 'النشر', 'نشر', 'في', 'اخر', 'تحديث', 'الموافق', 'م', 'هـ', 'ه', 'الساعة', 'الساعه', 'صباحا', 'مساء', 'ص',
    'date', 'published', 'updated', 'on', 'at', 'gmt', 'utc', 'am', 'pm',
    'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat',
  ].map(normalizeForDates),
)

/** A short line that is a date and little else ("الجمعة 7 أغسطس 2015", "2015-08-09", "Date: …"). */
export function dateLine(line: string): ParsedDate | null {
  if (line.length > 100) return null
  const found = findDate(line)
  if (!found) return null
  const s = normalizeForDates(line.slice(0, MAX_INPUT))
  const rest = (s.slice(0, found.index) + ' ' + s.slice(found.index + found.length))
    .replace(/\(?(gmt|utc)?\s*[+-]\d{1,2}(:?\d{2})?\)?/g, ' ')
    .replace(/\d{1,2}:\d{2}(:\d{2})?/g, ' ')
    .split(/[\s,،:|/()\-–—.]+/u)
    .filter((w) => w && !DATE_LINE_FILLER.has(w))
  // "22 شوال 1436هـ الموافق 7 أغسطس 2015م": the Hijri twin is part of the date line.
  const hijri = rest.some((w) => HIJRI_MONTHS.has(w))
  const left = hijri ? rest.filter((w) => !HIJRI_MONTHS.has(w) && !/^\d{1,4}ه?$/.test(w)) : rest
  return left.length <= 1 ? { iso: found.iso, precision: found.precision } : null
}
