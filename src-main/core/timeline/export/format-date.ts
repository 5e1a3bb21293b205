// How an event's date reads in an export: as precise as it is known, never more ("2011", not
// "1 January 2011"), in Arabic (default) or English, with Western digits, as the archive shows them.
import { gregorianToHijri } from '../hijri'
import type { Part, TimelineEvent } from '../events-types'

export type ExportLocale = 'ar' | 'en'

const GREGORIAN: Record<ExportLocale, string[]> = {
  ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
}
const HIJRI: Record<ExportLocale, string[]> = {
  ar: ['محرم', 'صفر', 'ربيع الأول', 'ربيع الآخر', 'جمادى الأولى', 'جمادى الآخرة', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة'],
  en: ['Muharram', 'Safar', 'Rabi al-Awwal', 'Rabi al-Thani', 'Jumada al-Ula', 'Jumada al-Akhira', 'Rajab', 'Shaban', 'Ramadan', 'Shawwal', 'Dhu al-Qada', 'Dhu al-Hijja'],
}
const PARTS: Record<ExportLocale, Record<Part, (what: string) => string>> = {
  ar: {
    early: (w) => `أوائل ${w}`,
    mid: (w) => `منتصف ${w}`,
    late: (w) => `أواخر ${w}`,
    q1: (w) => `الربع الأول من ${w}`,
    q2: (w) => `الربع الثاني من ${w}`,
    q3: (w) => `الربع الثالث من ${w}`,
    q4: (w) => `الربع الرابع من ${w}`,
  },
  en: {
    early: (w) => `early ${w}`,
    mid: (w) => `mid ${w}`,
    late: (w) => `late ${w}`,
    q1: (w) => `Q1 ${w}`,
    q2: (w) => `Q2 ${w}`,
    q3: (w) => `Q3 ${w}`,
    q4: (w) => `Q4 ${w}`,
  },
}
const UNDATED: Record<ExportLocale, string> = { ar: 'تاريخ غير محدد', en: 'undated' }

/** "26 يوليو 2021", "يوليو 2021", "أواخر ديسمبر 2021", "أوائل 2022", "الربع الأول من 2015", "2011". */
export function formatEventDate(e: Pick<TimelineEvent, 'date' | 'precision' | 'part' | 'unresolved'>, locale: ExportLocale = 'ar'): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(e.date)
  if (e.unresolved || !m) return UNDATED[locale]
  const year = String(Number(m[1]))
  const month = m[2] ? GREGORIAN[locale][Number(m[2]) - 1] : undefined
  const what = m[3] ? `${Number(m[3])} ${month} ${year}` : month ? `${month} ${year}` : year
  return e.part && !m[3] ? PARTS[locale][e.part](what) : what
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
  const month = m[2] ? HIJRI[locale][Number(m[2]) - 1] : undefined
  const text = [m[3] ? String(Number(m[3])) : '', month ?? '', String(Number(m[1]))].filter(Boolean).join(' ')
  return locale === 'ar' ? `${text}هـ` : `${text} AH`
}

/** An article's publication date as a short line: "2015-08-06" → "6 أغسطس 2015". */
export function formatPublished(date: string | null, locale: ExportLocale = 'ar'): string {
  if (!date) return ''
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date)
  if (!m) return ''
  const precision = m[3] ? 'day' : m[2] ? 'month' : 'year'
  return formatEventDate({ date: m[0], precision }, locale)
}
