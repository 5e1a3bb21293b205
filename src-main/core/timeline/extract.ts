// The date extractor: each rule scans the normalised text and proposes candidates; part words
// (بداية، نهاية، الربع الأول…) extend the month and year candidates they precede; overlapping
// candidates give way to the longest; a Hijri date and its Gregorian twin (… 1436هـ الموافق 26
// يوليو 2015) become one mention, as do a weekday or اليوم/أمس and the explicit date it introduces;
// relative and yearless candidates are resolved last.

import {
  daysInGregorianMonth,
  hijriMonthToGregorianMonth,
  hijriToEpochDay,
  hijriYearOfMonthInGregorianYear,
  hijriYearToGregorianYear,
  type Ymd,
} from './hijri'
import { monthByName, ordinalValue, WEEKDAYS } from './months'
import { normalize } from './normalize'
import {
  PART_WORDS,
  QUARTERS,
  relDirection,
  RX_BC_AFTER,
  RX_DAY_BEFORE,
  RX_DAY_WORD,
  RX_LEAD_GAP,
  RX_MONTH_CONTEXT_BEFORE,
  RX_MONTH_DATE,
  RX_NUMBER_LABEL_BEFORE,
  RX_NUMERIC_DATE,
  RX_PART_BEFORE,
  RX_PERIOD,
  RX_QUARTER,
  RX_SENTENCE_BREAK,
  RX_THIS_BEFORE,
  RX_TOD_BEFORE,
  RX_TWIN_GAP,
  RX_WEEKDAY,
  RX_WORD_AFTER,
  RX_YEAR_MARKED,
  RX_YEAR_PAIR,
  RX_YEAR_PREP,
  RX_YEAR_PREP_FOLLOW,
  RX_YEAR_WORD,
  UNIT_WORDS,
} from './patterns'
import { isoDay, isoEpochDay, isoMonth, isoYear, parseReference, resolveInYear, resolveRelative, type Resolved } from './relative'
import type { Calendar, DateMention, ExtractOptions, Part, Precision, RelSpec } from './types'

type Level = 'day' | 'week' | 'month' | 'year'

/** an explicit date; for the Hijri calendar y/m/d are Hijri */
interface Abs {
  cal: Calendar
  y: number
  m?: number
  d?: number
}

interface Cand {
  /** offsets in the normalised text */
  s: number
  e: number
  /** tie-break between candidates of equal length: lower wins */
  prio: number
  level: Level
  abs?: Abs
  rel?: RelSpec
  part?: Part
  /** a weekday or اليوم/أمس/غدا: may introduce an explicit date that follows */
  lead?: boolean
  /** the other-calendar twin of this (Gregorian) date */
  twin?: Cand
  /** bare العام/الشهر after a part word: only kept when the part word is attached */
  needsPart?: boolean
  /** the first day of a range (من 18 الى 22 فيفري): the candidate of the whole range's end */
  rangeOf?: Cand
}

const GREG_MIN = 1000
const GREG_MAX = 2199
/** four-digit numbers in this range after عام/سنة, or in a d/m/y date, are Hijri years even without هـ */
const HIJRI_UNMARKED_MIN = 1340
const HIJRI_UNMARKED_MAX = 1460

export function extractDates(text: string, opts: ExtractOptions = {}): DateMention[] {
  if (!text) return []
  const { norm, map } = normalize(text)
  const cands: Cand[] = []
  ruleMonthDates(norm, cands)
  ruleNumericDates(norm, cands)
  ruleYears(norm, cands)
  ruleDayWords(norm, cands)
  ruleWeekdays(norm, cands)
  rulePeriods(norm, cands)
  ruleQuarters(norm, cands)
  attachParts(norm, cands)
  const kept = mergeLeads(norm, mergeTwins(norm, pickLongest(cands.filter((c) => !c.needsPart))))
  return finish(text, norm, map, kept, parseReference(opts.referenceDate))
}

// ---------------------------------------------------------------- helpers

const groupStart = (m: RegExpExecArray, name: string): number | undefined => m.indices?.groups?.[name]?.[0]
const groupEnd = (m: RegExpExecArray, name: string): number | undefined => m.indices?.groups?.[name]?.[1]

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const LETTER = /\p{L}/u

