// A timeline as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Arabic), CRLF
// line ends, every field quoted. Columns: date, precision, part, hijri, label, sources (each source
// as "title — outlet, publication date [article id]", joined by " | "). Only visible events, in order.
// A field a spreadsheet would run as a formula (starting with = + - @) gets a leading apostrophe.
import type { Timeline } from '../events-types'
import { visibleEvents } from './html'

export const CSV_COLUMNS = ['date', 'precision', 'part', 'hijri', 'label', 'sources'] as const

const cell = (v: string): string => {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  return `"${safe.replace(/"/g, '""')}"`
}

export function timelineCsv(t: Pick<Timeline, 'events'>): string {
  const rows = visibleEvents(t).map((e) =>
    [
      e.date,
      e.unresolved ? 'unresolved' : e.precision,
      e.part ?? '',
      e.hijri ?? '',
      e.label,
      e.sources.map((s) => `${s.title}${s.source ? ` — ${s.source}` : ''}${s.date ? `, ${s.date.slice(0, 10)}` : ''} [${s.articleId}]`).join(' | '),
    ]
      .map(cell)
      .join(','),
  )
  return '\ufeff' + [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n'
}
