// A timeline as one self-contained HTML document (the bundled fonts inlined, no script, nothing to
// load), for the HTML export and for printing to PDF. Every piece of article text goes through
// escapeHtml: a title or label holding markup stays text.
//
// Layout (A4, right to left): the title, the date range and counts; the events in order, each with
// its date (and Hijri twin when asked) and its label followed by superscript source numbers; then the
// numbered list of sources (title, outlet, publication date). An article cited by several events has
// one number, given in order of first citation. Every page says "صفحة N من M" at its foot.
import { embeddedFontCss, EXPORT_FONT_STACK } from '../../pdf'
import { compareEvents } from '../events'
import type { EventSource, Timeline, TimelineEvent } from '../events-types'
import { formatEventDate, formatHijri, formatPublished, type ExportLocale } from './format-date'

export interface HtmlOptions {
  locale?: ExportLocale
  /** show each event's Hijri date beside the Gregorian one */
  hijri?: boolean
  /** inline the bundled fonts (default true; the benchmark's baseline turns it off) */
  embedFonts?: boolean
}

const WORDS = {
  ar: {
    range: (from: string, to: string) => (from === to ? from : `من ${from} إلى ${to}`),
    counts: (events: number, sources: number) => `${events} ${events === 1 ? 'حدث' : 'حدثًا'} · ${sources} ${sources === 1 ? 'مصدر' : 'مصادر'}`,
    sources: 'المصادر',
    empty: 'لا أحداث في هذا الخط الزمني.',
    said: 'ورد بلفظ',
    /** CSS `content` for the page box: "صفحة 3 من 64" */
    page: (n: string, m: string) => `"صفحة " ${n} " من " ${m}`,
  },
  en: {
    range: (from: string, to: string) => (from === to ? from : `${from} – ${to}`),
    counts: (events: number, sources: number) => `${events} event${events === 1 ? '' : 's'} · ${sources} source${sources === 1 ? '' : 's'}`,
    sources: 'Sources',
    empty: 'This timeline has no events.',
    said: 'written as',
    page: (n: string, m: string) => `"Page " ${n} " of " ${m}`,
  },
} as const

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

/** The events an export shows: not hidden, in chronological order (unresolved ones last). */
export const visibleEvents = (t: Pick<Timeline, 'events'>): TimelineEvent[] => t.events.filter((e) => !e.hidden).sort(compareEvents)

/** Numbers the cited articles in order of first citation. */
export function numberSources(events: readonly TimelineEvent[]): { numberOf: Map<number, number>; list: EventSource[] } {
  const numberOf = new Map<number, number>()
  const list: EventSource[] = []
  for (const e of events)
    for (const s of e.sources)
      if (!numberOf.has(s.articleId)) {
        numberOf.set(s.articleId, list.length + 1)
        list.push(s)
      }
  return { numberOf, list }
}

// The page numbers are CSS margin boxes of the document itself, not a footer template: Chromium
// renders a footer template apart for every page (a page of its own, with its fonts decoded again),
// which cost about as much as laying out the whole 64-page timeline.
const pageCss = (locale: ExportLocale) => `
@page {
  size: A4;
  margin: 18mm 16mm 20mm;
  @bottom-center { content: ${WORDS[locale].page('counter(page)', 'counter(pages)')}; font-family: ${EXPORT_FONT_STACK}; font-size: 9px; color: #555; }
}`

// A list's numbers sit in its padding, and what crosses the page's edge is cut off: room for the
// widest one ("1417." needs more than the 8mm that suit three digits).
const sourceListCss = (count: number) => `ol.source-list { padding-inline-start: max(8mm, ${String(count).length + 2}ch); }`

