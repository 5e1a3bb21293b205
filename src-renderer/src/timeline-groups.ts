// The chronology's headings at each zoom: decade → years, year → months, month → days. An event is
// never filed more precisely than it is known: at the month zoom "2011" gets a heading of its own
// ("2011") instead of pretending to be in January, and "أواخر 2011" sits after August 2011.
import type { Locale } from '@contract'
import { compareDated, dateSpan, formatDay, formatEventDate, formatMonth, parseDate, type DatedLike, type TimelinePart } from './timeline-dates'

export type Zoom = 'decade' | 'year' | 'month'
export const ZOOMS: readonly Zoom[] = ['decade', 'year', 'month']

/** A stretch of time a heading stands for. */
export type Period =
  | { kind: 'decade'; decade: number }
  | { kind: 'year'; year: number }
  | { kind: 'part'; year: number; part: TimelinePart }
  | { kind: 'month'; year: number; month: number }
  /** a part of a month ("أواخر تموز/يوليو 2011") */
  | { kind: 'month-part'; year: number; month: number; part: TimelinePart }
  | { kind: 'day'; year: number; month: number; day: number }
  | { kind: 'undated' }

type Level = 'decade' | 'year' | 'month' | 'day'

/** The heading levels of each zoom: the outer one, then the inner one. */
const LEVELS: Record<Zoom, [Level, Level]> = { decade: ['decade', 'year'], year: ['year', 'month'], month: ['month', 'day'] }

/** The period an event falls in at one level, no finer than the event itself is known. */
export function periodOf(e: DatedLike, level: Level): Period {
  const p = parseDate(e.date)
  if (!p) return { kind: 'undated' }
  if (level === 'decade') return { kind: 'decade', decade: Math.floor(p.year / 10) * 10 }
  if (level === 'year' || p.month === undefined) {
    if (level !== 'year' && e.precision === 'part' && e.part) return { kind: 'part', year: p.year, part: e.part }
    return { kind: 'year', year: p.year }
  }
  if (level === 'month' || p.day === undefined || e.precision === 'month') {
    if (level === 'day' && e.part) return { kind: 'month-part', year: p.year, month: p.month, part: e.part }
    return { kind: 'month', year: p.year, month: p.month }
  }
  return { kind: 'day', year: p.year, month: p.month, day: p.day }
}

export function periodKey(p: Period): string {
  switch (p.kind) {
    case 'decade': return `${p.decade}s`
    case 'year': return String(p.year)
    case 'part': return `${p.year}-${p.part}`
    case 'month': return `${p.year}-${String(p.month).padStart(2, '0')}`
    case 'month-part': return `${p.year}-${String(p.month).padStart(2, '0')}-${p.part}`
    case 'day': return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
    case 'undated': return 'undated'
  }
}

/** The period as a dated thing, to order headings the way events are ordered. */
function periodAsDated(p: Period): DatedLike {
  switch (p.kind) {
    case 'decade': return { date: String(p.decade), precision: 'year' }
    case 'year': return { date: String(p.year), precision: 'year' }
    case 'part': return { date: String(p.year), precision: 'part', part: p.part }
    case 'month': return { date: periodKey(p), precision: 'month' }
    case 'month-part': return { date: periodKey({ kind: 'month', year: p.year, month: p.month }), precision: 'month', part: p.part }
    case 'day': return { date: periodKey(p), precision: 'day' }
    case 'undated': return { date: '', precision: 'year' }
  }
}

/** The heading's words: "العقد 2010" is written as "2010–2019"; an undated heading is named by the caller. */
export function periodLabel(p: Period, locale: Locale): string {
  switch (p.kind) {
    case 'decade': return `${p.decade}–${p.decade + 9}`
    case 'year': return String(p.year)
    case 'part': return formatEventDate({ date: String(p.year), precision: 'part', part: p.part }, locale)
    case 'month': return formatMonth(p.year, p.month, locale)
    case 'month-part': return formatEventDate({ date: periodKey({ kind: 'month', year: p.year, month: p.month }), precision: 'month', part: p.part }, locale)
    case 'day': return formatDay(p.year, p.month, p.day, locale)
    case 'undated': return ''
  }
}

export interface Subgroup<E> {
  key: string
  period: Period
  events: E[]
}
export interface Group<E> {
  key: string
  period: Period
  subgroups: Subgroup<E>[]
  /** events in all the subgroups */
  count: number
}

/** Chronological order of headings: earlier first, the wider one first when two start together. */
function comparePeriods(a: Period, b: Period): number {
  if (a.kind === 'decade' && b.kind === 'decade') return a.decade - b.decade
  return compareDated(periodAsDated(a), periodAsDated(b))
}

/** Files events (already sorted or not) under the zoom's two levels of headings, all in chronological order. */
export function groupEvents<E extends DatedLike>(events: readonly E[], zoom: Zoom): Group<E>[] {
  const [outer, inner] = LEVELS[zoom]
  const groups = new Map<string, { period: Period; subgroups: Map<string, Subgroup<E>> }>()
  for (const e of [...events].sort(compareDated)) {
    const op = periodOf(e, outer)
    const ok = periodKey(op)
    let g = groups.get(ok)
    if (!g) groups.set(ok, (g = { period: op, subgroups: new Map() }))
    const ip = periodOf(e, inner)
    const ik = periodKey(ip)
    let s = g.subgroups.get(ik)
    if (!s) g.subgroups.set(ik, (s = { key: ik, period: ip, events: [] }))
    s.events.push(e)
  }
  return [...groups.entries()]
    .map(([key, g]) => {
      const subgroups = [...g.subgroups.values()].sort((a, b) => comparePeriods(a.period, b.period))
      return { key, period: g.period, subgroups, count: subgroups.reduce((n, s) => n + s.events.length, 0) }
    })
    .sort((a, b) => comparePeriods(a.period, b.period))
}

/** The first and last day the events cover ('' when none is dated), for the view's summary line. */
export function coveredRange(events: readonly DatedLike[]): { from: string; to: string } {
  let from = ''
  let to = ''
  for (const e of events) {
    const s = dateSpan(e)
    if (!s) continue
    if (!from || s.start < from) from = s.start
    if (!to || s.end > to) to = s.end
  }
  return { from, to }
}
