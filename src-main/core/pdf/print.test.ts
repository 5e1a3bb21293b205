import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { embeddedFontCss, EXPORT_FONT_STACK, findChromium, printPdfWithChromium } from '.'
import { tempDir } from '../../../test-support/tmp'
import { hasPoppler, pdfFonts, pdfPages } from '../../../test-support/pdf'

describe('printing to PDF', () => {
  it('embeds the bundled Arabic font, so no system font is needed', () => {
    const css = embeddedFontCss()
    expect(css).toContain("font-family:'Noto Naskh Arabic'")
    expect(css).toMatch(/src:url\(data:font\/woff2;base64,[A-Za-z0-9+/]{1000}/)
  })

  it('prints Arabic text with page numbers and loads nothing from the network', async () => {
    findChromium() // fails clearly where no Chromium is installed
    const html = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>${embeddedFontCss()} body{font-family:${EXPORT_FONT_STACK}}</style></head>
      <body><h1>الخط الزمني للسيول</h1><p>هطلت أمطار غزيرة على المدينة.</p><img src="https://example.com/x.png"></body></html>`
    const footer = `<style>${embeddedFontCss()}</style><div dir="rtl" style="font-family:${EXPORT_FONT_STACK};font-size:9px;width:100%;text-align:center">صفحة <span class="pageNumber"></span> من <span class="totalPages"></span></div>`
    const pdf = await printPdfWithChromium(html, { footerTemplate: footer })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    if (!hasPoppler) return console.warn('[pdf] pdftotext not installed: the text of the PDF was not checked.')
    const file = join(tempDir(), 'out.pdf')
    writeFileSync(file, pdf)
    const pages = pdfPages(file)
    expect(pages).toHaveLength(1)
    expect(pages[0]).toContain('الخطالزمنيللسيول')
    // The footer: "صفحة 1 من 1" (pdftotext may move the digits around the Arabic words).
    expect(pages[0]!.replace(/\d/g, '')).toContain('صفحة')
    expect(pages[0]!.match(/1/g)?.length).toBeGreaterThanOrEqual(2)
    expect(pdfFonts(file).some((f) => f.includes('NotoNaskhArabic'))).toBe(true)
  }, 60_000)
})
