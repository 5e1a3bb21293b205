// How an event's date reads in an export: as precise as it is known, never more ("2011", not
// "1 January 2011"), in Arabic (default) or English, with Western digits, as the archive shows them.
import { gregorianToHijri } from '../hijri'
import type { TimelineEvent } from '../events-types'
import { GREGORIAN_MONTHS, HIJRI_ERA, HIJRI_MONTHS, partOf, type DateLocale } from './date-words'

export type ExportLocale = DateLocale

const UNDATED: Record<ExportLocale, string> = { ar: 'تاريخ غير محدد', en: 'undated' }

/** "26 يوليو 2021", "يوليو 2021", "أواخر ديسمبر 2021", "أوائل 2022", "الربع الأول من 2015", "2011". */
export function formatEventDate(e: Pick<TimelineEvent, 'date' | 'precision' | 'part' | 'unresolved'>, locale: ExportLocale = 'ar'): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(e.date)
  if (e.unresolved || !m) return UNDATED[locale]
  const year = String(Number(m[1]))
  const month = m[2] ? GREGORIAN_MONTHS[locale][Number(m[2]) - 1] : undefined
  const what = m[3] ? `${Number(m[3])} ${month} ${year}` : month ? `${month} ${year}` : year
  return e.part && !m[3] ? partOf(e.part, what, locale) : what
}

/** "30 شوال 1436هـ" from a Hijri ISO-like date; a day-precise event without one gets it computed. */
export function formatHijri(e: Pick<TimelineEvent, 'date' | 'hijri' | 'unresolved'>, locale: ExportLocale = 'ar'): string {
  let hijri = e.hijri
  if (!hijri && !e.unresolved && /^\d{4}-\d{2}-\d{2}$/.test(e.date)) {
    const [y, mo, d] = e.date.split('-').map(Number) as [number, number, number]
    const h = gregorianToHijri(y, mo, d)
    hijri = `${h.y}-${String(h.m).padStart(2, '0')}-${String(h.d).padStart(2, '0')}`
  }
  const m = hijri ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(hijri) : null
  if (!m) return ''
  const month = m[2] ? HIJRI_MONTHS[locale][Number(m[2]) - 1] : undefined
  const text = [m[3] ? String(Number(m[3])) : '', month ?? '', String(Number(m[1]))].filter(Boolean).join(' ')
  return locale === 'ar' ? `${text}${HIJRI_ERA.ar}` : `${text} ${HIJRI_ERA.en}`
}

/** An article's publication date as a short line: "2015-08-06" → "6 أغسطس 2015". */
export function formatPublished(date: string | null, locale: ExportLocale = 'ar'): string {
  if (!date) return ''
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date)
  if (!m) return ''
  const precision = m[3] ? 'day' : m[2] ? 'month' : 'year'
  return formatEventDate({ date: m[0], precision }, locale)
}
