import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { compareArticles, comparisonHtml, exportComparison, type ComparedArticle } from '.'
import { printPdfWithChromium } from '../pdf'
import { tempDir } from '../../../test-support/tmp'
import { hasPoppler, pdfFonts, pdfPages, squeeze } from '../../../test-support/pdf'

const shared = 'أعلنت قيادة القوات المشتركة أن صواريخ أطلقت من الأراضي اليمنية سقطت على منطقة جازان يوم الخميس دون وقوع إصابات بين المدنيين'
const a: ComparedArticle = {
  id: 1,
  title: 'سقوط صواريخ على جازان',
  source: 'واس',
  date: '2015-08-07',
  datePrecision: 'day',
  author: null,
  url: null,
  paragraphs: [`${shared}.`, 'وأكد المتحدث أن القوات ستواصل عملياتها لحماية الحدود.'],
}
const b: ComparedArticle = {
  ...a,
  id: 2,
  title: 'جازان: صواريخ <img src=x onerror=alert(1)> تسقط',
  source: 'صحيفة "الرياض" & <b>شركاه</b>',
  paragraphs: [`${shared} <script>alert("x")</script>.`, 'فقرة مضافة </td></tr></table><iframe src="https://evil.example"></iframe> في آخر الخبر.'],
}

describe('exporting a comparison', () => {
  const c = compareArticles(a, b)

  it('writes one self-contained RTL document in which hostile text stays text', () => {
    const html = comparisonHtml(c)
    expect(html).toMatch(/^<!doctype html>\s*<html lang="ar" dir="rtl">/)
    expect(html).toContain("font-family:'Noto Naskh Arabic'")
    expect(html).toContain("default-src 'none'")
    for (const tag of ['<script', '<img', '<iframe', '<b>']) expect(html).not.toContain(tag)
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;')
    expect(html).toContain('&#60;/td&#62;&#60;/tr&#62;&#60;/table&#62;&#60;iframe')
    expect(html).toContain('صحيفة &#34;الرياض&#34; &#38; &#60;b&#62;')
    // The summary on top, the shared passage coloured the same in both columns.
    expect(html.indexOf(c.summary.line.ar)).toBeLessThan(html.indexOf('<table class="cols">'))
    expect(html.match(/style="background:#fde68a"/g)?.length).toBe(2)
    expect(html).not.toMatch(/https?:\/\/(?!evil)/)
  })

  it('prints it to a PDF with both titles and the page numbers', async () => {
    const file = await exportComparison(c, 'pdf', printPdfWithChromium)
    expect(file.fileName).toBe('compare-1-2.pdf')
    expect(file.mime).toBe('application/pdf')
    expect(file.data.subarray(0, 5).toString()).toBe('%PDF-')
    if (!hasPoppler) return console.warn('[pdf] pdftotext not installed: the text of the PDF was not checked.')
    const path = join(tempDir(), 'compare.pdf')
    writeFileSync(path, file.data)
    const text = pdfPages(path).join('')
    // Both titles (pdftotext may move a letter of a word that ends a line, so each is checked by its start).
    expect(text).toContain('سقوطصواريخعلى')
    expect(text).toContain('جازان:صواريخ')
    expect(text).toContain('<imgsrc=x')
    expect(text).toContain('</table><iframe')
    expect(text.replace(/\d/g, '')).toContain('صفحةمن')
    expect(pdfFonts(path).some((f) => f.includes('NotoNaskhArabic'))).toBe(true)
  }, 60_000)
})
