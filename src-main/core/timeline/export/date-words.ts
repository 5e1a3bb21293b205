// The words of a timeline date — Gregorian and Hijri month names, the parts of a year, the Hijri era —
// in Arabic and English, written once for the exports (Node) and the timeline view (the renderer).
// Renderer-safe: no Node module, type imports only.
import type { Part } from '../types'

export type DateLocale = 'ar' | 'en'

/** Gregorian months as the Gulf and Egypt name them (يناير), and in English. */
export const GREGORIAN_MONTHS: Record<DateLocale, readonly string[]> = {
  ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
}

/** The same months as the Levant and Iraq name them (كانون الثاني is January). */
export const LEVANTINE_MONTHS: readonly string[] = ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول']

export const HIJRI_MONTHS: Record<DateLocale, readonly string[]> = {
  ar: ['محرم', 'صفر', 'ربيع الأول', 'ربيع الآخر', 'جمادى الأولى', 'جمادى الآخرة', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة'],
  en: ['Muharram', 'Safar', 'Rabi al-Awwal', 'Rabi al-Thani', 'Jumada al-Ula', 'Jumada al-Akhira', 'Rajab', 'Shaban', 'Ramadan', 'Shawwal', 'Dhu al-Qada', 'Dhu al-Hijja'],
}

/** The era written after a Hijri year: 1436هـ, 1436 AH. */
export const HIJRI_ERA: Record<DateLocale, string> = { ar: 'هـ', en: 'AH' }

const PARTS: Record<DateLocale, Record<Part, (what: string) => string>> = {
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
    mid: (w) => `mid-${w}`,
    late: (w) => `late ${w}`,
    q1: (w) => `Q1 ${w}`,
    q2: (w) => `Q2 ${w}`,
    q3: (w) => `Q3 ${w}`,
    q4: (w) => `Q4 ${w}`,
  },
}

/**
 * A part of a year or of a month: "أواخر 2011", "الربع الأول من 2015", "mid-December 2021". English
 * takes a capital where the date starts a sentence or stands alone as a heading ("Late 2011"), and
 * none inside a sentence; Arabic has no capitals.
 */
export function partOf(part: Part, what: string, locale: DateLocale, at: 'start' | 'inline' = 'inline'): string {
  const text = PARTS[locale][part](what)
  return at === 'start' ? text.charAt(0).toUpperCase() + text.slice(1) : text
}