/**
 * Does a word start at i, allowing an attached و/ف and ب/ك/ل before it (وبالعام، لشهر)?
 * With digitOk a digit may come just before (26يوليو).
 */
function wordStart(norm: string, i: number, digitOk = false): boolean {
  const boundary = (j: number) => j < 0 || !(digitOk ? LETTER : LETTER_OR_DIGIT).test(norm[j]!)
  if (boundary(i - 1)) return true
  const c1 = norm[i - 1]!
  if ('وفبكل'.includes(c1) && boundary(i - 2)) return true
  return 'بكل'.includes(c1) && i >= 2 && 'وف'.includes(norm[i - 2]!) && boundary(i - 3)
}

/** exec a scanning regex, skipping matches that do not start a word */
function nextAtWordStart(rx: RegExp, norm: string, digitOk = false): RegExpExecArray | null {
  for (let m: RegExpExecArray | null; (m = rx.exec(norm)); ) {
    if (wordStart(norm, m.index, digitOk)) return m
    rx.lastIndex = m.index + 1
  }
  return null
}

function before(norm: string, pos: number, len = 40): string {
  return norm.slice(Math.max(0, pos - len), pos)
}

/** a unit or counted noun (صواريخ، ملم، جندي، %, …) right after pos */
function unitFollows(norm: string, pos: number): boolean {
  const m = RX_WORD_AFTER.exec(norm.slice(pos, pos + 30))
  if (!m) return false
  if (m.groups!.pct) return true
  return UNIT_WORDS.has(m.groups!.w!)
}

/** قبل الميلاد / ق.م right after pos */
function bcFollows(norm: string, pos: number): boolean {
  return RX_BC_AFTER.test(norm.slice(pos, pos + 16))
}

function labelBefore(norm: string, pos: number): boolean {
  return RX_NUMBER_LABEL_BEFORE.test(before(norm, pos, 24))
}

function trimEnd(norm: string, e: number): number {
  while (e > 0 && /\s/.test(norm[e - 1]!)) e--
  return e
}

const isHijriMark = (mk: string | undefined) => mk !== undefined && mk.startsWith('ه')
const isGregMark = (mk: string | undefined) => mk !== undefined && mk.startsWith('م')

/** a four-digit year after عام/سنة or alone with a marker: which calendar, or undefined if implausible */
function yearCalendar(y: number, mk: string | undefined): Calendar | undefined {
  if (isHijriMark(mk)) return y >= 1 && y <= 1600 ? 'hijri' : undefined
  if (!mk && y >= HIJRI_UNMARKED_MIN && y <= HIJRI_UNMARKED_MAX) return 'hijri'
  return y >= GREG_MIN && y <= GREG_MAX ? 'gregorian' : undefined
}

// ---------------------------------------------------------------- rules

/** the day written before a month: 26 · الـ 26 من · السادس والعشرين من */
function dayBefore(norm: string, pos: number): { day: number; s: number; digits: boolean; al: boolean } | undefined {
  const slice = before(norm, pos, 48)
  const m = RX_DAY_BEFORE.exec(slice)
  if (!m) return undefined
  const g = m.groups!
  const day = g.dn !== undefined ? Number(g.dn) : g.ghurra !== undefined ? 1 : ordinalValue(g.ord!)
  if (day === undefined) return undefined
  const s = groupStart(m, 'al') ?? groupStart(m, 'dn') ?? groupStart(m, 'ord') ?? groupStart(m, 'ghurra')!
  return { day, s: pos - slice.length + s, digits: g.dn !== undefined, al: g.al !== undefined }
}

/**
 * [day] [شهر] month [twin] [year | الماضي…] — 26 من تموز 2021, يونيو (حزيران) الماضي, 25 شوال 1436هـ;
 * and a day of a relative month — الأول من الشهر الجاري
 */
