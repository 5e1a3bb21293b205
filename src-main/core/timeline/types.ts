import type { Calendar } from './months'

export type { Calendar }

/**
 * How precise a date is, from the most to the least precise:
 *   'day'   — date is YYYY-MM-DD
 *   'week'  — date is YYYY-MM-DD, the same weekday in the week meant (الأسبوع الماضي = reference − 7 days)
 *   'month' — date is YYYY-MM; with `part` set it is a part of that month (نهاية شهر كانون الأول)
 *   'part'  — date is YYYY and `part` says which part of the year (بداية العام 2022, الربع الأول من عام 2015)
 *   'year'  — date is YYYY
 * The seed timeline file writes a part of a year as precision "year" + part: precision 'part' here
 * (see toTimelinePrecision).
 */
export type Precision = 'day' | 'week' | 'month' | 'part' | 'year'

export type Part = 'early' | 'mid' | 'late' | 'q1' | 'q2' | 'q3' | 'q4'

/** What a relative or yearless expression means, so it can be resolved again once a reference date is known. */
export type RelSpec =
  /**
   * اليوم 0, أمس −1, أول أمس −2, غدا +1, بعد غد +2; with the weekday written next to it (اليوم السبت,
   * أمس الجمعة) the weekday wins: the date is that weekday on or before reference + n, since a reference
   * that is off is usually a crawl date a day or two after publication
   */
  | { unit: 'day'; n: number; weekday?: number }
  /**
   * a weekday (0 = Sunday): 'last' = the most recent on or before the reference (bare "يوم الاثنين"),
   * 'past' = strictly before (الاثنين الماضي), 'next' = strictly after (الاثنين المقبل),
   * 'coming' = the first on or after the reference (after a future verb: "سيعقد الخميس")
   */
  | { unit: 'weekday'; weekday: number; dir: 'last' | 'past' | 'next' | 'coming' }
  /** الأسبوع الماضي −1, الأسبوع الحالي/الجاري/هذا الأسبوع 0, الأسبوع المقبل/القادم +1 */
  | { unit: 'week'; n: number }
  /** العام الماضي −1, هذا العام 0, العام المقبل +1; with a month (and day): "أكتوبر من العام الماضي" */
  | { unit: 'year'; n: number; month?: number; day?: number }
  /** الشهر الماضي −1 …; with a day: "الأول من الشهر الجاري" */
  | { unit: 'month'; n: number; day?: number }
  /**
   * a month (and day) without a year: 'near' = the occurrence nearest the reference, 'past' (الماضي),
   * 'next' (المقبل), 'current' (الجاري/الحالي: the reference's year)
   */
  | { unit: 'yearless'; calendar: Calendar; month: number; day?: number; dir: 'near' | 'past' | 'next' | 'current' }

export interface DateMention {
  /** the exact original substring */
  text: string
  start: number
  end: number
  /** ISO 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD' (Gregorian); '' when relative and unresolved */
  date: string
  precision: Precision
  part?: Part
  /** the date depends on the reference date (اليوم، أمس، الاثنين الماضي، الشهر المقبل، 26 تموز without a year…) */
  relative?: boolean
  /** set on relative mentions: false when there was nothing to resolve them against */
  resolved?: boolean
  /** the Hijri date as written or implied: 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD' (Umm al-Qura) */
  hijri?: string
  /** the calendar the date was written in; 'gregorian' when both were given (the Gregorian twin wins) */
  calendar: Calendar
  /** for relative mentions: what to resolve against a reference date (see resolveRelative) */
  rel?: RelSpec
}

export interface ExtractOptions {
  /** publication date YYYY-MM-DD, used to resolve relative and yearless expressions */
  referenceDate?: string
}
