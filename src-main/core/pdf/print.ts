// HTML → PDF through Chromium, for `arshif serve` and the CLI (the desktop app uses Electron's own
// webContents.printToPDF with the same HTML). The page may load nothing from anywhere: every
// request but data: URLs is refused, so an export can neither leak nor depend on the network.
//
// Where the time goes (a 64-page timeline): starting Chromium, then laying the document out. The
// document is hidden on screen so that it is laid out for the printed page only: shown, Chromium
// lays it out for the window first, again when its fonts arrive, and only then for print.
import { existsSync } from 'node:fs'
import { AppError } from '../errors'

export interface PrintOptions {
  /** Footer HTML in Chromium's template language (`<span class="pageNumber">`, `totalPages`). */
  footerTemplate?: string
  headerTemplate?: string
  landscape?: boolean
}

/** Prints one self-contained HTML document (fonts embedded) to an A4 PDF. */
export type PrintPdf = (html: string, opts?: PrintOptions) => Promise<Buffer>

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe']

/** The Chromium (or Chrome) to print with: $CHROMIUM_PATH, else the first one installed. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) return fromEnv
  const found = CANDIDATES.find((p) => existsSync(p))
  if (!found) throw new AppError('internal', 'Exporting a PDF needs Chromium or Google Chrome, and none was found. Install Chromium, or set CHROMIUM_PATH to its program.')
  return found
}

/** The A4 page of every export, the same whichever Chromium prints it (here, or Electron's). */
export function pageLayout(opts: PrintOptions) {
  const withFooter = Boolean(opts.footerTemplate || opts.headerTemplate)
  return {
    landscape: opts.landscape ?? false,
    printBackground: true,
    preferCSSPageSize: false,
    displayHeaderFooter: withFooter,
    headerTemplate: opts.headerTemplate ?? '<span></span>',
    footerTemplate: opts.footerTemplate ?? '<span></span>',
    marginsMm: { top: 18, bottom: withFooter ? 20 : 18, left: 16, right: 16 },
  }
}

/**
 * The features Playwright (playwright-core 1.65) turns off at launch, among them requests to Google at
 * startup. Chromium reads only the last --disable-features, so passing ours would turn these back on:
 * they are repeated here.
 */
const PLAYWRIGHT_DISABLED_FEATURES = ['AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch']
/**
 * Every new window of Chromium 156, headless too, preloads the omnibox popup: a WebUI page in a
 * renderer of its own, which took at least as much CPU as laying out a 64-page timeline, beside it on
 * a 2-core machine.
 */
const WINDOW_UI_PRELOADS = ['WebUIOmniboxAimPopup', 'WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'PreloadTopChromeWebUI']

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...WINDOW_UI_PRELOADS].join(',')}`,
]

/** The document with a style that hides it on screen (print media shows it); unchanged without a <head>. */
function hiddenOnScreen(html: string): string {
  return html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}<style media="screen">html{display:none}</style>`)
}

export const printPdfWithChromium: PrintPdf = async (html, opts = {}) => {
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS })
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
    const page = await context.newPage()
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()))
    await page.setContent(hiddenOnScreen(html), { waitUntil: 'load' })
    // Nothing on screen asks for a font, so load every face the document declares: printing before
    // they are decoded would set the text in a fallback font. (Iterated, not forEach: with scripts
    // off, the page may not call back into ours.)
    await page.evaluate(() => Promise.all(Array.from(document.fonts as unknown as Iterable<FontFace>, (face) => face.load().catch(() => null))).then(() => undefined))
    const { marginsMm, ...layout } = pageLayout(opts)
    const mm = (n: number) => `${n}mm`
    return await page.pdf({
      format: 'A4',
      ...layout,
      margin: { top: mm(marginsMm.top), bottom: mm(marginsMm.bottom), left: mm(marginsMm.left), right: mm(marginsMm.right) },
    })
  } finally {
    // The PDF is in hand: Chromium's shutdown (a few tenths of a second) need not hold it up.
    void browser.close().catch(() => undefined)
  }
}