function ruleMonthDates(norm: string, out: Cand[]): void {
  const rx = RX_MONTH_DATE
  rx.lastIndex = 0
  for (let m: RegExpExecArray | null; (m = nextAtWordStart(rx, norm, true)); ) {
    const g = m.groups!
    const db = dayBefore(norm, m.index)
    if (db && db.digits && !db.al && labelBefore(norm, db.s)) continue

    if (g.relmon !== undefined) {
      if (!db || db.day < 1 || db.day > 31) continue
      const dir = g.rel2 !== undefined ? relDirection(g.rel2) : 'current'
      const n = dir === 'past' ? -1 : dir === 'next' ? 1 : 0
      out.push({ s: db.s, e: m.index + m[0].length, prio: 1, level: 'day', rel: { unit: 'month', n, day: db.day } })
      continue
    }

    const info = monthByName(g.mon!)
    if (!info) continue
    const cal = info.calendar
    let e = groupEnd(m, 'mon')!
    let twin = false
    let tail = true // year / الماضي may be used
    if (g.dbl !== undefined) {
      const info2 = monthByName(g.mon2!)
      if (cal === 'gregorian' && info2 && info2.month === info.month) {
        twin = true
        e = trimEnd(norm, groupEnd(m, 'dbl')!)
      } else tail = false
    }
    const day = db?.day
    if (day !== undefined && (day < 1 || day > (cal === 'hijri' ? 30 : 31))) continue

    let year: number | undefined // in the month's calendar
    if (tail && g.y !== undefined && !unitFollows(norm, groupEnd(m, 'y')!)) {
      const y = Number(g.y)
      const mk = g.ym
      if (cal === 'gregorian') {
        if (!isHijriMark(mk) && (y >= GREG_MIN || (mk && y >= 1)) && y <= GREG_MAX) year = y // 24 أغسطس 79م
      } else if (isGregMark(mk) || y >= 1700) {
        if (y <= GREG_MAX) year = hijriYearOfMonthInGregorianYear(info.month, y) // رمضان 2015
      } else if (y >= 1 && y <= 1600) year = y
      if (year !== undefined) e = groupEnd(m, 'ypart')!
    }
    let dir: 'near' | 'past' | 'next' | 'current' = 'near'
    let yearOffset: number | undefined // أكتوبر من العام الماضي
    if (tail && year === undefined && g.rel !== undefined) {
      dir = relDirection(g.rel)
      e = groupEnd(m, 'rel')!
    } else if (tail && year === undefined && g.relyear !== undefined && cal === 'gregorian') {
      const d = g.rel3 === undefined ? 'current' : relDirection(g.rel3)
      yearOffset = d === 'past' ? -1 : d === 'next' ? 1 : 0
      e = groupEnd(m, 'relyear')!
    }

    if (day === undefined && year === undefined && dir === 'near' && yearOffset === undefined && !twin && g.shahr === undefined) {
      // a month name alone: only after a preposition or a part word, never a weak or Hijri name
      if (info.weak) continue
      const pre = before(norm, m.index)
      if (!RX_MONTH_CONTEXT_BEFORE.test(pre) && !RX_PART_BEFORE.test(pre)) continue
    }
    if (cal === 'hijri' && day === undefined && year === undefined && dir === 'near') continue // شهر رمضان: generic
    if (cal === 'gregorian' && day !== undefined && day > daysInGregorianMonth(year ?? 2000, info.month)) continue

    const s = db?.s ?? groupStart(m, 'shahr') ?? groupStart(m, 'mon')!
    const level: Level = day === undefined ? 'month' : 'day'
    const c: Cand =
      year !== undefined
        ? { s, e, prio: 1, level, abs: { cal, y: year, m: info.month, d: day } }
        : yearOffset !== undefined
          ? { s, e, prio: 1, level, rel: { unit: 'year', n: yearOffset, month: info.month, day } }
          : { s, e, prio: 1, level, rel: { unit: 'yearless', calendar: cal, month: info.month, day, dir } }
    out.push(c)
    pushRangeStarts(norm, out, c)
  }
}

const RANGE_START_BEFORE = /(?<![\p{N}/.,])(?<d>\d{1,2})\s*(?:-|الي|حتي|و|او)\s*$/u

