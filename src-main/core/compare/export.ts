// A comparison as one self-contained RTL HTML document (fonts inlined, nothing loaded from
// anywhere, no script), for saving as HTML or printing to PDF: the summary on top, the metadata of
// both articles, then the two articles in aligned columns with shared passages in matching colours
// and words the other lacks underlined. Every piece of article text is escaped.
import { embeddedFontCss, EXPORT_FONT_STACK, type PrintPdf } from '../pdf'
import type { AlignedRow, Comparison, MetadataField, ParagraphRange } from './types'

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Colours for shared passages, cycled by passage id (light enough to read text on). */
export const PASSAGE_COLOURS = ['#fde68a', '#bfdbfe', '#bbf7d0', '#fbcfe8', '#ddd6fe', '#fed7aa', '#a5f3fc', '#e9d5ff']

const FIELD_NAMES: Record<MetadataField, string> = { title: 'العنوان', source: 'المصدر', date: 'التاريخ', author: 'الكاتب', url: 'الرابط' }

const percent = (x: number) => `${Math.round(x * 100)}٪`

interface Mark {
  start: number
  end: number
  passage?: number
  changed?: boolean
}

/** One paragraph's text as HTML, with passage colours and changed words marked. */
function paragraphHtml(text: string, marks: Mark[]): string {
  const cuts = new Set([0, text.length])
  for (const m of marks) cuts.add(m.start).add(m.end)
  const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((x, y) => x - y)
  let html = ''
  for (let k = 0; k + 1 < points.length; k++) {
    const [from, to] = [points[k]!, points[k + 1]!]
    const piece = escapeHtml(text.slice(from, to))
    const covering = marks.filter((m) => m.start <= from && to <= m.end)
    const passage = covering.find((m) => m.passage !== undefined)?.passage
    const changed = covering.some((m) => m.changed)
    if (passage === undefined && !changed) {
      html += piece
      continue
    }
    const style = passage !== undefined ? ` style="background:${PASSAGE_COLOURS[(passage - 1) % PASSAGE_COLOURS.length]}"` : ''
    const title = passage !== undefined ? ` title="${passage}"` : ''
    html += `<span${changed ? ' class="chg"' : ''}${style}${title}>${piece}</span>`
  }
  return html
}

function marksBySide(c: Comparison, side: 'a' | 'b'): Map<number, Mark[]> {
  const marks = new Map<number, Mark[]>()
  const add = (r: ParagraphRange, m: Omit<Mark, 'start' | 'end'>) => {
    const list = marks.get(r.paragraph) ?? []
    list.push({ start: r.start, end: r.end, ...m })
    marks.set(r.paragraph, list)
  }
  for (const p of c.passages) for (const r of p[side].ranges) add(r, { passage: p.id })
  for (const row of c.rows) for (const r of side === 'a' ? row.aChanges : row.bChanges) add(r, { changed: true })
  return marks
}

const ROW_LABEL: Record<AlignedRow['kind'], string> = { same: 'مطابقة', changed: 'معدّلة', removed: 'في أ فقط', added: 'في ب فقط' }

const CSS = `
@page { size: A4; }
* { box-sizing: border-box; }
body { font-family: ${EXPORT_FONT_STACK}; direction: rtl; margin: 0; padding: 16px; color: #111; line-height: 1.8; font-size: 12pt; }
h1 { font-size: 18pt; margin: 0 0 6px; }
.summary { border: 1px solid #ccc; border-radius: 6px; padding: 8px 12px; margin-bottom: 14px; }
.summary .line { font-size: 14pt; font-weight: 700; }
.summary .en { direction: ltr; text-align: left; color: #444; }
.figures { margin: 6px 0 0; padding: 0 18px 0 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #ddd; padding: 6px 8px; vertical-align: top; text-align: right; overflow-wrap: anywhere; }
th { background: #f3f4f6; }
table.meta td.diff { background: #fff4e5; font-weight: 700; }
table.cols td p { margin: 0 0 8px; }
table.cols tr { break-inside: avoid; }
tr.removed td.a, tr.added td.b { background: #f9fafb; }
.kind { display: block; font-size: 9pt; color: #666; }
.moved { color: #b45309; }
.chg { text-decoration: underline; text-decoration-color: #dc2626; text-decoration-thickness: 2px; }
`

