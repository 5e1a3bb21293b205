// The local archive: one folder holding `archive.sqlite` and the original files of every import.
// better-sqlite3 is synchronous, which is what we want here: every write is one short transaction,
// and callers that must not block (the Electron main process) run the archive in a worker.
import Database from 'better-sqlite3'
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { extname, join } from 'node:path'
import { AppError } from '../errors'
import type { Article, ArticleSummary, DatePrecision, ParsedArticle } from '../model'
import { splitParagraphs, toStoredArticle, type StoredArticle } from './text'

export type { StoredArticle } from './text'
import { migrations } from './migrations'
import { RowWriter } from './row-writer'

export const ARCHIVE_FILE = 'archive.sqlite'
export const ORIGINALS_DIR = 'originals'
/** Originals up to this size are kept in the database (original_blobs), larger ones as files. */
export const MAX_INLINE_ORIGINAL_BYTES = 1024 * 1024
/** Small originals waiting to be written (storeOriginal's `defer`): address, bytes, address, bytes … */
export type DeferredOriginals = (string | Uint8Array)[]
/** An original's address: `originals/<first two hex of the hash>/<sha256><ext>`, nothing else. */
export const ORIGINAL_ADDRESS = /^originals\/[0-9a-f]{2}\/[0-9a-f]{64}(\.[a-z0-9]{0,9})?$/

export type ArticleSort = 'date_desc' | 'date_asc' | 'added_desc' | 'title'

export interface ListArticlesOptions {
  limit?: number
  offset?: number
  sort?: ArticleSort
  source?: string
}

/** Source and tag ids by name, remembered within one transaction (Archive.insertArticles). */
export interface ArticleLookups {
  sources: Map<string, number>
  tags: Map<string, number>
}
export const newLookups = (): ArticleLookups => ({ sources: new Map(), tags: new Map() })

export type AddOutcome =
  | { status: 'added'; id: number }
  | { status: 'duplicate'; id: number }

export interface BatchRecord {
  id: number
  label: string
  origin: string
  status: 'running' | 'done' | 'cancelled' | 'failed' | 'undone'
  startedAt: string
  finishedAt: string | null
  counts: Record<string, number>
  report: unknown[]
}

const SQLITE_MAGIC = 'SQLite format 3\0'

const SORT_SQL: Record<ArticleSort, string> = {
  date_desc: 'a.published_at IS NULL, a.published_at DESC, a.id DESC',
  date_asc: 'a.published_at IS NULL, a.published_at ASC, a.id ASC',
  added_desc: 'a.id DESC',
  title: 'a.title COLLATE NOCASE ASC, a.id ASC',
}

interface ArticleRow {
  id: number
  title: string
  title_derived: number
  body: string
  published_at: string | null
  date_precision: DatePrecision
  source: string | null
  author: string | null
  url: string | null
  language: string
  content_hash: string
  batch_id: number | null
  original_file: string | null
  added_at: string
}

const summaryOf = (r: ArticleRow): ArticleSummary => ({
  id: r.id,
  title: r.title,
  titleDerived: r.title_derived === 1,
  date: r.published_at,
  datePrecision: r.date_precision,
  source: r.source,
  author: r.author || null,
})

export class Archive {
  readonly db: Database.Database

  private constructor(
    readonly dir: string,
    db: Database.Database,
  ) {
    this.db = db
  }

  /**
   * Opens the archive in `dir`, creating the folder and database when absent. A file that is not
   * a healthy SQLite database is reported, never overwritten. `check: false` skips SQLite's
   * quick_check (it reads the whole file): for a second connection of a process that opened and
   * checked the archive already.
   */
  static open(dir: string, { check = true }: { check?: boolean } = {}): Archive {
    try {
      mkdirSync(dir, { recursive: true })
      accessSync(dir, constants.W_OK)
    } catch (e) {
      throw new AppError('archive_not_writable', `The archive folder ${dir} cannot be written to (${(e as NodeJS.ErrnoException).code ?? 'error'}).`)
    }
    const file = join(dir, ARCHIVE_FILE)
    if (existsSync(file)) assertLooksLikeSqlite(file)

    let db: Database.Database
    try {
      // ARSHIF_SQLITE_BINDING: the desktop app in development, with better-sqlite3 built for Electron
      // beside the Node build (scripts/native.js); worker threads inherit it with the environment.
      db = new Database(file, { nativeBinding: process.env.ARSHIF_SQLITE_BINDING || undefined })
      db.pragma('journal_mode = WAL')
      db.pragma('foreign_keys = ON')
      db.pragma('synchronous = NORMAL')
      db.pragma('busy_timeout = 5000')
      const result = check ? db.pragma('quick_check', { simple: true }) : 'ok'
      if (result !== 'ok') throw new Error(String(result))
    } catch (e) {
      if (e instanceof AppError) throw e
      throw new AppError('archive_corrupt', `The archive at ${file} is damaged and was left untouched (${(e as Error).message}). Restore it from a backup.`)
    }
    const archive = new Archive(dir, db)
    archive.migrate()
    return archive
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number
    if (current > migrations.length) {
      this.db.close()
      throw new AppError('archive_too_new', `This archive was written by a newer version of Arshif (schema ${current}); update the app to open it.`)
    }
    for (let version = current; version < migrations.length; version++) {
      this.db.transaction(() => {
        this.db.exec(migrations[version]!)
        this.db.pragma(`user_version = ${version + 1}`)
      })()
    }
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number
  }

