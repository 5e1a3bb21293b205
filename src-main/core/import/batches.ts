// The import history as the Import view shows it: every batch newest first with its counts, and
// whether a batch left 'running' is really running or was interrupted (the app closed or crashed
// during it), which the engine can tell because it knows which imports it is running itself.
import type { Archive, BatchRecord } from '../archive/archive'
import { AppError } from '../errors'
import type { FileOutcome } from './importer'

export type BatchStatus = Exclude<BatchRecord['status'], 'running'> | 'running' | 'interrupted'

export interface BatchSummary {
  id: number
  label: string
  origin: string
  status: BatchStatus
  startedAt: string
  finishedAt: string | null
  counts: { files: number; added: number; duplicates: number; failed: number }
  /** Articles of this batch still in the archive (0 once undone). */
  articles: number
}

export interface BatchDetail extends BatchSummary {
  /** Per-file outcomes, failed first, then those with problems, then the rest, each in import order. */
  files: FileOutcome[]
}

/** Whether this engine is importing the batch now (else a 'running' batch was interrupted). */
export type IsRunning = (batch: { id: number; startedAt: string }) => boolean

interface BatchRow {
  id: number
  label: string
  origin: string
  status: BatchRecord['status']
  started_at: string
  finished_at: string | null
  counts: string
  articles: number
}

const countsOf = (json: string): BatchSummary['counts'] => {
  const c = JSON.parse(json) as Record<string, number>
  // The sample loader counts 'imported' where imports count 'added'.
  return { files: c.files ?? 0, added: c.added ?? c.imported ?? 0, duplicates: c.duplicates ?? 0, failed: c.failed ?? 0 }
}

const summary = (r: BatchRow, isRunning: IsRunning): BatchSummary => ({
  id: r.id,
  label: r.label,
  origin: r.origin,
  status: r.status === 'running' && !isRunning({ id: r.id, startedAt: r.started_at }) ? 'interrupted' : r.status,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  counts: countsOf(r.counts),
  articles: r.articles,
})

const SELECT = `SELECT b.id, b.label, b.origin, b.status, b.started_at, b.finished_at, b.counts,
  (SELECT COUNT(*) FROM articles a WHERE a.batch_id = b.id) AS articles FROM import_batches b`

export function listBatches(archive: Archive, isRunning: IsRunning, limit = 200): BatchSummary[] {
  const rows = archive.db.prepare(`${SELECT} ORDER BY b.id DESC LIMIT ?`).all(limit) as BatchRow[]
  return rows.map((r) => summary(r, isRunning))
}

const rank = (f: FileOutcome) => (f.status === 'failed' ? 0 : f.problems.length ? 1 : 2)

export function batchDetail(archive: Archive, id: number, isRunning: IsRunning): BatchDetail {
  const row = archive.db.prepare(`${SELECT} WHERE b.id = ?`).get(id) as BatchRow | undefined
  const record = archive.getBatch(id)
  if (!row || !record) throw new AppError('not_found', `There is no import batch ${id} in this archive.`)
  const files = (record.report as FileOutcome[]).map((f, i) => ({ f, i }))
  files.sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
  return { ...summary(row, isRunning), files: files.map(({ f }) => f) }
}

/** The paths a batch imported (recorded when it began; none for batches from before resuming existed). */
export function batchInputPaths(archive: Archive, id: number): string[] {
  const row = archive.db.prepare('SELECT paths FROM import_batch_inputs WHERE batch_id = ?').get(id) as { paths: string } | undefined
  return row ? (JSON.parse(row.paths) as string[]) : []
}

/** The inputs of every batch that may still be resumed (interrupted or cancelled). */
export function resumableInputPaths(archive: Archive): string[][] {
  const rows = archive.db
    .prepare(`SELECT i.paths FROM import_batch_inputs i JOIN import_batches b ON b.id = i.batch_id WHERE b.status IN ('running', 'cancelled')`)
    .pluck()
    .all() as string[]
  return rows.map((json) => JSON.parse(json) as string[])
}
