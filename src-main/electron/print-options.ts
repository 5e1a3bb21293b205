// The PDF page of an export, the same in Electron (webContents.printToPDF, margins in inches) as in
// serve mode and the CLI (Chromium through Playwright, core/pdf/print.ts, margins in mm).
import type { PrintToPDFOptions } from 'electron'
import { pageLayout, type PrintOptions } from '../core/pdf'

const MM_PER_INCH = 25.4
const inches = (mm: number) => mm / MM_PER_INCH

export function electronPdfOptions(opts: PrintOptions): PrintToPDFOptions {
  const { marginsMm, ...layout } = pageLayout(opts)
  return {
    pageSize: 'A4',
    ...layout,
    margins: { top: inches(marginsMm.top), bottom: inches(marginsMm.bottom), left: inches(marginsMm.left), right: inches(marginsMm.right) },
  }
}
