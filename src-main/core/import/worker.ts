// An import in a worker thread with its own connection to the archive (SQLite in WAL mode lets it
// write while the main thread reads), so the Electron main process and the HTTP server stay
// responsive however long the import takes. Progress goes out as messages, a few times a second;
// 'cancel' comes in as a message and stops the import at the next file.
import { parentPort, workerData } from 'node:worker_threads'
import { Archive } from '../archive/archive'
import { isAppError } from '../errors'
import { importPaths, resumeImport, type ImportProgress } from './importer'
import type { ImportWorkerInit, ImportWorkerMessage } from './worker-protocol'

const port = parentPort!
const init = workerData as ImportWorkerInit
const post = (m: ImportWorkerMessage) => port.postMessage(m)
const controller = new AbortController()
port.on('message', (m: { type: 'cancel' }) => {
  if (m.type === 'cancel') controller.abort()
})

const PROGRESS_EVERY_MS = 100
let lastPost = 0
let pending: ImportProgress | null = null
const onProgress = (p: ImportProgress) => {
  pending = p
  const now = Date.now()
  if (now - lastPost >= PROGRESS_EVERY_MS || p.done === p.total || p.finishing) {
    lastPost = now
    post({ type: 'progress', progress: p })
    pending = null
  }
}

let archive: Archive | null = null
try {
  // One turn of the event loop first, so that a cancel sent while this worker was starting is seen
  // before the first files are written (the importer looks for it between groups of files).
  await new Promise((r) => setImmediate(r))
  // The engine that started this worker opened and checked the archive already.
  archive = Archive.open(init.archiveDir, { check: false })
  const report =
    init.resumeBatchId !== undefined
      ? await resumeImport(archive, init.resumeBatchId, { onProgress, signal: controller.signal })
      : await importPaths(archive, init.paths, { origin: init.origin, label: init.label, fieldMap: init.fieldMap, onProgress, signal: controller.signal })
  if (pending) post({ type: 'progress', progress: pending })
  post({ type: 'done', report })
} catch (e) {
  post({ type: 'failed', code: isAppError(e) ? e.code : 'internal', message: e instanceof Error ? e.message : String(e) })
} finally {
  archive?.close()
  port.close()
}
