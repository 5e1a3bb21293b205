// Imports files and folders into the archive as one batch. Each file is parsed on its own and
// written in its own transaction, so one bad file is reported and the rest goes on, and a crash
// never leaves half a file's articles behind. The original bytes are kept in the archive folder.
// A ZIP archive (./zip.ts) is expanded: each file inside is a unit of its own, `<zip>/<entry>`.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, posix, relative, resolve } from 'node:path'
import type { Archive } from '../archive/archive'
import { AppError } from '../errors'
import { parseFile, type FieldMap } from './formats'
import { looksLikeZip, readZip, ZIP_LIMITS, type ZipLimits, type ZipUnit } from './zip'

/** Larger files are refused with a clear reason instead of exhausting memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024

export interface FileOutcome {
  file: string
  status: 'imported' | 'duplicate' | 'failed'
  format?: string
  added: number
  duplicates: number
  /** What went wrong, or what was odd but not fatal (an empty title, an unreadable date). */
  problems: string[]
}

export interface ImportCounts {
  files: number
  added: number
  duplicates: number
  failed: number
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
}

export interface ImportOptions {
  origin: string
  label?: string
  fieldMap?: FieldMap
  onProgress?: (p: ImportProgress) => void
  signal?: AbortSignal
  /** Limits for ZIP archives; by default an entry may be as large as a file (MAX_FILE_BYTES). */
  zipLimits?: ZipLimits
}

/** Every file under the given paths, folders walked recursively, hidden files skipped. */
export function collectFiles(paths: string[]): { files: string[]; missing: string[] } {
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
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) walk(join(p, name))
    } else if (st.isFile()) files.push(p)
  }
  for (const p of paths) walk(resolve(p))
  return { files, missing }
}

export async function importPaths(archive: Archive, paths: string[], opts: ImportOptions): Promise<ImportReport> {
  const { files, missing } = collectFiles(paths)
  const label = opts.label ?? paths.map((p) => basename(p)).join(', ')
  const batchId = archive.beginBatch(label, opts.origin)
  const counts: ImportCounts = { files: files.length + missing.length, added: 0, duplicates: 0, failed: 0 }
  const outcomes: FileOutcome[] = missing.map((file) => ({ file, status: 'failed', added: 0, duplicates: 0, problems: ['The file or folder does not exist.'] }))
  counts.failed += missing.length
  const root = paths.length === 1 ? resolve(paths[0]!) : process.cwd()
  let status: ImportReport['status'] = 'done'

  // A ZIP archive counts as one unit until it is opened, then as its entries, counted as they come.
  let total = files.length
  let done = 0
  const record = (outcome: FileOutcome) => {
    outcomes.push(outcome)
    counts.added += outcome.added
    counts.duplicates += outcome.duplicates
    if (outcome.status === 'failed') counts.failed++
    counts.files = missing.length + total
    opts.onProgress?.({ ...counts, total, done: ++done, currentFile: outcome.file })
  }
  const zipLimits = opts.zipLimits ?? { ...ZIP_LIMITS, maxEntryBytes: MAX_FILE_BYTES }

  for (const file of files) {
    if (opts.signal?.aborted) {
      status = 'cancelled'
      break
    }
    const shown = relative(root, file) || basename(file)
    if (looksLikeZip(file)) {
      total--
      const finished = await readZip(
        file,
        (unit) => {
          total++
          record(zipUnitOutcome(archive, unit, shown, batchId, opts.fieldMap))
          return !opts.signal?.aborted
        },
        zipLimits,
      )
      if (!finished) {
        status = 'cancelled'
        break
      }
      continue
    }
    record(importOne(archive, file, shown, batchId, opts.fieldMap))
    // Let the event loop breathe between files so progress and cancellation get through.
    if (done % 16 === 0) await new Promise((r) => setImmediate(r))
  }

  archive.finishBatch(batchId, status, { ...counts }, outcomes)
  return { batchId, status, counts, files: outcomes }
}

function importOne(archive: Archive, file: string, shown: string, batchId: number, fieldMap?: FieldMap): FileOutcome {
  const outcome: FileOutcome = { file: shown, status: 'failed', added: 0, duplicates: 0, problems: [] }
  try {
    const size = statSync(file).size
    if (size > MAX_FILE_BYTES) throw new AppError('unsupported_file', `The file is ${Math.round(size / 2 ** 20)} MB; files over ${MAX_FILE_BYTES / 2 ** 20} MB are refused.`)
    return importBytes(archive, readFileSync(file), file, outcome, batchId, fieldMap)
  } catch (e) {
    outcome.problems.push(e instanceof Error ? e.message : String(e))
  }
  return outcome
}

/**
 * One unit of a ZIP archive. Each entry's own bytes are kept as the original of its articles, not
 * the whole archive: storeOriginal takes the bytes in memory and stores them content-addressed
 * under the file's extension, so an entry is stored like a file on disk (deduplicated, readable
 * by itself, never a multi-GB archive read into memory), and an entry refused or without articles
 * stores nothing.
 */
function zipUnitOutcome(archive: Archive, unit: ZipUnit, shown: string, batchId: number, fieldMap?: FieldMap): FileOutcome {
  if (unit.kind === 'failed') return { file: shown, status: 'failed', format: 'zip', added: 0, duplicates: 0, problems: [unit.reason] }
  const outcome: FileOutcome = { file: `${shown}/${unit.entry}`, status: 'failed', added: 0, duplicates: 0, problems: [] }
  if (unit.kind === 'refused') {
    outcome.problems.push(unit.reason)
    return outcome
  }
  try {
    return importBytes(archive, unit.bytes, posix.basename(unit.entry), outcome, batchId, fieldMap)
  } catch (e) {
    outcome.problems.push(e instanceof Error ? e.message : String(e))
  }
  return outcome
}

/** Parses and writes one unit's bytes; `name` gives the file name (format, original's extension). */
function importBytes(archive: Archive, bytes: Buffer, name: string, outcome: FileOutcome, batchId: number, fieldMap?: FieldMap): FileOutcome {
  const parsed = parseFile(basename(name), bytes, { fieldMap })
  outcome.format = parsed.format
  outcome.problems.push(...parsed.problems.map((p) => (p.record !== undefined ? `Record ${p.record}: ${p.reason}` : p.reason)))
  if (parsed.articles.length === 0) {
    outcome.problems.push('No article was found in this file.')
    return outcome
  }
  const original = archive.storeOriginal(bytes, name)
  const results = archive.addArticles(parsed.articles, batchId, original)
  outcome.added = results.filter((r) => r.status === 'added').length
  outcome.duplicates = results.length - outcome.added
  outcome.status = outcome.added > 0 ? 'imported' : 'duplicate'
  return outcome
}
