// Runs an import in a worker thread (./worker.ts) and turns its messages back into a promise,
// progress callbacks and cancellation through an AbortSignal.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { AppError } from '../errors'
import type { ImportProgress, ImportReport } from './importer'
import type { ImportWorkerInit, ImportWorkerMessage } from './worker-protocol'

/**
 * The worker's script. In the Electron build the engine is bundled into out/main/engine.js with
 * `import-worker.js` beside it (electron.vite.config.ts); from source (CLI, serve, tests) the
 * TypeScript worker is started through tsx.
 */
export function importWorkerUrl(): URL {
  // Beside the bundle this code landed in, or one folder up should the bundler put it in chunks/.
  for (const candidate of ['./import-worker.js', '../import-worker.js']) {
    const bundled = new URL(candidate, import.meta.url)
    if (bundled.protocol === 'file:' && existsSync(fileURLToPath(bundled))) return bundled
  }
  return new URL('./worker-from-source.mjs', import.meta.url)
}

export function runImportInWorker(
  init: ImportWorkerInit,
  opts: { onProgress?: (p: ImportProgress) => void; signal?: AbortSignal; workerUrl?: URL } = {},
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(opts.workerUrl ?? importWorkerUrl(), { workerData: init })
    let settled = false
    const settle = (fn: () => void) => {
      if (settled) return
      settled = true
      opts.signal?.removeEventListener('abort', cancel)
      fn()
    }
    const cancel = () => worker.postMessage({ type: 'cancel' })
    if (opts.signal?.aborted) cancel()
    else opts.signal?.addEventListener('abort', cancel)

    worker.on('message', (m: ImportWorkerMessage) => {
      if (m.type === 'progress') opts.onProgress?.(m.progress)
      else if (m.type === 'done') settle(() => resolve(m.report))
      else settle(() => reject(new AppError(m.code, m.message)))
    })
    worker.on('error', (e) => settle(() => reject(new AppError('internal', `The import stopped unexpectedly: ${e.message}`))))
    worker.on('exit', (code) => settle(() => reject(new AppError('internal', `The import stopped unexpectedly (worker exit code ${code}).`))))
  })
}
