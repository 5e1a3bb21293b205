// Printing an export to PDF for the engine process: a hidden window in its own in-memory session
// loads the export's HTML from a scratch file (no size limit, unlike a data: URL), every request
// but that file and data: URLs refused, waits for the embedded fonts, then webContents.printToPDF.
import { BrowserWindow, session } from 'electron'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { PrintOptions } from '../core/pdf'
import { electronPdfOptions } from './print-options'

let printSession: Electron.Session | null = null
const allowedFiles = new Set<string>()

function isolatedSession(): Electron.Session {
  if (printSession) return printSession
  printSession = session.fromPartition('arshif-print') // no "persist:": memory only
  printSession.setPermissionRequestHandler((_wc, _p, callback) => callback(false))
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !(allowedFiles.has(details.url) || details.url.startsWith('data:')) }))
  return printSession
}

export async function printPdfInHiddenWindow(html: string, options: PrintOptions): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'arshif-print-'))
  const file = join(dir, 'export.html')
  writeFileSync(file, html)
  const url = pathToFileURL(file).href
  allowedFiles.add(url)
  const win = new BrowserWindow({
    show: false,
    webPreferences: { session: isolatedSession(), sandbox: true, contextIsolation: true, nodeIntegration: false, spellcheck: false },
  })
  try {
    await win.loadFile(file)
    // The fonts are data: URLs in the document; printing before they are decoded would use a fallback.
    await win.webContents.executeJavaScript('document.fonts.ready.then(() => true)').catch(() => undefined)
    return await win.webContents.printToPDF(electronPdfOptions(options))
  } finally {
    allowedFiles.delete(url)
    win.destroy()
    rmSync(dir, { recursive: true, force: true })
  }
}
