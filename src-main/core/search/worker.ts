// The search worker thread: opens its own connection to the archive, loads or builds the index,
// and answers queries, so neither the Electron main process nor the HTTP server ever waits on it.
import { parentPort, workerData } from 'node:worker_threads'
import { Archive } from '../archive/archive'
import { isAppError } from '../errors'
import { Searcher } from './searcher'
import type { SearchStatus, WorkerInit, WorkerReply, WorkerRequest } from './protocol'

const port = parentPort!
const { archiveDir } = workerData as WorkerInit
const post = (m: WorkerReply) => port.postMessage(m)

const status: SearchStatus = { state: 'starting', done: 0, total: 0, documents: 0 }
const archive = Archive.open(archiveDir)
const searcher = new Searcher(archive, (p) => {
  Object.assign(status, { state: p.phase, done: p.done, total: p.total })
  post({ type: 'progress', progress: p })
})

// Queries that arrive while the index is being built wait for it.
const ready = searcher.open().then(
  (how) => {
    Object.assign(status, { state: 'ready', documents: searcher.documentCount })
    post({ type: 'ready', documents: searcher.documentCount, how })
  },
  (e) => {
    Object.assign(status, { state: 'failed', error: String(e) })
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) })
    throw e
  },
)

let saveTimer: NodeJS.Timeout | null = null
function saveSoon(): void {
  if (saveTimer) clearTimeout(saveTimer)
  saveTimer = setTimeout(() => {
    saveTimer = null
    searcher.save()
    status.state = 'ready'
  }, 2000)
}

port.on('message', async (req: WorkerRequest) => {
  if (req.type === 'status') return post({ id: req.id, ok: true, value: { ...status, documents: searcher.documentCount } })
  try {
    await ready
    switch (req.type) {
      case 'query': {
        const { filters, ...rest } = req.request
        const value = searcher.query({ ...rest, filters: filters && { ...filters, ids: filters.ids ? new Set(filters.ids) : undefined } })
        return post({ id: req.id, ok: true, value })
      }
      case 'update':
        searcher.update(req.changed, req.removed)
        status.documents = searcher.documentCount
        saveSoon()
        return post({ id: req.id, ok: true, value: null })
      case 'rebuild':
        await searcher.rebuild()
        return post({ id: req.id, ok: true, value: null })
      case 'suggest':
        return post({ id: req.id, ok: true, value: searcher.suggest(req.prefix, req.limit) })
    }
  } catch (e) {
    post({ id: req.id, ok: false, error: { code: isAppError(e) ? e.code : 'internal', message: e instanceof Error ? e.message : String(e) } })
  }
})

// Save pending changes before the thread goes away.
port.on('close', () => {
  if (saveTimer) searcher.save()
  archive.close()
})