export function comparisonHtml(c: Comparison): string {
  const { summary } = c
  const marksA = marksBySide(c, 'a')
  const marksB = marksBySide(c, 'b')
  const paragraphs = (side: 'a' | 'b', indices: number[]) =>
    indices.map((p) => `<p>${paragraphHtml(c[side].paragraphs[p]!, (side === 'a' ? marksA : marksB).get(p) ?? [])}</p>`).join('')
  const meta = c.metadata
    .map((m) => `<tr><th scope="row">${FIELD_NAMES[m.field]}</th><td dir="auto"${m.same ? '' : ' class="diff"'}>${escapeHtml(m.a ?? '—')}</td><td dir="auto"${m.same ? '' : ' class="diff"'}>${escapeHtml(m.b ?? '—')}</td></tr>`)
    .join('')
  const rows = c.rows
    .map((r) => `<tr class="${r.kind}"><td class="a">${paragraphs('a', r.a)}</td><td class="b"><span class="kind">${ROW_LABEL[r.kind]}${r.moved ? ' · <span class="moved">منقولة</span>' : ''}</span>${paragraphs('b', r.b)}</td></tr>`)
    .join('')
  const figures = c.figures.length
    ? `<ul class="figures">${c.figures.map((f) => `<li>${f.kind === 'date' ? 'تاريخ' : 'رقم'}: أ «${escapeHtml(f.a.text)}» — ب «${escapeHtml(f.b.text)}»</li>`).join('')}</ul>`
    : ''
  return `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">
<title>مقارنة: ${escapeHtml(c.a.title)} — ${escapeHtml(c.b.title)}</title>
<style>${embeddedFontCss()}${CSS}</style></head>
<body>
<h1>مقارنة مقالين</h1>
<section class="summary">
<div class="line">${escapeHtml(summary.line.ar)}</div>
<div class="en" dir="ltr">${escapeHtml(summary.line.en)}</div>
<div>أ في ب: ${percent(summary.aInB)} · ب في أ: ${percent(summary.bInA)} · مقاطع مشتركة: ${summary.sharedPassages} · فقرات مضافة: ${summary.addedParagraphs} · فقرات محذوفة: ${summary.removedParagraphs} · أرقام وتواريخ مختلفة: ${summary.figureDifferences}</div>
${figures}
</section>
<table class="meta"><thead><tr><th></th><th>أ</th><th>ب</th></tr></thead><tbody>${meta}</tbody></table>
<h2>النص</h2>
<table class="cols"><thead><tr><th>أ — ${escapeHtml(c.a.title)}</th><th>ب — ${escapeHtml(c.b.title)}</th></tr></thead><tbody>${rows}</tbody></table>
</body></html>
`
}

/** The PDF footer, "صفحة N من M", with the font embedded (Chromium renders it apart from the page). */
export function comparisonPdfFooter(): string {
  return `<style>${embeddedFontCss()}</style><div dir="rtl" style="font-family:${EXPORT_FONT_STACK};font-size:9px;width:100%;text-align:center">صفحة <span class="pageNumber"></span> من <span class="totalPages"></span></div>`
}

/** The comparison as a file to save: HTML as is, or that HTML printed to an A4 PDF. */
export async function exportComparison(c: Comparison, format: 'html' | 'pdf', printPdf: PrintPdf): Promise<{ fileName: string; mime: string; data: Buffer }> {
  const html = comparisonHtml(c)
  const fileName = `compare-${c.a.id}-${c.b.id}.${format}`
  if (format === 'html') return { fileName, mime: 'text/html;charset=utf-8', data: Buffer.from(html, 'utf8') }
  return { fileName, mime: 'application/pdf', data: await printPdf(html, { footerTemplate: comparisonPdfFooter() }) }
}
