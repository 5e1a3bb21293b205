// Month-name tables. Names are written here as people write them; they are normalised
// (normalize.ts: أ/إ/آ → ا, ى → ي, ة → ه, no diacritics) when the patterns are built.

import { norm } from './normalize'

export type Calendar = 'gregorian' | 'hijri'

export interface MonthName {
  /** normalised spelling, words separated by one space */
  name: string
  month: number
  calendar: Calendar
  /**
   * The word has another common meaning (مارس "he practised", آب/أب "father", يوليه "he entrusts it", صفر "zero",
   * رجب/شعبان/رمضان personal names, …): accept it only with a day, a year, "شهر" or a twin name.
   */
  weak: boolean
  region: string
}

const GREGORIAN: [region: string, names: string[]][] = [
  // Levantine / Iraqi
  ['levant', ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول']],
  // Egyptian / Gulf (with and without hamza, old Egyptian -يه spellings)
  ['egypt', ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر']],
  // Tunisia / Algeria (French-derived)
  ['maghreb', ['جانفي', 'فيفري', 'مارس', 'أفريل', 'ماي', 'جوان', 'جويلية', 'أوت', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر']],
  // Morocco
  ['morocco', ['يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو', 'يوليوز', 'غشت', 'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر']],
]

/** Other spellings seen in print: [name, month]. */
const GREGORIAN_VARIANTS: [string, number][] = [
  ['كانون ثاني', 1], ['تشرين أول', 10], ['تشرين ثاني', 11], ['كانون أول', 12],
  ['إبريل', 4], ['ابريل', 4], ['يونيه', 6], ['يوليه', 7], ['اغسطس', 8], ['أغسطوس', 8], ['دسمبر', 12],
  ['فبرير', 2], ['مايس', 5], // Iraqi "مايس" for May
  ['جانفييه', 1], ['فيفرييه', 2], ['جويليه', 7],
]

/** Names that are also ordinary words or names: never taken alone. */
const WEAK_NAMES = new Set(['مارس', 'آب', 'ماي', 'مايس', 'جوان', 'أوت', 'غشت', 'يوليه'].map(norm))

const HIJRI: [string, number][] = [
  ['محرم', 1], ['المحرم', 1],
  ['صفر', 2],
  ['ربيع الأول', 3], ['ربيع أول', 3],
  ['ربيع الآخر', 4], ['ربيع الثاني', 4], ['ربيع آخر', 4], ['ربيع ثاني', 4],
  ['جمادى الأولى', 5], ['جمادى الأول', 5], ['جمادى أولى', 5], ['جمادي الأولى', 5],
  ['جمادى الآخرة', 6], ['جمادى الثانية', 6], ['جمادى الآخر', 6], ['جمادى الثاني', 6], ['جمادى آخرة', 6],
  ['رجب', 7],
  ['شعبان', 8],
  ['رمضان', 9],
  ['شوال', 10],
  ['ذو القعدة', 11], ['ذي القعدة', 11], ['ذا القعدة', 11],
  ['ذو الحجة', 12], ['ذي الحجة', 12], ['ذا الحجة', 12],
]

function build(): MonthName[] {
  const seen = new Map<string, MonthName>()
  const add = (raw: string, month: number, calendar: Calendar, region: string) => {
    const name = norm(raw).replace(/\s+/g, ' ')
    if (seen.has(name)) return
    const weak = calendar === 'hijri' || WEAK_NAMES.has(name)
    seen.set(name, { name, month, calendar, weak, region })
  }
  for (const [region, names] of GREGORIAN) names.forEach((n, i) => add(n, i + 1, 'gregorian', region))
  for (const [n, m] of GREGORIAN_VARIANTS) add(n, m, 'gregorian', 'variant')
  for (const [n, m] of HIJRI) add(n, m, 'hijri', 'hijri')
  return [...seen.values()]
}

export const MONTH_NAMES: readonly MonthName[] = build()

const BY_NAME = new Map(MONTH_NAMES.map((m) => [m.name, m]))

/** Look a normalised month name up (any run of spaces counts as one). */
export function monthByName(name: string): MonthName | undefined {
  return BY_NAME.get(name.replace(/\s+/g, ' '))
}

/** Regex source matching any month name of the given calendars, longest first; spaces match \s+. */
export function monthAlternation(calendars: Calendar[] = ['gregorian', 'hijri']): string {
  return MONTH_NAMES.filter((m) => calendars.includes(m.calendar))
    .map((m) => m.name)
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/ /g, '\\s+'))
    .join('|')
}

// ---- ordinal day numbers: الأول … الحادي والثلاثين (written before "من <month>") ----

const UNITS = ['الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع', 'العاشر']
const UNITS_COMPOUND = ['الحادي', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع']

function buildOrdinals(): Map<string, number> {
  const m = new Map<string, number>()
  UNITS.forEach((u, i) => m.set(norm(u), i + 1))
  UNITS_COMPOUND.forEach((u, i) => m.set(norm(`${u} عشر`), i + 11))
  for (const [tens, base] of [['العشرين', 20], ['العشرون', 20], ['الثلاثين', 30], ['الثلاثون', 30]] as const) {
    m.set(norm(tens), base)
    const max = base === 20 ? 9 : 1
    for (let i = 0; i < max; i++) m.set(norm(`${UNITS_COMPOUND[i]} و${tens}`), base + i + 1)
  }
  return m
}

export const ORDINAL_DAYS: ReadonlyMap<string, number> = buildOrdinals()

/** Regex source for the ordinal day words; "والعشرين" may also be written "و العشرين". */
export function ordinalAlternation(): string {
  return [...ORDINAL_DAYS.keys()]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/ و/g, '\\s+و\\s*').replace(/ /g, '\\s+'))
    .join('|')
}

export function ordinalValue(s: string): number | undefined {
  return ORDINAL_DAYS.get(s.replace(/\s+و\s*/g, ' و').replace(/\s+/g, ' '))
}

// ---- weekdays (0 = Sunday, as Date.getUTCDay) ----

export const WEEKDAYS: ReadonlyMap<string, number> = new Map(
  [['أحد', 0], ['اثنين', 1], ['إثنين', 1], ['ثلاثاء', 2], ['أربعاء', 3], ['خميس', 4], ['جمعة', 5], ['سبت', 6]].map(
    ([n, d]) => [norm(n as string), d as number],
  ),
)
