// What the engine process holds: the archive, the search index (in its own worker threads), the
// daily backups and the handlers, with main's printing and link opening plugged into the
// EngineContext. A damaged archive is never recreated: the engine starts in recovery mode
// (api/recovery.ts), as serve mode does. Plain Node: the same code runs in the utilityProcess and
// in the tests.
import { Archive } from '../core/archive/archive'
import { loadSampleIfEmpty } from '../core/sample'
import { SearchService } from '../core/search/service'
import { JobRegistry } from '../core/jobs'
import { startBackupScheduler } from '../core/backup/scheduler'
import { createHandlers } from '../api/handlers'
import { openRecoverable } from '../api/recovery'
import type { OpenEngine } from './engine-host'

export function openDesktopEngine(opts: { log?: (message: string) => void } = {}): OpenEngine {
  const log = opts.log ?? ((message: string) => console.error(`[arshif] ${message}`))
  return async (init, host) => {
    const jobs = new JobRegistry()
    const engine = await openRecoverable({
      archiveDir: init.archiveDir,
      host: 'electron',
      version: init.version,
      log,
      open: () => {
        const archive = Archive.open(init.archiveDir)
        try {
          loadSampleIfEmpty(archive, init.resourcesDir)
        } catch (e) {
          archive.close()
          throw e
        }
        // The index loads or builds in worker threads: calls are answered meanwhile.
        const search = new SearchService({ archiveDir: archive.dir })
        const backups = startBackupScheduler(archive, { appVersion: init.version, log })
        const handlers = createHandlers({
          archive,
          host: 'electron',
          version: init.version,
          search,
          jobs,
          resourcesDir: init.resourcesDir,
          // Printing needs a BrowserWindow, which only main has.
          printPdf: async (html, options) => Buffer.from(await host.printPdf(html, options ?? {})),
          openExternal: (url) => host.openExternal(url),
        })
        return {
          handlers,
          close: async () => {
            await backups.stop()
            await search.close()
            archive.close()
          },
        }
      },
    })
    return { handlers: engine.handlers, close: () => engine.close() }
  }
}
