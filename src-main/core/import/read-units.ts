// The reading half of an import: walks the batch's files in order, opens ZIP archives into their
// entries, reads and prepares each unit (./prepare.ts) and hands it on as an event. The importer
// (./importer.ts) writes the events in the same order, whether this runs in its own thread or in
// a reader thread working ahead of it (./reader.ts).
import { readFileSync, statSync } from 'node:fs'
import { basename, posix, relative } from 'node:path'
import { AppError } from '../errors'
import type { FieldMap } from './formats'
import { prepareUnit, type PreparedUnit } from './prepare'
import { looksLikeZip, readZip, type ZipLimits, type ZipUnit } from './zip'

/** Larger files are refused with a clear reason instead of exhausting memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024

export type ReadEvent =
  /** A ZIP archive was opened: it counts as its entries from now on (each comes with inZip). */
  | { type: 'zip' }
  /** A unit recorded before (resuming): nothing to do but count it. */
  | { type: 'skipped'; shown: string; inZip: boolean }
  /** A unit that could not be read or was refused. */
  | { type: 'failed'; key: string; shown: string; inZip: boolean; format?: 'zip'; problem: string }
  /** A unit read and prepared; `name` is its file name (format, extension of its original). */
  | { type: 'unit'; key: string; shown: string; inZip: boolean; name: string; bytes: Uint8Array; prepared: PreparedUnit }

export interface ReadOptions {
  /** Shown paths are relative to it. */
  root: string
  /** Units already recorded (resuming): skipped without being read. */
  done: ReadonlySet<string>
  fieldMap?: FieldMap
  zipLimits: ZipLimits
}

/**
 * Reads `files` in order and calls `emit` with each event, awaiting it (the consumer's chance to
 * commit, report progress, apply back-pressure). Stops when emit answers false; returns whether
 * every file was read.
 */
export async function readUnits(files: readonly string[], opts: ReadOptions, emit: (e: ReadEvent) => boolean | Promise<boolean>): Promise<boolean> {
  // A name met again (the same file given twice, two zip entries of the same name) is a unit of its
  // own, as it always was: its key gets the occurrence number, the same on resuming.
  const occurrences = new Map<string, number>()
  const unitKey = (key: string) => {
    const n = (occurrences.get(key) ?? 0) + 1
    occurrences.set(key, n)
    return n === 1 ? key : `${key}#${n}`
  }
  for (const file of files) {
    const shown = relative(opts.root, file) || basename(file)
    if (mayBeZip(file)) {
      if (!(await emit({ type: 'zip' }))) return false
      const finished = await readZip(
        file,
        (unit) => {
          const key = unitKey(zipUnitKey(file, unit))
          if (opts.done.has(key)) return emit({ type: 'skipped', shown: `${shown}/${'entry' in unit ? unit.entry : ''}`, inZip: true })
          return emit(zipEvent(key, unit, shown, opts.fieldMap))
        },
        opts.zipLimits,
      )
      if (!finished) return false
      continue
    }
    const key = unitKey(file)
    if (!(await emit(opts.done.has(key) ? { type: 'skipped', shown, inZip: false } : fileEvent(key, file, shown, opts.fieldMap)))) return false
  }
  return true
}

// Files named like this are read as what they say; other names are checked for a ZIP signature.
const TEXT_EXTENSIONS = /\.(txt|text|md|markdown|html?|xhtml|json|jsonl|ndjson|csv|tsv|xml|trec|sgml?)$/i
const mayBeZip = (file: string) => !TEXT_EXTENSIONS.test(file) && looksLikeZip(file)

const zipUnitKey = (zip: string, unit: ZipUnit) => (unit.kind === 'failed' ? `${zip}#failed:${unit.reason.slice(0, 80)}` : `${zip}/${unit.entry}`)

function fileEvent(key: string, file: string, shown: string, fieldMap?: FieldMap): ReadEvent {
  let bytes: Buffer
  try {
    const size = statSync(file).size
    if (size > MAX_FILE_BYTES) throw new AppError('unsupported_file', `The file is ${Math.round(size / 2 ** 20)} MB; files over ${MAX_FILE_BYTES / 2 ** 20} MB are refused.`)
    bytes = readFileSync(file)
  } catch (e) {
    return { type: 'failed', key, shown, inZip: false, problem: e instanceof AppError ? e.message : readFailure(e as NodeJS.ErrnoException) }
  }
  return { type: 'unit', key, shown, inZip: false, name: file, bytes, prepared: prepareUnit(basename(file), bytes, fieldMap) }
}

/**
 * One unit of a ZIP archive. Each entry's own bytes are kept as the original of its articles, not
 * the whole archive (deduplicated, readable by itself, never a multi-GB archive read into memory),
 * and an entry refused or without articles stores nothing.
 */
function zipEvent(key: string, unit: ZipUnit, shown: string, fieldMap?: FieldMap): ReadEvent {
  if (unit.kind === 'failed') return { type: 'failed', key, shown, inZip: true, format: 'zip', problem: unit.reason }
  const entryShown = `${shown}/${unit.entry}`
  if (unit.kind === 'refused') return { type: 'failed', key, shown: entryShown, inZip: true, problem: unit.reason }
  const name = posix.basename(unit.entry)
  return { type: 'unit', key, shown: entryShown, inZip: true, name, bytes: unit.bytes, prepared: prepareUnit(name, unit.bytes, fieldMap) }
}

/** Why a file could not be read, in words (the errno code alone means little to an archivist). */
function readFailure(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'The file cannot be read: permission denied.'
    case 'ENOENT':
      return 'The file disappeared before it could be read.'
    case 'EISDIR':
      return 'This is a folder, not a file.'
    case 'EIO':
      return 'The file could not be read: the system reported an input/output error (a damaged disk or a special file?).'
    default:
      return `The file could not be read (${e.code ?? e.message}).`
  }
}
