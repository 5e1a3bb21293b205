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
import type { ImportReport } from '../../core/import/importer'
import { UploadStaging } from '../../core/import/upload'
import { previewImport } from '../../core/import/preview'
import { runImportInWorker } from '../../core/import/run'
import { batchDetail, listBatches } from '../../core/import/batches'

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
  // When each import this engine runs started: a batch left 'running' that started before all of
  // them was interrupted (the app closed or crashed during it).
  const running = new Map<number, string>()
  let nextRun = 0
  const isRunning = (batch: { startedAt: string }) => [...running.values()].some((since) => batch.startedAt >= since)

  const source = (args: { uploadId?: string; paths?: string[] }): string[] =>
    args.uploadId !== undefined ? [staging.dirOf(args.uploadId)] : existingPaths(args.paths!)

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
      return jobs.start<ImportReport>('import', async (job) => {
        // One second of slack: SQLite's clock and ours are the same, their rounding may not be.
        const run = nextRun++
        running.set(run, new Date(Date.now() - 1000).toISOString())
        try {
          return await runImportInWorker(
            { archiveDir: archive.dir, paths, origin: 'ui', label, ...(fieldMap ? { fieldMap } : {}) },
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
        } finally {
          running.delete(run)
          if (args.uploadId !== undefined) staging.discard(args.uploadId)
        }
      })
    },

    'import.batches': () => listBatches(archive, isRunning),
    'import.batch': ({ id }) => batchDetail(archive, id, isRunning),
    'import.undo': ({ id }) => {
      const batch = archive.getBatch(id)
      if (!batch) throw new AppError('not_found', `There is no import batch ${id} in this archive.`)
      if (batch.status === 'running' && isRunning(batch)) throw new AppError('invalid_argument', `Batch ${id} is still being imported; cancel it first, then undo it.`)
      return { removed: archive.undoBatch(id) }
    },
  }
}
