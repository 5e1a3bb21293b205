// Timeline exports as a reader gets them: the PDF's text page by page (Chromium, pdftotext), the HTML
// document, CSV for spreadsheets and JSON.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hasPoppler, pdfFonts, pdfPages } from '../../../../test-support/pdf'
import { tempDir } from '../../../../test-support/tmp'
import type { Timeline, TimelineEvent } from '../events-types'
import { CSV_COLUMNS, exportFileName, exportTimeline, formatEventDate, formatHijri, timelineCsv, timelineHtml, timelineJson } from '.'

const source = (articleId: number, title: string, date = '2015-08-07') => ({ articleId, title, source: 'عكاظ', date, start: 0, end: 4, sentence: 'جملة' })
const event = (key: string, date: string, precision: TimelineEvent['precision'], label: string, sources = [source(1, 'مقال أول')], extra: Partial<TimelineEvent> = {}): TimelineEvent => ({
  key,
  date,
  precision,
  label,
  hidden: false,
  manual: false,
  sources,
  ...extra,
})

// Marker words without a final ن: pdftotext moves that glyph about, the others come out whole.
const timeline: Timeline = {
  name: 'الخط الزمني للكوارث',
  scope: { ids: [1, 2, 3] },
  range: { from: '2009', to: '2015-08-06' },
  events: [
    // given out of order on purpose: exports put them in order
    event('c', '2015-08-06', 'day', 'وقع حريق كبير في السوق القديم', [source(2, 'مقال خاص'), source(1, 'مقال أول')], { hijri: '1436-10-21' }),
    event('a', '2009', 'year', 'ضرب زلزال قوي المدينة الساحلية'),
    event('b', '2011', 'part', 'اجتاحت سيول جارفة الوادي الكبير', [source(3, 'مقال ثالث', '2015-08-09')], { part: 'late' }),
    event('h', '2012', 'year', 'حدث مخفي لا يظهر', [source(4, 'مقال مخفي')], { hidden: true }),
    event('u', '', 'day', 'هبت عاصفة ترابية على البلدة', [source(3, 'مقال ثالث', '2015-08-09')], { unresolved: true, mention: 'أمس' }),
  ],
}

describe('dates as an export writes them', () => {
  it('says no more than is known', () => {
    expect(formatEventDate({ date: '2011', precision: 'year' })).toBe('2011')
    expect(formatEventDate({ date: '2011', precision: 'part', part: 'late' })).toBe('أواخر 2011')
    expect(formatEventDate({ date: '2015', precision: 'part', part: 'q1' })).toBe('الربع الأول من 2015')
    expect(formatEventDate({ date: '2021-12', precision: 'month', part: 'late' })).toBe('أواخر ديسمبر 2021')
    expect(formatEventDate({ date: '2021-07-26', precision: 'day' })).toBe('26 يوليو 2021')
    expect(formatEventDate({ date: '2021-07-26', precision: 'day' }, 'en')).toBe('26 July 2021')
    expect(formatEventDate({ date: '2011', precision: 'part', part: 'mid' }, 'en')).toBe('mid-2011')
    expect(formatEventDate({ date: '2021-12', precision: 'month', part: 'late' }, 'en')).toBe('late December 2021')
    expect(formatEventDate({ date: '', precision: 'day', unresolved: true })).toBe('تاريخ غير محدد')
  })

  it('gives the Hijri date as written, or computes it for a day', () => {
    expect(formatHijri({ date: '2015-08-06', hijri: '1436-10-21' })).toBe('21 شوال 1436هـ')
    expect(formatHijri({ date: '2015-08-10' })).toBe('25 شوال 1436هـ')
    expect(formatHijri({ date: '2015-08' })).toBe('')
  })
})

describe('the HTML document', () => {
  const html = timelineHtml(timeline, { hijri: true })

  it('is right to left, self-contained and loads nothing', () => {
    expect(html).toMatch(/<html lang="ar" dir="rtl">/)
    expect(html).toContain("font-family:'Noto Naskh Arabic'")
    expect(html).toContain("default-src 'none'")
    expect(html).not.toMatch(/<script|src="http|href="http/)
  })

  it('numbers the sources in order of first citation and cites them with superscripts', () => {
    const order = ['ضرب زلزال', 'اجتاحت سيول', 'وقع حريق', 'هبت عاصفة'].map((w) => html.indexOf(w))
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!))).toBe(true)
    expect(html).not.toContain('حدث مخفي')
    // 2009 cites article 1 → [1]; late 2011 article 3 → [2]; the fire articles 2 and 1 → [1, 3]
    expect(html).toMatch(/ضرب زلزال قوي المدينة الساحلية<sup><a href="#source-1">1<\/a><\/sup>/)
    expect(html).toMatch(/وقع حريق كبير في السوق القديم<sup><a href="#source-1">1<\/a>، <a href="#source-3">3<\/a><\/sup>/)
    expect(html).toMatch(/<li id="source-1"><bdi>مقال أول<\/bdi>.*<li id="source-2"><bdi>مقال ثالث<\/bdi>.*<li id="source-3"><bdi>مقال خاص<\/bdi>/s)
    expect(html).toContain('21 شوال 1436هـ')
    expect(html).toContain('(ورد بلفظ: «أمس»)')
  })

  it('escapes hostile article text: markup in titles and labels stays text', () => {
    const hostile = timelineHtml({
      name: '<img src=x onerror=alert(1)>',
      events: [event('x', '2015', 'year', '</p><script>alert("x")</script>', [source(1, '"><iframe src=javascript:alert(1)>')])],
    })
    expect(hostile).not.toMatch(/<img|<script|<iframe/)
    expect(hostile).toContain('&lt;/p&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(hostile).toContain('&quot;&gt;&lt;iframe src=javascript:alert(1)&gt;')
  })
})

