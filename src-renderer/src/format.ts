// Dates shown only as precisely as they are known: "2011" is not "1 January 2011".
import type { DatePrecision } from '../../src-main/core/model'
import type { Locale } from '@contract'

const OPTIONS: Record<Exclude<DatePrecision, 'unknown'>, Intl.DateTimeFormatOptions> = {
  datetime: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  day: { day: 'numeric', month: 'long', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  year: { year: 'numeric' },
}

export function formatArticleDate(date: string | null, precision: DatePrecision, locale: Locale): string | null {
  if (!date || precision === 'unknown') return null
  // A bare date is a calendar day, not a UTC instant: format it in UTC so it never shifts.
  const instant = precision === 'datetime' ? new Date(date) : new Date(`${calendarDay(date)}T00:00:00Z`)
  if (Number.isNaN(instant.getTime())) return date
  return new Intl.DateTimeFormat(locale === 'ar' ? 'ar' : 'en-GB', {
    ...OPTIONS[precision],
    ...(precision === 'datetime' ? {} : { timeZone: 'UTC' }),
  }).format(instant)
}

/** `2011` → `2011-01-01`, `2011-07` → `2011-07-01`, `2011-07-26…` → `2011-07-26`. */
function calendarDay(date: string): string {
  const [y, m = '01', d = '01'] = date.slice(0, 10).split('-')
  return `${y}-${m}-${d}`
}