  close(): void {
    if (this.db.open) this.db.close()
  }

  // ── articles ──────────────────────────────────────────────────────────────────────────────

  /** Moves on every insert, update and delete of an article (see migration 002). */
  articlesGeneration(): number {
    return this.stmt(`SELECT value FROM archive_state WHERE key = 'articles_generation'`).pluck().get() as number
  }

  articleCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
  }

  listArticles(opts: ListArticlesOptions = {}): { items: ArticleSummary[]; total: number } {
    const where = opts.source ? 'WHERE s.name = @source' : ''
    const params = { source: opts.source, limit: opts.limit ?? 50, offset: opts.offset ?? 0 }
    const rows = this.db
      .prepare(
        `SELECT a.id, a.title, a.title_derived, a.published_at, a.date_precision, s.name AS source, a.author
         FROM articles a LEFT JOIN sources s ON s.id = a.source_id ${where}
         ORDER BY ${SORT_SQL[opts.sort ?? 'date_desc']} LIMIT @limit OFFSET @offset`,
      )
      .all(params) as ArticleRow[]
    const total = (this.db.prepare(`SELECT count(*) AS n FROM articles a LEFT JOIN sources s ON s.id = a.source_id ${where}`).get(params) as { n: number }).n
    return { items: rows.map(summaryOf), total }
  }

  getArticle(id: number): Article | null {
    const row = this.db
      .prepare(`SELECT a.*, s.name AS source FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?`)
      .get(id) as ArticleRow | undefined
    if (!row) return null
    const tags = this.db
      .prepare('SELECT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id WHERE at.article_id = ? ORDER BY t.name')
      .pluck()
      .all(id) as string[]
    return {
      ...summaryOf(row),
      paragraphs: splitParagraphs(row.body),
      url: row.url,
      language: row.language,
      contentHash: row.content_hash,
      batchId: row.batch_id,
      originalFile: row.original_file,
      addedAt: row.added_at,
      tags,
    }
  }

  /**
   * Adds parsed articles in one transaction: either all of them are written or none is, so a crash
   * mid-import never leaves half an article. An article whose normalized text is already in the
   * archive is not added again; its outcome names the article it duplicates.
   */
  addArticles(articles: ParsedArticle[], batchId: number | null, originalFile: string | null = null): AddOutcome[] {
    return this.insertArticles(articles.map(toStoredArticle), batchId, originalFile)
  }

  /**
   * addArticles for articles whose body and hash were made beforehand (toStoredArticle, in the
   * importer's reader thread). `lookups` remembers source and tag ids between calls: give the
   * same one to the calls of one transaction (a source or tag deleted by another writer between
   * transactions must not be referred to).
   */
  insertArticles(articles: readonly StoredArticle[], batchId: number | null, originalFile: string | null = null, lookups: ArticleLookups = newLookups()): AddOutcome[] {
    return this.db.transaction(() => this.insertArticlesInTransaction(articles, batchId, originalFile, lookups))()
  }

  /**
   * insertArticles for a caller that holds a transaction (or savepoint) around it and rolls it back
   * on an error, as the importer does for each file: one savepoint less per file.
   */
  insertArticlesInTransaction(articles: readonly StoredArticle[], batchId: number | null, originalFile: string | null, lookups: ArticleLookups): AddOutcome[] {
    if (!this.db.inTransaction) throw new Error('insertArticlesInTransaction: no transaction is open')
    const findByHash = this.stmt('SELECT id FROM articles WHERE content_hash = ?').pluck()
    // The UNIQUE content_hash makes the duplicate check: no lookup before every insert.
    const insert = this.stmt(
      // The id after the highest ever used, not SQLite's max(id) + 1: an undone article's id is never reused (migration 006).
      `INSERT INTO articles (id, title, title_derived, body, published_at, date_precision, source_id, author, url, language, content_hash, batch_id, original_file)
       VALUES ((SELECT value + 1 FROM archive_state WHERE key = 'articles_last_id'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (content_hash) DO NOTHING`,
    )
    const { sources } = lookups
    return articles.map((a): AddOutcome => {
      const hash = a.contentHash
      const source = a.source?.trim()
      let sourceId = source ? sources.get(source) : undefined
      if (source && sourceId === undefined) {
        // A source is only created for an article that is added, never for a duplicate.
        const existing = findByHash.get(hash) as number | undefined
        if (existing !== undefined) return { status: 'duplicate', id: existing }
        sources.set(source, (sourceId = this.sourceId(source)))
      }
      const run = insert.run(
        a.title.trim(),
        a.titleDerived ? 1 : 0,
        a.body,
        a.publishedAt ?? null,
        a.publishedAt ? (a.datePrecision ?? 'day') : 'unknown',
        sourceId ?? null,
        a.author?.trim() || null,
        a.url ?? null,
        a.language ?? 'ar',
        hash,
        batchId,
        originalFile,
      )
      if (run.changes === 0) return { status: 'duplicate', id: findByHash.get(hash) as number }
      const id = Number(run.lastInsertRowid)
      for (const tag of a.tags ?? []) this.tagArticle(id, tag, lookups)
      return { status: 'added', id }
    })
  }

  /** Ids of the articles carrying any of the tags and (if given) in any of the collections. */
  articleIdsIn({ tags, collections }: { tags?: string[]; collections?: number[] }): Set<number> {
    const marks = (list: unknown[]) => list.map(() => '?').join(',')
    const byTag = tags?.length
      ? new Set(this.db.prepare(`SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name IN (${marks(tags)})`).pluck().all(...tags) as number[])
      : null
    const byCollection = collections?.length
      ? new Set(this.db.prepare(`SELECT article_id FROM collection_articles WHERE collection_id IN (${marks(collections)})`).pluck().all(...collections) as number[])
      : null
    if (byTag && byCollection) return new Set([...byTag].filter((id) => byCollection.has(id)))
    return byTag ?? byCollection ?? new Set()
  }

  deleteArticle(id: number): boolean {
    return this.db.prepare('DELETE FROM articles WHERE id = ?').run(id).changes > 0
  }

  /** Statements an import runs per article, prepared once (preparing costs more than running them). */
  private readonly statements = new Map<string, Database.Statement>()
  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)))
    return s
  }

  private sourceId(name: string): number {
    this.stmt('INSERT INTO sources (name) VALUES (?) ON CONFLICT(name) DO NOTHING').run(name)
    return this.stmt('SELECT id FROM sources WHERE name = ?').pluck().get(name) as number
  }

  private tagArticle(articleId: number, tag: string, { tags }: ArticleLookups): void {
    const name = tag.trim()
    if (!name) return
    let tagId = tags.get(name)
    if (tagId === undefined) {
      this.stmt('INSERT INTO tags (name) VALUES (?) ON CONFLICT(name) DO NOTHING').run(name)
      tags.set(name, (tagId = this.stmt('SELECT id FROM tags WHERE name = ?').pluck().get(name) as number))
    }
    this.stmt('INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)').run(articleId, tagId)
  }

  listSources(): { name: string; articles: number }[] {
    return this.db
      .prepare(
        `SELECT s.name, count(a.id) AS articles FROM sources s LEFT JOIN articles a ON a.source_id = s.id
         GROUP BY s.id HAVING articles > 0 ORDER BY articles DESC, s.name`,
      )
      .all() as { name: string; articles: number }[]
  }

  // ── import batches ─────────────────────────────────────────────────────────────────────────

  beginBatch(label: string, origin: string): number {
    return Number(this.db.prepare('INSERT INTO import_batches (label, origin) VALUES (?, ?)').run(label, origin).lastInsertRowid)
  }

  finishBatch(id: number, status: BatchRecord['status'], counts: Record<string, number>, report: unknown[]): void {
    this.db
      .prepare(
        `UPDATE import_batches SET status = ?, counts = ?, report = ?, finished_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
      )
      .run(status, JSON.stringify(counts), JSON.stringify(report), id)
  }

  getBatch(id: number): BatchRecord | null {
    const r = this.db.prepare('SELECT * FROM import_batches WHERE id = ?').get(id) as
      | { id: number; label: string; origin: string; status: BatchRecord['status']; started_at: string; finished_at: string | null; counts: string; report: string }
      | undefined
    if (!r) return null
    return {
      id: r.id,
      label: r.label,
      origin: r.origin,
      status: r.status,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      counts: JSON.parse(r.counts),
      report: JSON.parse(r.report),
    }
  }

  /** Removes every article a batch added, in one transaction. Their originals are kept. */
  undoBatch(id: number): number {
    return this.db.transaction(() => {
      // Near-duplicate bands have no cascade (see migration 003); their links do.
      this.db.prepare('DELETE FROM article_bands WHERE article_id IN (SELECT id FROM articles WHERE batch_id = ?)').run(id)
      const removed = this.db.prepare('DELETE FROM articles WHERE batch_id = ?').run(id).changes
      this.db.prepare(`UPDATE import_batches SET status = 'undone' WHERE id = ?`).run(id)
      return removed
    })()
  }

  // ── original files ─────────────────────────────────────────────────────────────────────────

  /**
   * Keeps a copy of an imported file, content-addressed so the same bytes under the same extension
   * are stored once. Returns the address, a path relative to the archive folder
   * (`originals/ab/<sha256><ext>`), whether the bytes end up there or in the database.
   *
   * Up to MAX_INLINE_ORIGINAL_BYTES the bytes are a row of `original_blobs` (a file each cost more
   * than the rest of an import): call it inside the transaction that inserts the articles referring
   * to it, so a crash keeps both or neither. Outside a transaction the row commits on its own.
   * Larger files are written beside the database, to a temporary name and renamed, so a crash never
   * leaves a truncated original. An address already held as a loose file (archives from before
   * schema 5) is not stored again.
   *
   * `sha256`: the bytes' hash when the caller made it already. `defer`: a list the row waits in
   * instead, to be written with writeDeferredOriginals before the transaction commits (an import
   * writes its originals together, outside each file's savepoint).
   */
  storeOriginal(bytes: Uint8Array, fileName: string, { sha256, defer }: { sha256?: string; defer?: DeferredOriginals } = {}): string {
    const hash = sha256 ?? createHash('sha256').update(bytes).digest('hex')
    const ext = extname(fileName).toLowerCase().replace(/[^.a-z0-9]/g, '').slice(0, 10)
    const rel = join(ORIGINALS_DIR, hash.slice(0, 2), hash + ext)
    const abs = join(this.dir, rel)
    if (bytes.byteLength <= MAX_INLINE_ORIGINAL_BYTES) {
      if (this.mayHoldLooseOriginals() && existsSync(abs)) return rel
      if (defer) defer.push(rel, bytes)
      else this.stmt('INSERT OR IGNORE INTO original_blobs (address, bytes) VALUES (?, ?)').run(rel, bytes)
    } else if (!existsSync(abs)) {
      const sub = join(this.dir, ORIGINALS_DIR, hash.slice(0, 2))
      if (!this.originalDirs.has(sub)) mkdirSync(sub, { recursive: true }), this.originalDirs.add(sub)
      this.looseOriginals = true
      const tmp = `${abs}.${process.pid}.tmp`
      writeFileSync(tmp, bytes)
      renameSync(tmp, abs)
    }
    return rel
  }
  private readonly originalDirs = new Set<string>()

  /** Writes the originals storeOriginal deferred (call in the transaction of their articles), and empties the list. */
  writeDeferredOriginals(rows: DeferredOriginals): void {
    this.originalRows ??= new RowWriter(this.db, 'INSERT OR IGNORE INTO original_blobs (address, bytes)', 2, 50)
    this.originalRows.write(rows)
    rows.length = 0
  }
  private originalRows: RowWriter | undefined

  /**
   * Whether originals/ may hold files, so a fresh archive's small originals cost no file lookup.
   * A folder made later by another process only means a copy could be stored twice, both whole.
   */
  private looseOriginals: boolean | undefined
  private mayHoldLooseOriginals(): boolean {
    return (this.looseOriginals ??= existsSync(join(this.dir, ORIGINALS_DIR)))
  }

  /**
   * The bytes of an original by its address (articles.original_file): from the database, else the
   * loose file, else null. Anything but an originals address is refused, so no other file is read.
   */
  readOriginal(address: string): Buffer | null {
    if (!ORIGINAL_ADDRESS.test(address.replace(/\\/g, '/')))
      throw new AppError('invalid_argument', `${address.slice(0, 100)} is not the address of an original file.`)
    const row = this.stmt('SELECT bytes FROM original_blobs WHERE address = ?').pluck().get(address) as Buffer | undefined
    if (row) return row
    try {
      return readFileSync(join(this.dir, address))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
  }

  // ── settings ───────────────────────────────────────────────────────────────────────────────

  getSetting<T>(key: string, fallback: T): T {
    const v = this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined
    return v === undefined ? fallback : (JSON.parse(v) as T)
  }

  setSetting(key: string, value: unknown): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(value))
  }
}

function assertLooksLikeSqlite(file: string): void {
  const fd = openSync(file, 'r')
  try {
    const header = Buffer.alloc(16)
    const n = readSync(fd, header, 0, 16, 0)
    if (n === 0) return // an empty file: SQLite treats it as a new database
    if (header.toString('latin1') !== SQLITE_MAGIC)
      throw new AppError('archive_corrupt', `${file} is not an Arshif archive (not a SQLite database); it was left untouched.`)
  } finally {
    closeSync(fd)
  }
}
