// A search worker thread: opens its own connection to the archive, loads or builds its segment of
// the index, and answers queries, so neither the Electron main process nor the HTTP server ever
// waits on the index.
import { parentPort, workerData } from 'node:worker_threads'
import { getHeapStatistics } from 'node:v8'
import { Archive } from '../archive/archive'
import { isAppError } from '../errors'
import { Searcher } from './searcher'
import { toSegmentOutcome } from './merge'
import type { WorkerInit, WorkerReply, WorkerRequest } from './protocol'

const port = parentPort!
const { archiveDir, segment } = workerData as WorkerInit
const post = (m: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer)

// The engine that started this worker opened and checked the archive: no second quick_check (it reads the whole file).
const archive = Archive.open(archiveDir, { check: false })
const searcher = new Searcher(archive, (progress) => post({ type: 'progress', progress }), segment)

// Queries that arrive while the index is being built wait for it.
const ready = searcher.open().then(
  (how) => post({ type: 'ready', documents: searcher.documentCount, how }),
  (e) => {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) })
    throw e
  },
)
ready.catch(() => {})

let saveTimer: NodeJS.Timeout | null = null
function saveSoon(): void {
  if (saveTimer) clearTimeout(saveTimer)
  saveTimer = setTimeout(() => {
    saveTimer = null
    searcher.save()
  }, 2000)
}

/** Catches up with what was added to the archive; the count of documents reaches the UI. */
function catchUp(): void {
  if (!searcher.catchUp()) return
  post({ type: 'ready', documents: searcher.documentCount, how: 'built' })
  saveSoon()
}

// An import (in another thread or process) commits its articles as it goes: following it here, on
// the worker's own core, indexes them meanwhile, so that neither the first search after the import
// nor the next start waits for them.
const FOLLOW_EVERY_MS = 1000
ready.then(() => {
  setInterval(() => {
    try {
      catchUp()
    } catch {
      // (a busy or closing archive: the next round tries again)
    }
  }, FOLLOW_EVERY_MS).unref()
}, () => {})

port.on('message', async (req: WorkerRequest) => {
  try {
    await ready
    switch (req.type) {
      case 'outcome': {
        catchUp()
        const { filters, ...rest } = req.request
        const outcome = toSegmentOutcome(searcher.outcome({ ...rest, filters: filters && { ...filters, ids: filters.ids ? new Set(filters.ids) : undefined } }))
        const buffers = [outcome.ids.buffer, outcome.scores.buffer, outcome.partial.buffer, outcome.dates.buffer] as ArrayBuffer[]
        return post({ id: req.id, ok: true, value: outcome }, buffers)
      }
      case 'hydrate':
        return post({ id: req.id, ok: true, value: searcher.hydrate(req.hits, req.terms) })
      case 'update':
        searcher.update(req.changed, req.removed)
        saveSoon()
        return post({ id: req.id, ok: true, value: null })
      case 'rebuild':
        await searcher.rebuild()
        return post({ id: req.id, ok: true, value: null })
      case 'sync':
        // Everything committed so far, indexed and saved, now.
        searcher.catchUp()
        if (saveTimer) clearTimeout(saveTimer)
        saveTimer = null
        if (searcher.hasUnsavedChanges) searcher.save()
        post({ type: 'ready', documents: searcher.documentCount, how: 'built' })
        return post({ id: req.id, ok: true, value: searcher.documentCount })
      case 'suggest':
        return post({ id: req.id, ok: true, value: searcher.suggest(req.prefix, req.limit) })
      case 'heap':
        ;(globalThis as { gc?: () => void }).gc?.() // present under --expose-gc (benchmarks)
        // The index's memory: its objects and the typed arrays of its postings (outside the heap).
        return post({ id: req.id, ok: true, value: getHeapStatistics().used_heap_size + process.memoryUsage().arrayBuffers })
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
