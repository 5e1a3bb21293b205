// Backups of an archive: the database copied with SQLite's online backup API (consistent even while
// the app writes; it carries the small originals, rows of original_blobs), the originals kept as
// files hard-linked (copied across disks), and a manifest with a checksum. A backup is built in a
// hidden folder and renamed into place when complete, so a crash never leaves something that looks
// like a backup and is not one. A restore checks everything first.
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { createReadStream, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { Archive, ARCHIVE_FILE, ORIGINAL_ADDRESS, ORIGINALS_DIR } from '../archive/archive'
import { migrations } from '../archive/migrations'
import { AppError } from '../errors'
import { BACKUP_DB_FILE, BACKUP_ID, MANIFEST_FILE, MANIFEST_FORMAT, manifestSchema, type BackupManifest } from './manifest'
import { processAlive } from '../process'

export { BACKUP_ID }
/** An original's path inside an archive or a backup: nothing else may be named by a manifest. */
const ORIGINAL_PATH = ORIGINAL_ADDRESS
const PARTIAL_PREFIX = '.partial-'
const INDEX_DIR = 'index'

export interface BackupInfo {
  id: string
  path: string
  createdAt: string
  appVersion: string
  schemaVersion: number
  articleCount: number
  automatic: boolean
  /** Database and originals, in bytes (hard links count in full). */
  bytes: number
}

export interface BackupProgress {
  phase: 'database' | 'originals' | 'checking'
  done: number
  total: number
}

/** By default backups sit beside the archive folder, never inside it: `<parent>/<name>-backups/`. */
export function defaultBackupsDir(archiveDir: string): string {
  const dir = resolve(archiveDir)
  return join(dirname(dir), `${basename(dir)}-backups`)
}

// One backup at a time per destination, whoever asks (the schedule, the button, the menu).
const running = new Map<string, Promise<unknown>>()
function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = running.get(key) ?? Promise.resolve()
  const next = before.catch(() => {}).then(work)
  running.set(key, next)
  void next.finally(() => running.get(key) === next && running.delete(key)).catch(() => {})
  return next
}

export interface CreateBackupOptions {
  /** Where backups go (default: defaultBackupsDir). */
  dir?: string
  automatic?: boolean
  appVersion: string
  signal?: AbortSignal
  onProgress?: (p: BackupProgress) => void
  /** The clock, for tests. */
  now?: () => Date
}

/** Makes a backup of an open archive while it stays in use. */
export function createBackup(archive: Archive, opts: CreateBackupOptions): Promise<BackupInfo> {
  const backupsDir = resolve(opts.dir ?? defaultBackupsDir(archive.dir))
  return serialized(backupsDir, () => writeBackup(archive, backupsDir, opts))
}

