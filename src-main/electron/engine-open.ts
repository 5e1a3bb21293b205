// What the engine process holds: the archive, the search index (in its own worker threads) and
// the handlers, with main's printing and link opening plugged into the EngineContext. Plain Node:
// the same code runs in the utilityProcess and in the tests.
import { Archive } from '../core/archive/archive'
import { loadSampleIfEmpty } from '../core/sample'
import { SearchService } from '../core/search/service'
import { JobRegistry } from '../core/jobs'
import { createHandlers } from '../api/handlers'
import type { OpenEngine } from './engine-host'

export function openDesktopEngine(opts: { searchWorkerUrl?: URL } = {}): OpenEngine {
  return async (init, host) => {
    const archive = Archive.open(init.archiveDir)
    try {
      loadSampleIfEmpty(archive, init.resourcesDir)
    } catch (e) {
      archive.close()
      throw e
    }
    // The index loads or builds in worker threads: calls are answered meanwhile.
    const search = new SearchService({ archiveDir: archive.dir, workerUrl: opts.searchWorkerUrl })
    const handlers = createHandlers({
      archive,
      host: 'electron',
      version: init.version,
      search,
      jobs: new JobRegistry(),
      resourcesDir: init.resourcesDir,
      // Printing needs a BrowserWindow, which only main has.
      printPdf: async (html, options) => Buffer.from(await host.printPdf(html, options ?? {})),
      openExternal: (url) => host.openExternal(url),
    })
    return {
      handlers,
      close: async () => {
        await search.close()
        archive.close()
      },
    }
  }
}
