// Imports files and folders into the archive as one batch. Each file is parsed on its own and
// written in its own transaction, so one bad file is reported and the rest goes on, and a crash
// never leaves half a file's articles behind. The original bytes are kept in the archive folder.
// A ZIP archive (./zip.ts) is expanded: each file inside is a unit of its own, `<zip>/<entry>`.
//
// Resuming: the batch's input paths are stored when it begins, and each unit's outcome is written
// in the same transaction as its articles (and their near-duplicate links, ./near-duplicates.ts).
// After a crash the batch stays 'running' with exactly the finished units recorded;
// resumeImport() goes on with the others under the same batch id.
import { readdirSync, statSync } from 'node:fs'
import { hostname } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { newLookups, type Archive, type DeferredOriginals } from '../archive/archive'
import { RowWriter } from '../archive/row-writer'
import { AppError } from '../errors'
import type { FieldMap } from './formats'
import { NearDuplicateIndex } from './near-duplicates'
import type { PreparedUnit } from './prepare'
import { MAX_FILE_BYTES, readUnits, type ReadEvent, type ReadOptions } from './read-units'
import { ReaderThread } from './reader'
import { ZIP_LIMITS, type ZipLimits } from './zip'
import { processAlive } from '../process'

export { MAX_FILE_BYTES } from './read-units'

export interface FileOutcome {
  file: string
  status: 'imported' | 'duplicate' | 'failed'
  format?: string
  added: number
  duplicates: number
  /** Of the articles added, how many were linked to an earlier article they resemble (reprints, light edits). */
  nearDuplicates?: number
  /** What went wrong, or what was odd but not fatal (an empty title, an unreadable date). */
  problems: string[]
}

export interface ImportCounts {
  files: number
  added: number
  duplicates: number
  failed: number
  /** Articles added and linked to an earlier one they resemble (counted within `added`). */
  nearDuplicates?: number
}

export interface ImportReport {
  batchId: number
  status: 'done' | 'cancelled'
  counts: ImportCounts
  files: FileOutcome[]
}

export interface ImportProgress extends ImportCounts {
  total: number
  done: number
  currentFile: string
  /**
   * Sent once, when every unit is written and the import is committing: a host may start what
   * comes next. (`done === total` does not say it: a ZIP archive's entries are counted as they
   * are read, so that holds after each entry of a last ZIP.)
   */
  finishing?: boolean
}

export interface ImportOptions {
  origin: string
  label?: string
  fieldMap?: FieldMap
  onProgress?: (p: ImportProgress) => void
  signal?: AbortSignal
  /** Limits for ZIP archives; by default an entry may be as large as a file (MAX_FILE_BYTES). */
  zipLimits?: ZipLimits
  /** Read ahead in a thread of its own (true), in this thread (false); by default by the batch's size. */
  readerThread?: boolean
}

/** What resuming takes: the paths, label and field map are the batch's own. */
export type ResumeOptions = Omit<ImportOptions, 'origin' | 'label' | 'fieldMap'>

/** A batch left 'running' by a process that is gone (a crash, a kill, a power cut). */
export interface InterruptedBatch {
  id: number
  label: string
  origin: string
  startedAt: string
  paths: string[]
  /** Units (files, zip entries) already finished and recorded. */
  unitsDone: number
  /** Articles it added before it stopped. */
  added: number
}

/**
 * Every file under the given paths, folders walked recursively, hidden files skipped, in name
 * order. Folders are listed with their entries' types, so a file costs no stat here; `bytes()`
 * stats them all for their total size (asked only of batches with few files).
 */
export function collectFiles(paths: string[]): { files: string[]; missing: string[]; bytes: () => number } {
  const files: string[] = []
  const missing: string[] = []
  const walk = (p: string) => {
    let st
    try {
      st = statSync(p)
    } catch {
      missing.push(p)
      return
    }
    if (st.isDirectory()) walkFolder(p)
    else if (st.isFile()) files.push(p)
  }
  const walkFolder = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const e of entries) {
      if (e.name.startsWith('.')) continue
      const p = join(dir, e.name)
      if (e.isDirectory()) walkFolder(p)
      else if (e.isFile()) files.push(p)
      else walk(p) // a symbolic link: what it points to
    }
  }
  for (const p of paths) walk(resolve(p))
  const bytes = () =>
    files.reduce((sum, f) => {
      try {
        return sum + statSync(f).size
      } catch {
        return sum // gone meanwhile: the reader reports it
      }
    }, 0)
  return { files, missing, bytes }
}