async function writeBackup(archive: Archive, backupsDir: string, opts: CreateBackupOptions): Promise<BackupInfo> {
  const progress = opts.onProgress ?? (() => {})
  const abortIfAsked = () => {
    if (opts.signal?.aborted) throw new AppError('cancelled', 'The backup was cancelled.')
  }
  mkdirSync(backupsDir, { recursive: true })
  removeAbandonedPartials(backupsDir)
  const createdAt = (opts.now ?? (() => new Date()))()
  const id = freeId(backupsDir, createdAt)
  const work = join(backupsDir, `${PARTIAL_PREFIX}${process.pid}-${id}`)
  mkdirSync(work)
  try {
    // 1. The database, page by page; other work on the archive goes on between the steps.
    const dbFile = join(work, BACKUP_DB_FILE)
    abortIfAsked()
    await archive.db.backup(dbFile, {
      progress: ({ totalPages, remainingPages }) => {
        progress({ phase: 'database', done: totalPages - remainingPages, total: totalPages })
        return 256
      },
    })
    abortIfAsked()
    // A self-contained file (no -wal beside it), so its checksum means something.
    const copy = new Database(dbFile)
    let schemaVersion: number
    let articleCount: number
    try {
      copy.pragma('journal_mode = DELETE')
      schemaVersion = copy.pragma('user_version', { simple: true }) as number
      articleCount = copy.prepare('SELECT count(*) FROM articles').pluck().get() as number
    } finally {
      copy.close()
    }

    // 2. The originals kept as files: immutable and content-addressed, so a hard link is as good as a copy.
    const originals = listOriginals(archive.dir)
    let done = 0
    for (const rel of originals) {
      abortIfAsked()
      const target = join(work, rel)
      mkdirSync(dirname(target), { recursive: true })
      linkOrCopy(join(archive.dir, rel), target)
      progress({ phase: 'originals', done: ++done, total: originals.length })
    }

    // 3. The manifest, last.
    progress({ phase: 'checking', done: 0, total: 1 })
    const manifest: BackupManifest = {
      app: 'arshif',
      format: MANIFEST_FORMAT,
      createdAt: createdAt.toISOString(),
      appVersion: opts.appVersion,
      schemaVersion,
      articleCount,
      automatic: opts.automatic ?? false,
      database: { file: BACKUP_DB_FILE, bytes: statSync(dbFile).size, sha256: await sha256File(dbFile) },
      originals: originals.map((rel) => ({ path: rel, bytes: statSync(join(work, rel)).size })),
    }
    writeFileSync(join(work, MANIFEST_FILE), JSON.stringify(manifest, null, 2))
    abortIfAsked()
    renameSync(work, join(backupsDir, id))
    return infoOf(id, join(backupsDir, id), manifest)
  } catch (e) {
    rmSync(work, { recursive: true, force: true })
    throw e
  }
}

/** The backups in a folder, newest first. Folders without a readable manifest are not backups. */
export function listBackups(backupsDir: string): BackupInfo[] {
  let names: string[]
  try {
    names = readdirSync(backupsDir)
  } catch {
    return []
  }
  const found: BackupInfo[] = []
  for (const id of names) {
    if (!BACKUP_ID.test(id)) continue
    const manifest = readManifest(join(backupsDir, id))
    if (manifest) found.push(infoOf(id, join(backupsDir, id), manifest))
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
}

/** Deletes the oldest automatic backups beyond `keep`. Backups a person made are never deleted. */
export function pruneBackups(backupsDir: string, keep: number): string[] {
  const automatic = listBackups(backupsDir).filter((b) => b.automatic)
  const removed: string[] = []
  for (const b of automatic.slice(Math.max(0, keep))) {
    rmSync(b.path, { recursive: true, force: true })
    removed.push(b.id)
  }
  return removed
}

/** The folder of backup `id` in `backupsDir`, refusing anything that is not a backup id. */
export function backupPath(backupsDir: string, id: string): string {
  if (!BACKUP_ID.test(id)) throw new AppError('invalid_argument', `${id} is not a backup id.`)
  const path = join(backupsDir, id)
  if (!existsSync(path)) throw new AppError('not_found', `There is no backup ${id} in ${backupsDir}.`)
  return path
}

/**
 * Everything a restore relies on, checked: the manifest, the database's checksum, SQLite's full
 * integrity check, its schema and article count, and every original file. Returns the manifest
 * or throws `backup_invalid` naming each problem.
 */
export async function verifyBackup(backupDir: string): Promise<BackupManifest> {
  const problems: string[] = []
  const fail = () => new AppError('backup_invalid', `The backup at ${backupDir} cannot be used: ${problems.join('; ')}.`)
  const manifest = readManifest(backupDir, problems)
  if (!manifest) throw fail()

  const dbFile = join(backupDir, BACKUP_DB_FILE)
  if (!existsSync(dbFile)) problems.push('its database file is missing')
  else if ((await sha256File(dbFile)) !== manifest.database.sha256) problems.push('its database file has changed since the backup was made (checksum differs)')
  else {
    let db: Database.Database | null = null
    try {
      db = new Database(dbFile, { readonly: true, fileMustExist: true })
      const check = db.pragma('integrity_check', { simple: true })
      if (check !== 'ok') problems.push(`SQLite's integrity check failed (${String(check)})`)
      const schema = db.pragma('user_version', { simple: true }) as number
      if (schema !== manifest.schemaVersion) problems.push(`its schema is ${schema}, the manifest says ${manifest.schemaVersion}`)
      if (schema > migrations.length) problems.push(`it was made by a newer version of Arshif (schema ${schema}); update the app to restore it`)
      const count = db.prepare('SELECT count(*) FROM articles').pluck().get() as number
      if (count !== manifest.articleCount) problems.push(`it holds ${count} articles, the manifest says ${manifest.articleCount}`)
      const listed = new Set(manifest.originals.map((o) => o.path))
      // An original is in the backup as a row of its database (schema 5 on) or as a listed file.
      const inDatabase = hasOriginalBlobs(db) ? ' AND NOT EXISTS (SELECT 1 FROM original_blobs b WHERE b.address = a.original_file)' : ''
      const referenced = db.prepare(`SELECT DISTINCT a.original_file FROM articles a WHERE a.original_file IS NOT NULL${inDatabase}`).pluck().all() as string[]
      const unlisted = referenced.map(toPosix).filter((p) => !listed.has(p))
      if (unlisted.length) problems.push(`${unlisted.length} original files its articles refer to are not in it (${unlisted[0]} …)`)
    } catch (e) {
      problems.push(`its database cannot be read (${(e as Error).message})`)
    } finally {
      db?.close()
    }
  }
  const missing = manifest.originals.filter((o) => {
    try {
      return statSync(join(backupDir, o.path)).size !== o.bytes
    } catch {
      return true
    }
  })
  if (missing.length) problems.push(`${missing.length} original files are missing or changed (${missing[0]!.path} …)`)
  if (problems.length) throw fail()
  return manifest
}

/** Whether an archive folder holds anything a restore would replace. */
export function archiveHoldsData(archiveDir: string): boolean {
  const file = join(archiveDir, ARCHIVE_FILE)
  if (listOriginals(archiveDir).length > 0) return true
  if (!existsSync(file) || statSync(file).size === 0) return false
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true })
    try {
      if ((db.prepare('SELECT count(*) FROM articles').pluck().get() as number) > 0) return true
      // Originals count like the files under originals/ do, even when no article refers to them.
      return hasOriginalBlobs(db) && db.prepare('SELECT 1 FROM original_blobs LIMIT 1').get() !== undefined
    } finally {
      db.close()
    }
  } catch {
    return true // unreadable or damaged: it may still hold what someone wants, so it counts
  }
}

