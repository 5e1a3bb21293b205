// Runs an import in a worker thread (./worker.ts) and turns its messages back into a promise,
// progress callbacks and cancellation through an AbortSignal.
import { Worker } from 'node:worker_threads'
import { AppError } from '../errors'
import { workerScript } from '../worker-script'
import type { ImportProgress, ImportReport } from './importer'
import type { ImportWorkerInit, ImportWorkerMessage } from './worker-protocol'

/** The worker's script: `import-worker.js` beside the built engine, else the TypeScript source. */
export const importWorkerUrl = (): URL => workerScript('import-worker.js', new URL('./worker-from-source.mjs', import.meta.url))

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
