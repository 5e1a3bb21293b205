import { describe, expect, it } from 'vitest'
import { electronPdfOptions } from './print-options'

describe("printing an export in Electron's window", () => {
  it('prints A4 with the footer (page numbers) the export asked for, and margins like serve mode', () => {
    const footer = '<div>صفحة <span class="pageNumber"></span> من <span class="totalPages"></span></div>'
    const o = electronPdfOptions({ footerTemplate: footer })
    expect(o).toMatchObject({ pageSize: 'A4', landscape: false, printBackground: true, displayHeaderFooter: true, footerTemplate: footer })
    expect(o.margins!.bottom).toBeCloseTo(20 / 25.4)
    expect(o.margins!.left).toBeCloseTo(16 / 25.4)
  })

  it('shows no header or footer when none is given, and turns the page when asked', () => {
    const o = electronPdfOptions({ landscape: true })
    expect(o).toMatchObject({ displayHeaderFooter: false, landscape: true })
    expect(o.margins!.bottom).toBeCloseTo(18 / 25.4)
  })
})