export async function importPaths(archive: Archive, paths: string[], opts: ImportOptions): Promise<ImportReport> {
  const absolute = paths.map((p) => resolve(p))
  const label = opts.label ?? paths.map((p) => basename(p)).join(', ')
  const batchId = archive.db.transaction(() => {
    const id = archive.beginBatch(label, opts.origin)
    archive.db
      .prepare('INSERT INTO import_batch_inputs (batch_id, paths, options, pid, host) VALUES (?, ?, ?, ?, ?)')
      .run(id, JSON.stringify(absolute), JSON.stringify(opts.fieldMap ? { fieldMap: opts.fieldMap } : {}), process.pid, hostname())
    return id
  })()
  return runBatch(archive, batchId, absolute, opts)
}

/**
 * Batches left 'running' whose process is gone. A batch started by this very process (a worker
 * thread that died, say) counts as interrupted unless `isRunning` says the host still runs it.
 */
export function interruptedBatches(archive: Archive, isRunning: (batchId: number) => boolean = () => false): InterruptedBatch[] {
  const rows = archive.db
    .prepare(
      `SELECT b.id, b.label, b.origin, b.started_at, i.paths, i.pid, i.host,
              (SELECT count(*) FROM import_file_outcomes o WHERE o.batch_id = b.id) AS units,
              (SELECT count(*) FROM articles a WHERE a.batch_id = b.id) AS added
       FROM import_batches b JOIN import_batch_inputs i ON i.batch_id = b.id
       WHERE b.status = 'running' ORDER BY b.id`,
    )
    .all() as { id: number; label: string; origin: string; started_at: string; paths: string; pid: number; host: string; units: number; added: number }[]
  return rows
    // A batch of this very process: only the host knows whether it still runs it (isRunning).
    .filter((r) => (r.pid === process.pid && r.host === hostname() ? !isRunning(r.id) : !batchProcessAlive(r.pid, r.host)))
    .map((r) => ({ id: r.id, label: r.label, origin: r.origin, startedAt: r.started_at, paths: JSON.parse(r.paths) as string[], unitsDone: r.units, added: r.added }))
}

/**
 * Goes on with an interrupted (or cancelled) batch: the units already recorded are skipped, the
 * others imported under the same batch id, and the batch finished with every unit's outcome.
 */
export async function resumeImport(archive: Archive, batchId: number, opts: ResumeOptions = {}): Promise<ImportReport> {
  const batch = archive.getBatch(batchId)
  if (!batch) throw new AppError('not_found', `There is no import batch ${batchId}.`)
  const inputs = archive.db.prepare('SELECT paths, options, pid, host FROM import_batch_inputs WHERE batch_id = ?').get(batchId) as
    | { paths: string; options: string; pid: number; host: string }
    | undefined
  if (!inputs) throw new AppError('invalid_argument', `Batch ${batchId} was imported by an older version and cannot be resumed; undo it and import again.`)
  if (batch.status !== 'running' && batch.status !== 'cancelled')
    throw new AppError('invalid_argument', `Batch ${batchId} is ${batch.status}; only an interrupted or cancelled import can be resumed.`)
  // Another live process still runs it. (Within this process the caller knows: see interruptedBatches.)
  if (batch.status === 'running' && inputs.pid !== process.pid && batchProcessAlive(inputs.pid, inputs.host))
    throw new AppError('invalid_argument', `Batch ${batchId} is still being imported by process ${inputs.pid}.`)
  const { fieldMap } = JSON.parse(inputs.options) as { fieldMap?: FieldMap }
  archive.db.prepare(`UPDATE import_batches SET status = 'running', finished_at = NULL WHERE id = ?`).run(batchId)
  archive.db.prepare('UPDATE import_batch_inputs SET pid = ?, host = ? WHERE batch_id = ?').run(process.pid, hostname(), batchId)
  return runBatch(archive, batchId, JSON.parse(inputs.paths) as string[], { ...opts, fieldMap, origin: batch.origin, label: batch.label })
}

/** Whether the process that ran a batch is still there (only knowable on the same machine). */
function batchProcessAlive(pid: number, host: string): boolean {
  return (!host || host === hostname()) && processAlive(pid)
}