const CSS = `
* { box-sizing: border-box; }
html { font-family: ${EXPORT_FONT_STACK}; font-size: 11.5pt; line-height: 1.75; color: #1b1b1b; }
body { margin: 0; }
header { border-bottom: 1.5pt solid #444; margin-bottom: 14pt; padding-bottom: 6pt; }
h1 { font-size: 20pt; line-height: 1.5; margin: 0 0 2pt; font-weight: 700; }
.range { font-size: 12.5pt; margin: 0; }
.counts { font-size: 9.5pt; color: #555; margin: 0; }
ol.events { list-style: none; margin: 0; padding: 0; }
li.event { display: grid; grid-template-columns: 34mm 1fr; column-gap: 5mm; padding: 5pt 0; border-bottom: 0.5pt solid #ddd; break-inside: avoid; }
.when { font-weight: 700; font-size: 10.5pt; }
.when .hijri { display: block; font-weight: 400; font-size: 9pt; color: #555; }
.label { margin: 0; }
.mention { color: #555; font-size: 9pt; }
sup { font-size: 7.5pt; line-height: 0; color: #444; }
sup a { color: inherit; text-decoration: none; }
section.sources { margin-top: 18pt; break-before: auto; }
h2 { font-size: 14pt; margin: 0 0 6pt; border-bottom: 0.5pt solid #999; }
ol.source-list { margin: 0; font-size: 9.5pt; line-height: 1.6; }
ol.source-list li { margin-bottom: 3pt; break-inside: avoid; }
.outlet { color: #555; }
.empty { color: #555; }
`

/** The whole document. */
export function timelineHtml(t: Pick<Timeline, 'name' | 'events'>, opts: HtmlOptions = {}): string {
  const locale = opts.locale ?? 'ar'
  const words = WORDS[locale]
  const events = visibleEvents(t)
  const { numberOf, list } = numberSources(events)
  const dated = events.filter((e) => !e.unresolved)
  const first = dated[0]
  const last = dated.at(-1)
  const range = first && last ? words.range(formatEventDate(first, locale), formatEventDate(last, locale)) : ''

  const eventItems = events
    .map((e) => {
      const cites = e.sources.map((s) => numberOf.get(s.articleId)!).sort((a, b) => a - b)
      const sup = cites.length ? `<sup>${cites.map((n) => `<a href="#source-${n}">${n}</a>`).join(locale === 'ar' ? '، ' : ', ')}</sup>` : ''
      const hijri = opts.hijri ? formatHijri(e, locale) : ''
      const mention = e.unresolved && e.mention ? ` <span class="mention">(${words.said}: «${escapeHtml(e.mention)}»)</span>` : ''
      return `<li class="event"><div class="when">${escapeHtml(formatEventDate(e, locale))}${hijri ? `<span class="hijri">${escapeHtml(hijri)}</span>` : ''}</div><p class="label" dir="auto">${escapeHtml(e.label)}${mention}${sup}</p></li>`
    })
    .join('\n')

  const sourceItems = list
    .map((s, i) => {
      const outlet = [s.source, formatPublished(s.date, locale)].filter(Boolean).join(locale === 'ar' ? '، ' : ', ')
      return `<li id="source-${i + 1}"><bdi>${escapeHtml(s.title || "—")}</bdi>${outlet ? ` — <bdi class="outlet">${escapeHtml(outlet)}</bdi>` : ""}</li>`
    })
    .join('\n')

  return `<!doctype html>
<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<title>${escapeHtml(t.name)}</title>
<style>${opts.embedFonts === false ? '' : embeddedFontCss()}${pageCss(locale)}${CSS}${sourceListCss(list.length)}</style>
</head>
<body>
<header>
<h1 dir="auto">${escapeHtml(t.name)}</h1>
${range ? `<p class="range">${escapeHtml(range)}</p>` : ''}
<p class="counts">${escapeHtml(words.counts(events.length, list.length))}</p>
</header>
${events.length ? `<ol class="events">\n${eventItems}\n</ol>` : `<p class="empty">${escapeHtml(words.empty)}</p>`}
${list.length ? `<section class="sources"><h2>${escapeHtml(words.sources)}</h2><ol class="source-list">\n${sourceItems}\n</ol></section>` : ''}
</body>
</html>
`
}
