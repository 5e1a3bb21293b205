// Between an event's date ('YYYY' | 'YYYY-MM' | 'YYYY-MM-DD' + precision + part) and the separate
// fields a person edits it in (TimelineDateFields.vue).
import type { EventPrecision, Part } from '../../src-main/api/contracts/timeline'
import { parseDate } from './timeline-dates'

export interface DateValue {
  year: string
  month: string
  day: string
  precision: EventPrecision
  part: Part | ''
}

/** The fields for an event's date; an undated event starts from `fallbackYear`. */
export function toDateValue(e: { date: string; precision: EventPrecision; part?: Part | null }, fallbackYear = new Date().getFullYear()): DateValue {
  const p = parseDate(e.date)
  return {
    year: String(p?.year ?? fallbackYear),
    month: String(p?.month ?? 1).padStart(2, '0'),
    day: p?.day ? String(p.day) : '1',
    precision: e.precision,
    part: e.part ?? '',
  }
}

/** The date the fields say, or null when they do not make one (a 31 February, a year of two digits). */
export function fromDateValue(v: DateValue): { date: string; precision: EventPrecision; part: Part | null } | null {
  const year = v.year.trim()
  if (!/^\d{4}$/.test(year)) return null
  const month = v.month.padStart(2, '0')
  const date = v.precision === 'year' || v.precision === 'part' ? year : v.precision === 'month' ? `${year}-${month}` : `${year}-${month}-${v.day.trim().padStart(2, '0')}`
  if (!parseDate(date)) return null
  const part = v.precision === 'part' ? v.part || 'early' : v.precision === 'month' ? v.part || null : null
  return { date, precision: v.precision, part }
}
