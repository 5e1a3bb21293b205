// The PDF page of an export, the same in Electron (webContents.printToPDF, margins in inches) as in
// serve mode and the CLI (Chromium through Playwright, core/pdf/print.ts, margins in mm).
import type { PrintToPDFOptions } from 'electron'
import type { PrintOptions } from '../core/pdf'

const MM_PER_INCH = 25.4
const inches = (mm: number) => mm / MM_PER_INCH

export function electronPdfOptions(opts: PrintOptions): PrintToPDFOptions {
  const withFooter = Boolean(opts.footerTemplate || opts.headerTemplate)
  return {
    pageSize: 'A4',
    landscape: opts.landscape ?? false,
    printBackground: true,
    preferCSSPageSize: false,
    displayHeaderFooter: withFooter,
    headerTemplate: opts.headerTemplate ?? '<span></span>',
    footerTemplate: opts.footerTemplate ?? '<span></span>',
    margins: { top: inches(18), bottom: inches(withFooter ? 20 : 18), left: inches(16), right: inches(16) },
  }
}