export interface RestoreResult {
  manifest: BackupManifest
  archiveDir: string
  /** Where the replaced database was moved, if there was one. */
  setAside: string | null
}

/**
 * Restores a checked backup into `archiveDir` (which must not be open). A folder that holds data is
 * only replaced with `force`; even then its database is moved aside (`archive.sqlite.replaced-<time>`),
 * not deleted. The search index is removed: it described the replaced archive and is rebuilt.
 */
export async function restoreBackup(backupDir: string, archiveDir: string, opts: { force?: boolean; now?: () => Date } = {}): Promise<RestoreResult> {
  const manifest = await verifyBackup(backupDir)
  archiveDir = resolve(archiveDir)
  if (!opts.force && archiveHoldsData(archiveDir))
    throw new AppError('archive_not_empty', `${archiveDir} already holds an archive; restoring would replace it. Use --force to replace it (its database is kept as archive.sqlite.replaced-…).`)
  mkdirSync(archiveDir, { recursive: true })

  // The database first, under a temporary name, checked again after the copy.
  const target = join(archiveDir, ARCHIVE_FILE)
  const incoming = `${target}.restoring-${process.pid}`
  copyFileSync(join(backupDir, BACKUP_DB_FILE), incoming)
  if ((await sha256File(incoming)) !== manifest.database.sha256) {
    rmSync(incoming, { force: true })
    throw new AppError('backup_invalid', `Copying the backup's database to ${archiveDir} did not give the same bytes; nothing was replaced.`)
  }
  // Originals next: adding files never harms the archive that is still in place.
  for (const o of manifest.originals) {
    const dest = join(archiveDir, o.path)
    if (existsSync(dest) && statSync(dest).size === o.bytes) continue
    mkdirSync(dirname(dest), { recursive: true })
    const tmp = `${dest}.restoring-${process.pid}`
    linkOrCopy(join(backupDir, o.path), tmp)
    renameSync(tmp, dest)
  }
  // Then the switch: the old database (and its WAL) aside, the new one in.
  let setAside: string | null = null
  if (existsSync(target)) {
    setAside = `${target}.replaced-${stamp((opts.now ?? (() => new Date()))())}`
    renameSync(target, setAside)
    for (const side of ['-wal', '-shm']) if (existsSync(target + side)) renameSync(target + side, setAside + side)
  } else {
    for (const side of ['-wal', '-shm']) rmSync(target + side, { force: true })
  }
  renameSync(incoming, target)
  rmSync(join(archiveDir, INDEX_DIR), { recursive: true, force: true })
  // Opening it applies any newer migrations and proves it works.
  Archive.open(archiveDir).close()
  return { manifest, archiveDir, setAside }
}