/** من 18 الى 22 فيفري 2015 · 25 و 26 و27 فيفري: the first days get their own mentions */
function pushRangeStarts(norm: string, out: Cand[], c: Cand): void {
  const day = c.abs?.d ?? (c.rel?.unit === 'yearless' ? c.rel.day : undefined)
  if (day === undefined || !/^\d/.test(norm.slice(c.s, c.s + 1))) return
  let pos = c.s
  for (let i = 0; i < 5; i++) {
    const slice = before(norm, pos, 16)
    const m = RANGE_START_BEFORE.exec(slice)
    if (!m) return
    const d = Number(m.groups!.d)
    if (d < 1 || d >= day) return
    const s = pos - slice.length + m.index
    const copy: Cand = { ...c, s, e: s + m.groups!.d!.length, prio: 2, rangeOf: c }
    if (c.abs) copy.abs = { ...c.abs, d }
    else if (c.rel?.unit === 'yearless') copy.rel = { ...c.rel, day: d }
    out.push(copy)
    pos = s
  }
}

/** 26/7/2021 · 2021-07-26 · 24- 10 – 1436هـ · 1436/10/15هـ */
function ruleNumericDates(norm: string, out: Cand[]): void {
  const rx = RX_NUMERIC_DATE
  rx.lastIndex = 0
  for (let m: RegExpExecArray | null; (m = rx.exec(norm)); ) {
    const g = m.groups!
    const y = Number(g.y ?? g.y2)
    const mo = Number(g.m ?? g.m2)
    const d = Number(g.d ?? g.d2)
    const mk = g.mk
    const hijri = isHijriMark(mk) || (!isGregMark(mk) && y >= 1300 && y <= 1500)
    if (mo < 1 || mo > 12 || d < 1) continue
    if (hijri ? y < 1 || y > 1600 || d > 30 : y < GREG_MIN || y > GREG_MAX || d > daysInGregorianMonth(y, mo)) continue
    if (labelBefore(norm, m.index)) continue
    out.push({ s: m.index, e: m.index + m[0].length, prio: 1, level: 'day', abs: { cal: hijri ? 'hijri' : 'gregorian', y, m: mo, d } })
  }
}

/** عام 2018 · العام 2008 · عامي 2014 و2015 · 2015م · 1436هـ · في 2008 · منذ 2003 */
function ruleYears(norm: string, out: Cand[]): void {
  let rx = RX_YEAR_WORD
  rx.lastIndex = 0
  for (let m: RegExpExecArray | null; (m = nextAtWordStart(rx, norm)); ) {
    const y = Number(m.groups!.y)
    const cal = yearCalendar(y, m.groups!.mk)
    const e = m.index + m[0].length
    if (!cal || unitFollows(norm, e) || bcFollows(norm, e)) continue
    out.push({ s: groupStart(m, 'w')!, e, prio: 1, level: 'year', abs: { cal, y } })
  }

  rx = RX_YEAR_PAIR
  rx.lastIndex = 0
  for (let m: RegExpExecArray | null; (m = nextAtWordStart(rx, norm)); ) {
    const y1 = Number(m.groups!.y1)
    const y2 = Number(m.groups!.y2)
    const c1 = yearCalendar(y1, undefined)
    const c2 = yearCalendar(y2, undefined)
    if (!c1 || !c2 || c1 !== c2 || y1 >= y2 || unitFollows(norm, groupEnd(m, 'y2')!) || bcFollows(norm, groupEnd(m, 'y2')!)) continue
    out.push({ s: groupStart(m, 'w')!, e: groupEnd(m, 'y1')!, prio: 1, level: 'year', abs: { cal: c1, y: y1 } })
    out.push({ s: groupStart(m, 'y2')!, e: groupEnd(m, 'y2')!, prio: 1, level: 'year', abs: { cal: c2, y: y2 } })
  }

  rx = RX_YEAR_MARKED
  rx.lastIndex = 0
  for (let m: RegExpExecArray | null; (m = rx.exec(norm)); ) {
    const g = m.groups!
    const y = Number(g.y)
    const hijri = isHijriMark(g.mk)
    if (hijri ? y < 1 || y > 1600 : g.y!.length !== 4 || y < 1800 || y > 2100) continue
    if (labelBefore(norm, m.index)) continue
    out.push({ s: m.index, e: m.index + m[0].length, prio: 2, level: 'year', abs: { cal: hijri ? 'hijri' : 'gregorian', y } })
  }

  rx = RX_YEAR_PREP
  rx.lastIndex = 0
  for (let m: RegExpExecArray | null; (m = rx.exec(norm)); ) {
    const y = Number(m.groups!.y)
    const e = groupEnd(m, 'y')!
    if (y < 1900 || y > 2099) continue
    if (m.groups!.prep !== undefined && !RX_YEAR_PREP_FOLLOW.test(norm.slice(e, e + 20))) continue
    if (unitFollows(norm, e) || bcFollows(norm, e)) continue
    out.push({ s: groupStart(m, 'y')!, e, prio: 3, level: 'year', abs: { cal: 'gregorian', y } })
  }
}