/**
 * Writes each unit's articles, links and outcome together (a savepoint each: one unit is whole or
 * absent, a failing unit rolls back alone), several units to a transaction: committing is the
 * costly part of a small file. The transaction is committed before the importer awaits anything
 * (commit()), so no other code on this connection ever writes inside it, with one exception: it
 * stays open while the importer waits for its reader thread's next units (a commit each time the
 * writes catch up with the reads cost a second on 10,000 small files). An import with a reader
 * thread is a large one, and runs on a connection of its own (the app's import worker, the CLI).
 * A crash loses at most the units of the last open transaction (about a second's worth), which
 * resuming then imports.
 */
class BatchWriter {
  readonly done = new Set<string>()
  private open = false
  private openedAt = 0
  private pending = 0
  private readonly nearDuplicates: NearDuplicateIndex
  /** Runs a unit's writes in a savepoint of the open transaction: all of them or none. */
  private readonly inSavepoint: (write: () => void) => void
  private readonly outcomeWriter: RowWriter
  /** Outcome rows not written yet: batch id, unit, outcome (JSON), one row after another. */
  private outcomeRows: (number | string)[] = []
  /** The open transaction's small originals, written just before it commits (Archive.storeOriginal), and their size. */
  private readonly originals: DeferredOriginals = []
  private originalBytes = 0
  /** Source and tag ids met in the open transaction. */
  private lookups = newLookups()

  private readonly autocheckpoint: number
  /** The articles' change counter as this import left it: moved by anyone else, and the near-duplicate index must ask the database. */
  private generation: number

  constructor(
    private readonly archive: Archive,
    readonly batchId: number,
  ) {
    // The LSH bands (written at each commit) and the content-hash index land at random places of
    // their B-trees: a roomier page cache than the default 2 MB keeps them in memory. Not much
    // roomier: what the cache held stays in the process after the import (64 MB took the
    // import and index of SaudiNewsNet past 1 GB; 16 MB was as fast).
    if ((archive.db.pragma('cache_size', { simple: true }) as number) > -IMPORT_CACHE_KB) archive.db.pragma(`cache_size = -${IMPORT_CACHE_KB}`)
    // Every commit rewrites the pages it touched into the WAL, and a checkpoint copies them into the
    // database file: with the default (4 MB) an import checkpoints after nearly every commit, copying
    // the same band pages again and again. A larger WAL during the import, one checkpoint at the end.
    this.autocheckpoint = archive.db.pragma('wal_autocheckpoint', { simple: true }) as number
    archive.db.pragma(`wal_autocheckpoint = ${IMPORT_WAL_PAGES}`)
    this.nearDuplicates = new NearDuplicateIndex(archive.db, { inMemory: true })
    this.generation = archive.articlesGeneration()
    // Made once: better-sqlite3 builds five functions for each transaction() (10,000 files, 50,000).
    this.inSavepoint = archive.db.transaction((write: () => void) => write())
    this.outcomeWriter = new RowWriter(archive.db, 'INSERT INTO import_file_outcomes (batch_id, unit, outcome)', 3, 100)
    for (const unit of archive.db.prepare('SELECT unit FROM import_file_outcomes WHERE batch_id = ?').pluck().all(batchId) as string[]) this.done.add(unit)
  }

  /** Outcomes recorded so far, in the order they were done. */
  outcomes(): FileOutcome[] {
    return (this.archive.db.prepare('SELECT outcome FROM import_file_outcomes WHERE batch_id = ? ORDER BY id').pluck().all(this.batchId) as string[]).map(
      (json) => JSON.parse(json) as FileOutcome,
    )
  }

  /**
   * Records a unit's outcome (alone for a unit without articles: failed, refused, empty). The rows
   * wait, like the band rows, and are written together just before the commit, so they still
   * commit with their units' articles: one statement per 100 units instead of one each.
   */
  record(unit: string, outcome: FileOutcome): void {
    this.begin()
    this.outcomeRows.push(this.batchId, unit, JSON.stringify(outcome))
    this.done.add(unit)
    this.pending++
  }

  private begin(): void {
    if (this.open || this.archive.db.inTransaction) return // (a caller's own transaction: it commits)
    this.archive.db.exec('BEGIN IMMEDIATE')
    this.lookups = newLookups()
    if (this.archive.articlesGeneration() !== this.generation) this.nearDuplicates.useDatabase()
    this.open = true
    this.openedAt = Date.now()
    this.pending = 0
  }

  /** Commits the units written so far (call before any await). */
  commit(): void {
    // The band, outcome and original rows wait for this moment: they commit with their articles.
    this.nearDuplicates.flush()
    this.outcomeWriter.write(this.outcomeRows)
    this.outcomeRows = []
    this.archive.writeDeferredOriginals(this.originals)
    this.originalBytes = 0
    if (this.open) {
      this.generation = this.archive.articlesGeneration()
      this.archive.db.exec('COMMIT')
    }
    this.open = false
    this.pending = 0
  }

