// What the handlers work with. Each host (Electron, serve, tests) builds one of these.
import type { Archive } from '../core/archive/archive'
import type { SearchService } from '../core/search/service'
import type { JobRegistry } from '../core/jobs'
import type { PrintPdf } from '../core/pdf'
import type { AppInfo } from './contract'

export interface EngineContext {
  archive: Archive
  host: AppInfo['host']
  version: string
  /** Absent where no index runs (then search calls say so). */
  search?: SearchService
  /** Long work (imports, exports, backups); one registry per host. */
  jobs: JobRegistry
  /** The app's bundled resources (sample archive, fonts for exports …). */
  resourcesDir?: string
  /** HTML → PDF. Electron passes webContents.printToPDF; elsewhere Chromium via Playwright (core/pdf). */
  printPdf?: PrintPdf
  /** Opens an http(s) link in the system browser (Electron: shell.openExternal in main). Absent in serve mode, where the page opens it. */
  openExternal?: (url: string) => Promise<void>
}