const DAY_WORD_NOT_TODAY = /^\s+(?:ال\p{L}|نفسه|ذاته)|^\s*\d/u
/** names ending in اليوم: newspapers and channels (عين اليوم، أخبار اليوم، روسيا اليوم، صحيفة اليوم) */
const TODAY_IN_A_NAME = /(?:^|[^\p{L}])(?:عين|اخبار|روسيا|امريكا|صحيفه|جريده|مجله|موقع|قناه|برنامج)\s+$/u
const QUOTE_BEFORE = /[«"“']\s*$/u
const QUOTE_AFTER = /^\s*[»"”']/u

/** a time of day and/or يوم just before pos: فجر · صباح يوم · يوم */
function todBefore(norm: string, pos: number): { s: number; tod: boolean; yawm: boolean } | undefined {
  const slice = before(norm, pos, 24)
  const m = RX_TOD_BEFORE.exec(slice)
  if (!m) return undefined
  const g = m.groups!
  return { s: pos - slice.length + m.index, tod: g.tod !== undefined, yawm: g.yawm !== undefined || g.yawm2 !== undefined }
}

/** اليوم · أمس · أول أمس · غداً · بعد غد — with an optional time of day and weekday */
function ruleDayWords(norm: string, out: Cand[]): void {
  const rx = RX_DAY_WORD
  rx.lastIndex = 0
  for (let m: RegExpExecArray | null; (m = nextAtWordStart(rx, norm)); ) {
    const g = m.groups!
    const e = m.index + m[0].length
    const tb = todBefore(norm, m.index)
    let n: number
    if (g.today !== undefined) {
      n = 0
      if (g.wd === undefined) {
        if (DAY_WORD_NOT_TODAY.test(norm.slice(e, e + 20))) continue // اليوم الوطني، اليوم التالي، اليوم 15
        if (!tb) {
          if (/[بل]$/.test(before(norm, m.index, 1)) || /(?:^|\s)(?:في|كل|طوال|خلال|هذا|ذلك|نفس)\s+$/.test(before(norm, m.index, 8))) continue // مرتين في اليوم
          if (QUOTE_BEFORE.test(before(norm, m.index, 3)) || QUOTE_AFTER.test(norm.slice(e, e + 3))) continue // «اليوم» newspaper
          if (TODAY_IN_A_NAME.test(before(norm, m.index, 12))) continue // عين اليوم، روسيا اليوم
        }
      }
    } else if (g.yday2 !== undefined) n = -2
    else if (g.yday !== undefined) {
      if (g.yday === 'امس' && /ل$/.test(before(norm, m.index, 1))) continue // لامس: "touched"
      n = -1
    }
    else if (g.tmrw2 !== undefined) n = 2
    else {
      if (g.tmrw === 'غد' && !tb?.yawm) continue
      n = 1
    }
    const weekday = g.wd !== undefined ? WEEKDAYS.get(g.wd.slice(2)) : undefined
    out.push({ s: tb?.s ?? m.index, e, prio: 2, level: 'day', lead: true, rel: weekday === undefined ? { unit: 'day', n } : { unit: 'day', n, weekday } })
  }
}

const FRIDAY_NOT_A_DATE = /(?:^|[^\p{L}])(?:صلاه|صلوات|خطبه|خطبتي|خطب|خطيب|امام|جامع|مسجد|سوق|منابر|منبر)\s+$/u
/** a future verb right before a bare weekday: سيعقد الخميس، ستنطلق يوم الأحد، سوف يلتقي الاثنين */
const FUTURE_VERB_BEFORE = /(?:^|[^\p{L}])(?:[وف]?س(?!يار|يد|ته|نه|ياس|ينما|نوات|تين)[يتن]\p{L}{2,}|سوف\s+\p{L}+)\s+$/u
const BARE_AMBIGUOUS_OK = /^\s*(?:[،,.:؛)]|ان(?![\p{L}])|انه|انها|عن|علي)/u

/** يوم الاثنين · الأربعاء الماضي · الخميس المقبل · مساء السبت */
function ruleWeekdays(norm: string, out: Cand[]): void {
  const rx = RX_WEEKDAY
  rx.lastIndex = 0
  for (let m: RegExpExecArray | null; (m = nextAtWordStart(rx, norm)); ) {
    const g = m.groups!
    const name = g.wd!.slice(2)
    const weekday = WEEKDAYS.get(name)
    if (weekday === undefined) continue
    const e = m.index + m[0].length
    const tb = todBefore(norm, m.index)
    if (!tb && g.rel === undefined) {
      // a bare weekday: الأحد and الاثنين are also "the One" and "the two"; الجمعة also the prayer
      if ((name === 'احد' || name === 'اثنين') && !BARE_AMBIGUOUS_OK.test(norm.slice(e, e + 8))) continue
      if (name === 'جمعه' && FRIDAY_NOT_A_DATE.test(before(norm, m.index, 12))) continue
    }
    const dir =
      g.rel !== undefined ? (relDirection(g.rel) === 'next' ? 'next' : 'past') : FUTURE_VERB_BEFORE.test(before(norm, tb?.s ?? m.index, 16)) ? 'coming' : 'last'
    out.push({ s: tb?.s ?? m.index, e, prio: 2, level: 'day', lead: true, rel: { unit: 'weekday', weekday, dir } })
  }
}

const BARE_PERIOD_NOT = /^\s+(?:ال(?:مالي|دراسي|هجري|ميلادي|قمري|شمسي)(?:ه)?|\d)/u

/** الأسبوع الماضي · الشهر الجاري · العام المقبل · هذا العام; bare العام/الشهر after a part word */
function rulePeriods(norm: string, out: Cand[]): void {
  const rx = RX_PERIOD
  rx.lastIndex = 0
  for (let m: RegExpExecArray | null; (m = nextAtWordStart(rx, norm)); ) {
    const g = m.groups!
    const unit = g.unit === 'اسبوع' ? 'week' : g.unit === 'شهر' ? 'month' : 'year'
    const thisBefore = RX_THIS_BEFORE.exec(before(norm, m.index, 8))
    let n = 0
    let needsPart = false
    if (g.rel !== undefined) {
      const dir = relDirection(g.rel)
      n = dir === 'past' ? -1 : dir === 'next' ? 1 : 0
    } else if (!thisBefore) {
      // bare: نهاية العام, منتصف الشهر, الربع الأول من العام
      if (unit === 'week' || BARE_PERIOD_NOT.test(norm.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue
      needsPart = true
    }
    const s = thisBefore ? m.index - thisBefore[0].length : m.index
    out.push({ s, e: m.index + m[0].length, prio: 2, level: unit, rel: { unit, n }, needsPart })
  }
}

const FISCAL_AFTER = /^\s+من\s+(?:ال)?(?:سنه|عام)\s+(?:ال)?مالي/u
const QUARTER_CONTEXT = /(?:^|[^\p{L}])(?:خلال|في|عن|منذ|حتي|نتائج|ارباح|مبيعات|ايرادات|عائدات)\s+$/u

/** خلال الربع الثاني (of the reference year) */
function ruleQuarters(norm: string, out: Cand[]): void {
  const rx = RX_QUARTER
  rx.lastIndex = 0
  for (let m: RegExpExecArray | null; (m = nextAtWordStart(rx, norm)); ) {
    if (!QUARTER_CONTEXT.test(before(norm, m.index, 14))) continue
    const e = m.index + m[0].length
    if (FISCAL_AFTER.test(norm.slice(e, e + 30))) continue // الربع الثالث من السنة المالية: not the calendar year
    const q = m.groups!.q!.split(/\s+/)[1]!
    out.push({ s: groupStart(m, 'q')!, e, prio: 3, level: 'year', rel: { unit: 'year', n: 0 }, part: QUARTERS[q] })
  }
}

/** بداية/منتصف/نهاية … and الربع الأول من … extend the month or year candidate they precede */
function attachParts(norm: string, cands: Cand[]): void {
  for (const c of cands) {
    if (c.part || (c.level !== 'month' && c.level !== 'year')) continue
    const slice = before(norm, c.s)
    const m = RX_PART_BEFORE.exec(slice)
    if (!m) continue
    const g = m.groups!
    const part = g.part !== undefined ? PART_WORDS[g.part] : c.level === 'year' ? QUARTERS[g.q!] : undefined
    if (!part) continue
    c.part = part
    c.s = c.s - slice.length + groupStart(m, 'w')!
    c.needsPart = false
  }
}

// ---------------------------------------------------------------- overlaps and merges

function pickLongest(cands: Cand[]): Cand[] {
  const order = [...cands].sort((a, b) => b.e - b.s - (a.e - a.s) || a.prio - b.prio || a.s - b.s)
  const kept: Cand[] = []
  for (const c of order) if (!kept.some((k) => c.s < k.e && k.s < c.e)) kept.push(c)
  return kept.sort((a, b) => a.s - b.s)
}

const LEVEL_RANK: Record<Level, number> = { day: 0, week: 1, month: 2, year: 3 }
const isDated = (c: Cand) => c.abs !== undefined || c.rel?.unit === 'yearless'
const calendarOf = (c: Cand): Calendar | undefined => c.abs?.cal ?? (c.rel?.unit === 'yearless' ? c.rel.calendar : undefined)

/** 25 شوال 1436هـ الموافق 10 أغسطس 2015م → one mention; the Gregorian date wins, the Hijri one is its twin */
function mergeTwins(norm: string, cands: Cand[]): Cand[] {
  const out: Cand[] = []
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i]!
    const b = cands[i + 1]
    if (b?.rangeOf && b.rangeOf === cands[i + 2] && isDated(a) && calendarOf(a) === 'hijri' && calendarOf(b) === 'gregorian') {
      // 19 - 21 شوال 1436هـ الموافق 4 - 6 أغسطس 2015م: the range ends are the twins, "4" goes with "19"
      const c = cands[i + 2]!
      if (RX_TWIN_GAP.test(norm.slice(a.e, b.s)) && /وافق|[(]/.test(norm.slice(a.e, b.s))) {
        out.push({ ...c, s: a.s, twin: a, lead: false })
        i += 2
        continue
      }
    }
    if (b && isDated(a) && isDated(b) && !a.part && !b.part && !a.rangeOf && !b.rangeOf) {
      const ca = calendarOf(a)
      const cb = calendarOf(b)
      const gap = norm.slice(a.e, b.s)
      const marked = /\S/.test(gap) ? /وافق|[(/-]/.test(gap) : ca === 'hijri' && /ه(?:جري(?:ه)?)?$/.test(norm.slice(a.s, a.e)) // 1436هـ 2015م
      if (ca !== cb && RX_TWIN_GAP.test(gap) && marked) {
        let [greg, hij] = ca === 'gregorian' ? [a, b] : [b, a]
        // the Gregorian date wins unless the Hijri one is more precise (16 رمضان 1395هـ (1975م))
        if (LEVEL_RANK[hij.level] < LEVEL_RANK[greg.level]) [greg, hij] = [hij, greg]
        let e = b.e
        if (gap.includes('(')) {
          const close = /^\s*\)/.exec(norm.slice(e, e + 4))
          if (close) e += close[0].length
        }
        out.push({ ...greg, s: a.s, e, twin: hij, lead: false })
        i++
        continue
      }
    }
    out.push(a)
  }
  return out
}

/** يوم الاثنين 18/10/1436هـ · اليوم الاثنين 19 ماي 2014 → the explicit date, spanning the weekday */
function mergeLeads(norm: string, cands: Cand[]): Cand[] {
  const out: Cand[] = []
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i]!
    const b = cands[i + 1]
    if (b && a.lead && isDated(b) && b.level === 'day' && !b.rangeOf && RX_LEAD_GAP.test(norm.slice(a.e, b.s))) {
      out.push({ ...b, s: a.s })
      i++
      continue
    }
    out.push(a)
  }
  return out
}