  /** Forgets what waited for a transaction that SQLite rolled back by itself. */
  private abandonTransaction(): void {
    this.nearDuplicates.discardSince(0)
    this.outcomeRows = []
    this.originals.length = 0
    this.originalBytes = 0
    this.open = false
    this.pending = 0
  }

  /** Commits when enough units or time have gone by; says whether it did. */
  commitSometimes(): boolean {
    if (!this.open || (this.pending < COMMIT_EVERY_UNITS && this.originalBytes < COMMIT_EVERY_BYTES && Date.now() - this.openedAt < COMMIT_EVERY_MS)) return false
    this.commit()
    return true
  }

  /** Commits, checkpoints what the import wrote and gives the connection its WAL setting back. */
  finish(): void {
    this.commit()
    this.archive.db.pragma(`wal_autocheckpoint = ${this.autocheckpoint}`)
    // PASSIVE: never waits for a reader (the app's own connection may be reading).
    this.archive.db.pragma('wal_checkpoint(PASSIVE)')
  }

  /** Writes one read unit: its original, articles, near-duplicate links and outcome, or why it failed. */
  writeUnit(unit: string, name: string, bytes: Uint8Array, prepared: PreparedUnit, outcome: FileOutcome): FileOutcome {
    if (!prepared.ok) return this.fail(unit, outcome, prepared.problem)
    outcome.format = prepared.format
    outcome.problems.push(...prepared.problems)
    if (prepared.articles.length === 0) {
      outcome.problems.push('No article was found in this file.')
      this.record(unit, outcome)
      return outcome
    }
    this.begin()
    const bandsMark = this.nearDuplicates.pendingMark()
    const originalsMark = this.originals.length
    const writeUnit = () => {
      // An original kept in the database waits for the commit of its articles (and is dropped
      // with them if the unit rolls back); one written as a file is there before they are (a crash
      // leaves an unused copy, never a missing one).
      const original = this.archive.storeOriginal(bytes, name, { sha256: prepared.sha256, defer: this.originals })
      this.originalBytes += bytes.byteLength
      const articles = prepared.articles.map((p) => p.article)
      const results = this.archive.insertArticlesInTransaction(articles, this.batchId, original, this.lookups)
      let linked = 0
      results.forEach((r, i) => {
        if (r.status !== 'added') return
        const p = prepared.articles[i]!
        if (p.signature && this.nearDuplicates.addSigned(r.id, p.signature, p.article.publishedAt ?? null).length > 0) linked++
      })
      outcome.added = results.filter((r) => r.status === 'added').length
      outcome.duplicates = results.length - outcome.added
      if (linked) outcome.nearDuplicates = linked
      outcome.status = outcome.added > 0 ? 'imported' : 'duplicate'
      this.record(unit, outcome)
    }
    try {
      this.inSavepoint(writeUnit)
    } catch (e) {
      // SQLite rolled the whole transaction back (a full disk, an I/O error): the earlier units
      // of this transaction are gone too, so none of their waiting rows may be written, and the
      // import stops here (resuming goes on from the last commit).
      if (this.open && !this.archive.db.inTransaction) {
        this.abandonTransaction()
        throw e
      }
      // Rolled back: the unit's band rows and original must not be written either. (Its outcome is recorded last, after anything that may fail.)
      this.nearDuplicates.discardSince(bandsMark)
      this.originals.length = originalsMark
      return this.fail(unit, outcome, e instanceof Error ? e.message : String(e))
    }
    return outcome
  }

  /** Records a unit that failed, with the reason. */
  fail(unit: string, outcome: FileOutcome, problem: string): FileOutcome {
    outcome.status = 'failed'
    outcome.added = outcome.duplicates = 0
    delete outcome.nearDuplicates
    outcome.problems.push(problem)
    this.record(unit, outcome)
    return outcome
  }
}

// A commit costs far more than a unit of a few KB (it writes every page touched since the last one),
// so units are grouped: about a second's worth, which is also what a crash can lose (and resuming
// imports again) and how long a cancel waits.
const COMMIT_EVERY_UNITS = 1000
const COMMIT_EVERY_MS = 1000
/** …or sooner when this many bytes of originals wait in memory to be written with it. */
const COMMIT_EVERY_BYTES = 32 * 1024 * 1024
const IMPORT_CACHE_KB = 16 * 1024
/** WAL pages (4 KB) before a checkpoint during an import: 64 MB. */
const IMPORT_WAL_PAGES = 16384

