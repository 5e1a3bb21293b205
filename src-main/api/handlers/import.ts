// The import operations, implemented over the core. No transport concerns here.
// An import runs in a worker thread (core/import/run.ts) with its own archive connection, as a job.
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { basename, resolve } from 'node:path'
import type { HandlersFor } from '../contract'
import type { importContract } from '../contracts/import'
import type { EngineContext } from '../context'
import { AppError } from '../../core/errors'
import type { FieldMap } from '../../core/import/formats'
import { UploadStaging } from '../../core/import/upload'
import { previewImport } from '../../core/import/preview'
import { runImportInWorker } from '../../core/import/run'
import { batchDetail, batchInputPaths, listBatches, resumableInputPaths, type IsRunning } from '../../core/import/batches'
import { interruptedBatches, type ImportReport } from '../../core/import/importer'
import type { ImportWorkerInit } from '../../core/import/worker-protocol'

/** `~/x` → the home folder; everything else absolute from the engine's working folder. */
function typedPath(p: string): string {
  const t = p.trim()
  return resolve(t === '~' || t.startsWith('~/') ? homedir() + t.slice(1) : t)
}

function existingPaths(paths: string[]): string[] {
  const resolved = paths.map(typedPath)
  const missing = resolved.filter((p) => !existsSync(p))
  if (missing.length === resolved.length) {
    throw new AppError('not_found', `Nothing to import: ${missing.length === 1 ? `"${missing[0]}" does not exist` : 'none of these paths exists'} on this computer.`)
  }
  // Some missing among others: the import reports each as a failed file.
  return resolved
}

/** A FieldMap without the keys zod left undefined. */
function cleanMap(map: Partial<Record<keyof FieldMap, string>> | undefined): FieldMap | undefined {
  if (!map) return undefined
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v !== undefined)) as FieldMap
}

export function importHandlers(ctx: EngineContext): HandlersFor<typeof importContract> {
  const { archive, jobs } = ctx
  const staging = new UploadStaging(archive.dir)
  try {
    staging.sweepAbandoned(new Set(resumableInputPaths(archive).map((paths) => staging.uploadIdOf(paths)).filter((id): id is string => !!id)))
  } catch {
    // Tidying up is not worth failing the engine's start for.
  }
  // When each import this engine runs started: a batch left 'running' that started before all of
  // them is not one of ours. The importer's own test (interruptedBatches: is the process that ran it
  // gone?) decides for batches of other processes.
  const running = new Map<number, string>()
  let nextRun = 0
  const ours = (batch: { startedAt: string }) => [...running.values()].some((since) => batch.startedAt >= since)
  const inputsOf = archive.db.prepare('SELECT pid FROM import_batch_inputs WHERE batch_id = ?')
  /** Asked once per call: which 'running' batches are really running (ours, or another live process's). */
  const runningNow = (): IsRunning => {
    const interrupted = new Set(interruptedBatches(archive).map((b) => b.id))
    return (batch) => {
      if (ours(batch)) return true
      const inputs = inputsOf.get(batch.id) as { pid: number } | undefined
      // This process's batches that are not running are not running; legacy batches cannot tell.
      return !!inputs && inputs.pid !== process.pid && !interrupted.has(batch.id)
    }
  }

  const source = (args: { uploadId?: string; paths?: string[] }): string[] =>
    args.uploadId !== undefined ? [staging.dirOf(args.uploadId)] : existingPaths(args.paths!)

  /** Runs an import (or a resumption) in its worker as a job; an upload's staging goes once its batch is complete. */
  const startJob = (init: Omit<ImportWorkerInit, 'archiveDir'>) =>
    jobs.start<ImportReport>('import', async (job) => {
      const run = nextRun++
      // One second of slack: SQLite's clock and ours are the same, their rounding may not be.
      running.set(run, new Date(Date.now() - 1000).toISOString())
      try {
        const report = await runImportInWorker(
          { archiveDir: archive.dir, ...init },
          {
            signal: job.signal,
            onProgress: (p) =>
              job.progress({
                done: p.done,
                total: p.total,
                current: p.currentFile,
                counts: { files: p.files, added: p.added, duplicates: p.duplicates, failed: p.failed },
              }),
          },
        )
        // A cancelled or interrupted batch keeps its staged files, so it can be resumed.
        const uploadId = staging.uploadIdOf(init.resumeBatchId !== undefined ? batchInputPaths(archive, report.batchId) : init.paths)
        if (report.status === 'done' && uploadId) staging.discard(uploadId)
        return report
      } finally {
        running.delete(run)
      }
    })

  return {
    'import.upload': ({ uploadId, files }) => staging.write(uploadId, files),

    'import.discard': ({ uploadId }) => {
      staging.discard(uploadId)
      return { discarded: true as const }
    },

    'import.preview': (args) => previewImport(source(args), cleanMap(args.map)),

    'import.start': (args) => {
      const paths = source(args)
      const label = args.label ?? (args.uploadId !== undefined ? staging.topLevelNames(args.uploadId).join(', ') : paths.map((p) => basename(p)).join(', '))
      const fieldMap = cleanMap(args.map)
      return startJob({ paths, origin: 'ui', label, ...(fieldMap ? { fieldMap } : {}) })
    },

    'import.resume': ({ id }) => {
      const batch = batchDetail(archive, id, runningNow())
      if (batch.status !== 'interrupted' && batch.status !== 'cancelled') {
        throw new AppError('invalid_argument', `Batch ${id} is ${batch.status}; only an interrupted or cancelled import can be resumed.`)
      }
      return startJob({ paths: [], origin: batch.origin, resumeBatchId: id })
    },

    'import.batches': () => listBatches(archive, runningNow()),
    'import.batch': ({ id }) => batchDetail(archive, id, runningNow()),
    'import.undo': ({ id }) => {
      const batch = archive.getBatch(id)
      if (!batch) throw new AppError('not_found', `There is no import batch ${id} in this archive.`)
      if (batch.status === 'running' && runningNow()({ id, startedAt: batch.startedAt })) {
        throw new AppError('invalid_argument', `Batch ${id} is still being imported; cancel it first, then undo it.`)
      }
      const removed = archive.undoBatch(id)
      // Undone, it will not be resumed: its staged files (if it came from the window) can go.
      const uploadId = staging.uploadIdOf(batchInputPaths(archive, id))
      if (uploadId) staging.discard(uploadId)
      return { removed }
    },
  }
}
