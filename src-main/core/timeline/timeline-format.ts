import type { DateMention } from './types'

/**
 * The precision as the seed's *.timeline.json writes it: a part of a year (precision 'part' here)
 * is "year" + part there, a part of a month is "month" + part in both, and a week is written as "day"
 * (its date is a day). Everything else is the same word.
 */
export function toTimelinePrecision(m: Pick<DateMention, 'precision'>): 'day' | 'month' | 'year' {
  switch (m.precision) {
    case 'part':
    case 'year':
      return 'year'
    case 'month':
      return 'month'
    default:
      return 'day'
  }
}