/**
 * Inputs this large are read by a reader thread working ahead of the writes (./reader.ts): the
 * parse and the SQLite writes then use both cores. Smaller ones are read here; a thread's start
 * costs more than it would save.
 */
const READER_THREAD_MIN_FILES = 200
const READER_THREAD_MIN_BYTES = 16 * 1024 * 1024

async function runBatch(archive: Archive, batchId: number, paths: string[], opts: ImportOptions): Promise<ImportReport> {
  const { files, missing, bytes } = collectFiles(paths)
  const writer = new BatchWriter(archive, batchId)
  const counts: ImportCounts = { files: files.length + missing.length, added: 0, duplicates: 0, failed: 0 }
  const count = (outcome: FileOutcome) => {
    counts.added += outcome.added
    counts.duplicates += outcome.duplicates
    if (outcome.nearDuplicates) counts.nearDuplicates = (counts.nearDuplicates ?? 0) + outcome.nearDuplicates
    if (outcome.status === 'failed') counts.failed++
  }
  // Resuming: what was done before counts as done.
  const previous = writer.outcomes()
  previous.forEach(count)
  for (const file of missing) {
    if (writer.done.has(file)) continue
    const outcome: FileOutcome = { file, status: 'failed', added: 0, duplicates: 0, problems: ['The file or folder does not exist.'] }
    writer.record(file, outcome)
    count(outcome)
  }
  writer.commit()
  const root = paths.length === 1 ? paths[0]! : process.cwd()

  // A ZIP archive counts as one unit until it is opened, then as its entries, counted as they come.
  let total = files.length
  let done = 0
  let currentFile = ''
  const progress = (file: string) => {
    counts.files = missing.length + total
    currentFile = file
    opts.onProgress?.({ ...counts, total, done: ++done, currentFile })
  }
  const finishing = () => opts.onProgress?.({ ...counts, total, done, currentFile, finishing: true })
  /** Writes one event of the reader (in order); the caller commits. */
  const write = (e: ReadEvent) => {
    if (e.type === 'zip') {
      total--
      return
    }
    if (e.inZip) total++
    if (e.type === 'skipped') return progress(e.shown)
    const outcome: FileOutcome = { file: e.shown, status: 'failed', added: 0, duplicates: 0, problems: [] }
    if (e.type === 'failed') {
      if (e.format) outcome.format = e.format
      writer.fail(e.key, outcome, e.problem)
    } else writer.writeUnit(e.key, e.name, e.bytes, e.prepared, outcome)
    count(outcome)
    progress(outcome.file)
  }
  const readOptions: ReadOptions = { root, done: writer.done, fieldMap: opts.fieldMap, zipLimits: opts.zipLimits ?? { ...ZIP_LIMITS, maxEntryBytes: MAX_FILE_BYTES } }
  const breathe = () => new Promise((r) => setImmediate(r))

  let finished = false
  try {
    if (opts.readerThread ?? (files.length >= READER_THREAD_MIN_FILES || bytes() >= READER_THREAD_MIN_BYTES)) {
      const reader = new ReaderThread({ ...readOptions, files, done: [...writer.done] })
      try {
        for (;;) {
          // The transaction may stay open while the reader catches up (see BatchWriter).
          const chunk = await reader.next()
          if (!chunk) break
          for (const e of chunk.events) {
            if (opts.signal?.aborted) break
            write(e)
          }
          if (opts.signal?.aborted) break
          finished = chunk.finished
          if (writer.commitSometimes()) await breathe()
        }
        if (finished) finishing()
      } finally {
        writer.commit()
        await reader.stop()
      }
    } else {
      finished = await readUnits(files, readOptions, async (e) => {
        if (opts.signal?.aborted) return false
        write(e)
        // Let the event loop breathe after each commit so that progress and cancellation get
        // through; within a ZIP archive readZip awaits the next entry, so commit each (never an
        // await with a transaction open: see BatchWriter).
        if (e.type === 'zip' || e.inZip) writer.commit()
        else if (writer.commitSometimes()) await breathe()
        return true
      })
      if (finished) finishing()
    }
  } finally {
    writer.finish()
  }
  const status: ImportReport['status'] = finished ? 'done' : 'cancelled'

  counts.files = missing.length + total
  const outcomes = writer.outcomes()
  archive.finishBatch(batchId, status, { ...counts }, outcomes)
  return { batchId, status, counts, files: outcomes }
}