// ── helpers ──────────────────────────────────────────────────────────────────────────────────

function readManifest(backupDir: string, problems: string[] = []): BackupManifest | null {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(join(backupDir, MANIFEST_FILE), 'utf8'))
  } catch (e) {
    problems.push(`its manifest cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`)
    return null
  }
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success) {
    problems.push(`its manifest is not a valid Arshif backup manifest (${parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ')})`)
    return null
  }
  const unsafe = parsed.data.originals.find((o) => !ORIGINAL_PATH.test(o.path))
  if (unsafe) {
    problems.push(`its manifest names a file outside the originals (${unsafe.path.slice(0, 80)})`)
    return null
  }
  return parsed.data
}

function infoOf(id: string, path: string, m: BackupManifest): BackupInfo {
  return {
    id,
    path,
    createdAt: m.createdAt,
    appVersion: m.appVersion,
    schemaVersion: m.schemaVersion,
    articleCount: m.articleCount,
    automatic: m.automatic,
    bytes: m.database.bytes + m.originals.reduce((n, o) => n + o.bytes, 0),
  }
}

/** Original files of an archive, as `originals/ab/<hash>.<ext>` (temporary files of a crashed write left out). */
function listOriginals(archiveDir: string): string[] {
  const root = join(archiveDir, ORIGINALS_DIR)
  const found: string[] = []
  let shards: string[]
  try {
    shards = readdirSync(root)
  } catch {
    return found
  }
  for (const shard of shards.sort()) {
    let files: string[]
    try {
      files = readdirSync(join(root, shard))
    } catch {
      continue
    }
    for (const f of files.sort()) {
      const rel = `${ORIGINALS_DIR}/${shard}/${f}`
      if (ORIGINAL_PATH.test(rel)) found.push(rel)
    }
  }
  return found
}

const hasOriginalBlobs = (db: Database.Database) =>
  db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'original_blobs'`).get() !== undefined

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to)
  } catch {
    copyFileSync(from, to) // another disk, or a file system without hard links
  }
}

const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-')

function freeId(backupsDir: string, at: Date): string {
  const base = stamp(at)
  if (!existsSync(join(backupsDir, base))) return base
  for (let n = 2; n < 1000; n++) if (!existsSync(join(backupsDir, `${base}-${n}`))) return `${base}-${n}`
  throw new AppError('internal', `Too many backups made at ${base}.`)
}

/** Half-made backups of a process that is gone (a crash mid-backup). */
function removeAbandonedPartials(backupsDir: string): void {
  for (const name of readdirSync(backupsDir)) {
    const pid = Number(/^\.partial-(\d+)-/.exec(name)?.[1])
    if (pid && !processAlive(pid)) rmSync(join(backupsDir, name), { recursive: true, force: true })
  }
}

const toPosix = (p: string) => p.replace(/\\/g, '/')

export function sha256File(file: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash('sha256')
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => done(hash.digest('hex')))
      .on('error', fail)
  })
}