// ---------------------------------------------------------------- resolution

function resolveAbs(a: Abs): Resolved {
  if (a.cal === 'gregorian') {
    if (a.d !== undefined) return { date: isoDay(a.y, a.m!, a.d), precision: 'day' }
    if (a.m !== undefined) return { date: isoMonth(a.y, a.m), precision: 'month' }
    return { date: isoYear(a.y), precision: 'year' }
  }
  if (a.d !== undefined) return { date: isoEpochDay(hijriToEpochDay(a.y, a.m!, a.d)), precision: 'day', hijri: isoDay(a.y, a.m!, a.d) }
  if (a.m !== undefined) {
    const g = hijriMonthToGregorianMonth(a.y, a.m)
    return { date: isoMonth(g.y, g.m), precision: 'month', hijri: isoMonth(a.y, a.m) }
  }
  return { date: isoYear(hijriYearToGregorianYear(a.y)), precision: 'year', hijri: isoYear(a.y) }
}

/** a date to resolve a twin against: the day, or the middle of the month or year */
function referenceOf(r: Resolved): Ymd | undefined {
  if (!r.date) return undefined
  const [y, m, d] = r.date.split('-').map(Number) as [number, number?, number?]
  return { y, m: m ?? 7, d: d ?? (m ? 15 : 1) }
}