describe('CSV and JSON', () => {
  it('writes CSV with a BOM, the columns, one quoted row per visible event, formulas defused', () => {
    const csv = timelineCsv({ events: [...timeline.events, event('f', '2016', 'year', '=HYPERLINK("http://x")')] })
    expect(csv.startsWith('\ufeffdate,precision,part,hijri,label,sources\r\n')).toBe(true)
    expect(CSV_COLUMNS).toEqual(['date', 'precision', 'part', 'hijri', 'label', 'sources'])
    const rows = csv.slice(1).split('\r\n').filter(Boolean)
    expect(rows).toHaveLength(6)
    expect(rows[1]).toBe('"2009","year","","","ضرب زلزال قوي المدينة الساحلية","مقال أول — عكاظ, 2015-08-07 [1]"')
    expect(rows[2]).toBe('"2011","part","late","","اجتاحت سيول جارفة الوادي الكبير","مقال ثالث — عكاظ, 2015-08-09 [3]"')
    expect(rows[3]).toContain('"2015-08-06","day","","1436-10-21","وقع حريق كبير في السوق القديم","مقال خاص — عكاظ, 2015-08-07 [2] | مقال أول')
    expect(rows[4]).toBe('"2016","year","","","\'=HYPERLINK(""http://x"")","مقال أول — عكاظ, 2015-08-07 [1]"')
    expect(rows[5]).toMatch(/^"","unresolved",/)
  })

  it('writes JSON with the name, scope, range and visible events in order', () => {
    const json = JSON.parse(timelineJson(timeline))
    expect(json).toMatchObject({ name: 'الخط الزمني للكوارث', scope: { ids: [1, 2, 3] }, range: { from: '2009', to: '2015-08-06' } })
    expect(json.events.map((e: TimelineEvent) => e.key)).toEqual(['a', 'b', 'c', 'u'])
    expect(json.events[2].sources[0]).toEqual(source(2, 'مقال خاص'))
  })

  it('names files after the timeline, without characters file systems refuse', () => {
    expect(exportFileName('الخط الزمني: أبها/عسير?', 'pdf')).toBe('الخط الزمني- أبها-عسير.pdf')
    expect(exportFileName('...', 'csv')).toBe('timeline.csv')
  })
})

describe('the PDF', () => {
  it('has the title, the events in order, the numbered sources, "صفحة N من M" on every page and the Arabic font', async () => {
    // enough events for several pages
    const many: TimelineEvent[] = [...timeline.events]
    for (let i = 1; i <= 40; i++) many.push(event(`m${i}`, `2013-${String((i % 12) + 1).padStart(2, '0')}`, 'month', `اجتمع المجلس البلدي في جلسته العادية رقم ${i} لبحث شؤو الأحياء`))
    const file = await exportTimeline({ ...timeline, events: many }, { format: 'pdf' })
    expect(file.fileName).toBe('الخط الزمني للكوارث.pdf')
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-')
    if (!hasPoppler) return console.warn('[pdf] pdftotext not installed: the text of the PDF was not checked.')
    const path = join(tempDir(), 'timeline.pdf')
    writeFileSync(path, file.bytes)
    const pages = pdfPages(path)
    expect(pages.length).toBeGreaterThanOrEqual(3)
    expect(pages[0]).toContain('الخطالزمنيللكوارث')
    const all = pages.join('')
    const at = ['ضربزلزال', 'اجتاحتسيول', 'وقعحريق', 'هبتعاصفة', 'المصادر'].map((w) => all.indexOf(w))
    expect(at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1]!)), `positions ${at}`).toBe(true)
    expect(all).not.toContain('حدثمخفي')
    const sources = all.slice(all.indexOf('المصادر'))
    expect(sources.indexOf('مقالأول')).toBeLessThan(sources.indexOf('مقالثالث'))
    expect(sources.indexOf('مقالثالث')).toBeLessThan(sources.indexOf('مقالخاص'))
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain('صفحة')
      expect(text).toContain(String(i + 1))
      expect(text).toContain(String(pages.length))
    })
    expect(pdfFonts(path).some((f) => f.includes('NotoNaskhArabic'))).toBe(true)
  }, 120_000)
})
