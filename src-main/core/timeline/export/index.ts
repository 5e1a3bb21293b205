// Exporting a timeline: PDF (printed from the HTML document, which numbers its own pages), HTML,
// CSV or JSON, as an ExportedFile the window offers as a download and the CLI writes to disk.
import { printPdfWithChromium, type PrintPdf } from '../../pdf'
import type { Timeline, TimelineExportFormat } from '../events-types'
import { timelineCsv } from './csv'
import { timelineHtml } from './html'
import { timelineJson } from './json'
import type { ExportLocale } from './format-date'

export { timelineHtml, escapeHtml, numberSources, visibleEvents } from './html'
export { timelineCsv, CSV_COLUMNS } from './csv'
export { timelineJson } from './json'
export { formatEventDate, formatHijri, type ExportLocale } from './format-date'

export interface ExportOptions {
  format: TimelineExportFormat
  hijri?: boolean
  locale?: ExportLocale
  /** HTML → PDF; Chromium through Playwright when not given */
  printPdf?: PrintPdf
}

export interface TimelineFile {
  fileName: string
  mime: string
  bytes: Buffer
}

const MIME: Record<TimelineExportFormat, string> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
}

/** A file name from the timeline's name: its letters kept, characters no file system takes replaced. */
export function exportFileName(name: string, format: TimelineExportFormat): string {
  const base = name
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 120)
  return `${base || 'timeline'}.${format}`
}

export async function exportTimeline(t: Pick<Timeline, 'name' | 'scope' | 'events'>, opts: ExportOptions): Promise<TimelineFile> {
  const fileName = exportFileName(t.name, opts.format)
  const mime = MIME[opts.format]
  switch (opts.format) {
    case 'csv':
      return { fileName, mime, bytes: Buffer.from(timelineCsv(t), 'utf8') }
    case 'json':
      return { fileName, mime, bytes: Buffer.from(timelineJson(t), 'utf8') }
    case 'html':
      return { fileName, mime, bytes: Buffer.from(timelineHtml(t, { locale: opts.locale, hijri: opts.hijri }), 'utf8') }
    case 'pdf': {
      const print = opts.printPdf ?? printPdfWithChromium
      const html = timelineHtml(t, { locale: opts.locale, hijri: opts.hijri })
      return { fileName, mime, bytes: await print(html) }
    }
  }
}