const MARKS = /[\u064b-\u065f\u0670\u0640\u06d6-\u06ed]/

function finish(text: string, norm: string, map: Int32Array, cands: Cand[], ref: Ymd | undefined): DateMention[] {
  const out: DateMention[] = []
  let anchorG: number | undefined // the last explicit Gregorian year in this sentence
  let anchorH: number | undefined // … and Hijri year
  let prevEnd = 0
  for (const c of cands) {
    if (RX_SENTENCE_BREAK.test(norm.slice(prevEnd, c.s))) anchorG = anchorH = undefined
    prevEnd = c.e

    let r: Resolved | undefined
    let relative = false
    const calendar: Calendar = calendarOf(c) ?? 'gregorian'
    const twin = c.twin
    let twinR: Resolved | undefined

    if (c.abs) {
      r = resolveAbs(c.abs)
      if (twin) {
        if (twin.abs) twinR = resolveAbs(twin.abs)
        else if (twin.rel) {
          const local = referenceOf(r)
          if (local) twinR = resolveRelative({ ...twin.rel, ...(twin.rel.unit === 'yearless' ? { dir: 'near' } : {}) } as RelSpec, local)
        }
      }
    } else if (c.rel) {
      const rel = c.rel
      if (twin?.abs) {
        // 15 أغسطس الموافق 30 شوال 1436هـ: the Hijri twin gives the year
        twinR = resolveAbs(twin.abs)
        const local = referenceOf(twinR)
        r = local ? resolveRelative(rel.unit === 'yearless' ? { ...rel, dir: 'near' } : rel, local) : undefined
      } else {
        relative = true
        const anchor = rel.unit === 'yearless' && rel.dir === 'near' ? (rel.calendar === 'hijri' ? anchorH : anchorG) : undefined
        if (anchor !== undefined && rel.unit === 'yearless') r = resolveInYear(rel.calendar, rel.month, rel.day, anchor)
        else if (ref) r = resolveRelative(rel, ref)
      }
    }
    if (c.abs?.cal === 'gregorian') anchorG = c.abs.y
    if (c.abs?.cal === 'hijri') {
      anchorH = c.abs.y
      if (r) anchorG = Number(r.date.slice(0, 4))
    }
    if (twin?.abs?.cal === 'hijri') anchorH = twin.abs.y
    if (twin?.abs?.cal === 'gregorian') anchorG = twin.abs.y

    let precision: Precision = r?.precision ?? c.level
    if (c.part && precision === 'year') precision = 'part'
    const hijri = twinR?.hijri ?? r?.hijri

    const start = map[c.s]!
    let end = map[c.e - 1]! + 1
    while (end < text.length && MARKS.test(text[end]!)) end++
    const mention: DateMention = { text: text.slice(start, end), start, end, date: r?.date ?? '', precision, calendar }
    if (c.part) mention.part = c.part
    if (relative) {
      mention.relative = true
      mention.resolved = r !== undefined
    }
    if (hijri) mention.hijri = hijri
    if (relative && c.rel) mention.rel = c.rel
    out.push(mention)
  }
  return out
}
