// Exported documents: embedded fonts and printing to PDF. See print.ts.
export { embeddedFontCss, EXPORT_FONT_STACK } from './fonts'
export { printPdfWithChromium, findChromium, pageLayout, CHROMIUM_ARGS, type PrintPdf, type PrintOptions } from './print'
