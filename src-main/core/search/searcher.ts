// Owns the search index of one archive: loads the saved snapshot when it still matches the
// archive, rebuilds it (with progress) when it does not, keeps it in step with changes, and answers
// queries a page at a time. Runs wherever it is put: in a worker thread for the app and serve
// mode, in-process for the CLI.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type MiniSearch from 'minisearch'
import type { Archive } from '../archive/archive'
import type { DatePrecision } from '../model'
import { analyze, normalize } from '../arabic'
import { ANALYZER_VERSION, findMatches } from './analysis'
import { bulkBuilder, type BulkBuilder } from './bulk-build'
import { createIndex, search, type SearchDocument, type SearchOutcome, type SearchRequest } from './engine'
import { makeSnippet, type Snippet } from './snippet'
import { loadIndexSnapshot, writeIndexSnapshot } from './snapshot'
import { processAlive } from '../process'

/** Bump when the snapshot's shape or the index options change: old snapshots are then rebuilt (2: snapshot.ts's binary postings). */
export const INDEX_FORMAT = 2
export const INDEX_DIR = 'index'
const BUILD_CHUNK = 500

/** Which part of the archive an index holds: the articles whose id % count === index. */
export interface Segment {
  index: number
  count: number
}
const WHOLE: Segment = { index: 0, count: 1 }

export interface IndexProgress {
  phase: 'loading' | 'building' | 'saving' | 'ready'
  done: number
  total: number
}

interface SnapshotMeta {
  format: number
  analyzer: string
  generation: number
  articles: number
  savedAt: string
}

/** The archive at one moment: its change counter and its highest article id, read together. */
interface ArchiveMark {
  generation: number
  maxId: number
}

export interface SearchPageRequest extends SearchRequest {
  offset?: number
  limit?: number
}

export interface SearchHitView {
  id: number
  title: string
  titleHighlights: [number, number][]
  source: string | null
  date: string | null
  datePrecision: DatePrecision
  author: string | null
  score: number
  partial: boolean
  snippet: Snippet
}

export interface SearchPage {
  total: number
  complete: number
  offset: number
  hits: SearchHitView[]
  facets: SearchOutcome['facets']
  terms: string[]
  tookMs: number
}

interface ArticleRow {
  id: number
  title: string
  body: string
  author: string | null
  source: string | null
  published_at: string | null
  date_precision: DatePrecision
}

const ARTICLE_SQL = `SELECT a.id, a.title, a.body, a.author, s.name AS source, a.published_at, a.date_precision
  FROM articles a LEFT JOIN sources s ON s.id = a.source_id`

/** Diacritics and tatweel off: completions are offered bare. */
const stripMarks = (w: string) => w.replace(/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, '')

const toDocument = (r: ArticleRow): SearchDocument => ({
  id: r.id,
  title: r.title,
  body: r.body,
  author: r.author ?? '',
  source: r.source ?? '',
  date: r.published_at ?? '',
})

export class Searcher {
  private index: MiniSearch<SearchDocument> = createIndex()
  private lastQuery: { key: string; outcome: SearchOutcome } | null = null
  private readonly dir: string
  private readonly snapshotFile: string
  /** Where snapshots were kept in MiniSearch's JSON (format 1): removed at the next save. */
  private readonly legacySnapshotFile: string
  private readonly metaFile: string
  /** SQL that keeps this segment's articles. */
  private readonly inSegment: string
  /** The archive's change counter when the index last matched it. */
  private generation = -1
  /** The archive's highest article id (any segment) at that moment: articles above it are new. */
  private seenUpTo = 0
  /** Whether the index has changes its snapshot lacks. */
  private unsaved = false
  /** Adds articles in bulk while the index only grows (kept between catch-ups: it remembers word forms). */
  private appender: BulkBuilder | null = null
  private readonly getRow
  private readonly getText
  private readonly readMark
  private readonly countNewer
  private readonly rowsBetween

  constructor(
    private readonly archive: Archive,
    private readonly onProgress: (p: IndexProgress) => void = () => {},
    private readonly segment: Segment = WHOLE,
  ) {
    this.dir = join(archive.dir, INDEX_DIR)
    const name = segment.count === 1 ? 'search' : `search.${segment.index + 1}-of-${segment.count}`
    this.snapshotFile = join(this.dir, `${name}.index`)
    this.legacySnapshotFile = join(this.dir, `${name}.json`)
    this.metaFile = join(this.dir, `${name}.meta.json`)
    this.inSegment = segment.count === 1 ? '1' : `a.id % ${segment.count} = ${segment.index}`
    this.getRow = archive.db.prepare(`${ARTICLE_SQL} WHERE a.id = ?`)
    this.getText = archive.db.prepare('SELECT title, body FROM articles WHERE id = ?')
    const generation = archive.db.prepare(`SELECT value FROM archive_state WHERE key = 'articles_generation'`).pluck()
    const maxId = archive.db.prepare('SELECT coalesce(max(id), 0) FROM articles').pluck()
    // One read transaction: the counter and the id are of the same moment, whatever commits meanwhile.
    this.readMark = archive.db.transaction((): ArchiveMark => ({ generation: generation.get() as number, maxId: maxId.get() as number }))
    this.countNewer = archive.db.prepare('SELECT count(*) FROM articles WHERE id > ? AND id <= ?').pluck()
    this.rowsBetween = archive.db.prepare(`${ARTICLE_SQL} WHERE a.id > ? AND a.id <= ? AND ${this.inSegment} ORDER BY a.id LIMIT ${BUILD_CHUNK}`)
  }

  /** The archive's change counter and highest id, read at one moment. */
  private mark(): ArchiveMark {
    return this.readMark.deferred()
  }

  private text(id: number): { title: string; body: string } | null {
    return (this.getText.get(id) as { title: string; body: string } | undefined) ?? null
  }

  private articleCount(): number {
    return this.archive.db.prepare(`SELECT count(*) FROM articles a WHERE ${this.inSegment}`).pluck().get() as number
  }

  private mine(id: number): boolean {
    return id % this.segment.count === this.segment.index
  }

  get documentCount(): number {
    return this.index.documentCount
  }

  /** Loads the snapshot if it matches the archive exactly; otherwise rebuilds and saves it. */
  async open(): Promise<'loaded' | 'built'> {
    const total = this.articleCount()
    this.onProgress({ phase: 'loading', done: 0, total })
    if (this.tryLoadSnapshot()) {
      this.onProgress({ phase: 'ready', done: total, total })
      return 'loaded'
    }
    await this.rebuild()
    return 'built'
  }

  private tryLoadSnapshot(): boolean {
    try {
      const meta = JSON.parse(readFileSync(this.metaFile, 'utf8')) as SnapshotMeta
      if (meta.format !== INDEX_FORMAT || meta.analyzer !== ANALYZER_VERSION) return false
      const mark = this.mark()
      if (meta.generation !== mark.generation || meta.articles !== this.articleCount()) return false
      const index = loadIndexSnapshot(readFileSync(this.snapshotFile))
      if (index.documentCount !== meta.articles) return false
      this.index = index
      this.appender = null
      this.generation = meta.generation
      this.seenUpTo = mark.maxId
      this.unsaved = false
      return true
    } catch {
      return false // missing, unreadable or corrupt: never trusted, rebuilt
    }
  }

  async rebuild(): Promise<void> {
    const mark = this.mark()
    const total = this.articleCount()
    this.index = await this.build(mark.maxId, total)
    this.appender = null
    this.generation = mark.generation
    this.seenUpTo = mark.maxId
    this.lastQuery = null
    this.save(mark.generation)
    this.onProgress({ phase: 'ready', done: total, total })
  }

  /**
   * A new index of this segment's articles up to `maxId` (the archive as it was at the mark: what is
   * added meanwhile is caught up with afterwards). A method of its own so that the builder's word
   * memory is garbage by the time the snapshot is written (the peak of a large build).
   */
  private async build(maxId: number, total: number): Promise<MiniSearch<SearchDocument>> {
    const index = createIndex()
    const builder = bulkBuilder(index)
    let done = 0
    for (let lastId = 0; ; ) {
      const rows = this.rowsBetween.all(lastId, maxId) as ArticleRow[]
      if (rows.length === 0) break
      builder.add(rows.map(toDocument))
      lastId = rows.at(-1)!.id
      done += rows.length
      this.onProgress({ phase: 'building', done, total })
      await new Promise((r) => setImmediate(r)) // let progress and queries through
    }
    builder.flush()
    return index
  }

  /** Saves the snapshot atomically (temporary file, then rename), stamped with the archive's generation. */
  save(generation = this.generation): void {
    this.onProgress({ phase: 'saving', done: 0, total: this.index.documentCount })
    mkdirSync(this.dir, { recursive: true })
    const meta: SnapshotMeta = { format: INDEX_FORMAT, analyzer: ANALYZER_VERSION, generation, articles: this.index.documentCount, savedAt: new Date().toISOString() }
    // The meta file goes last: a crash between the two renames leaves a snapshot whose meta does not
    // match it, which is rebuilt at the next start. Temporary names carry the pid, so two processes
    // saving at once never write into the same file; a killed process's leftovers are removed here.
    removeDeadTemporaries(this.dir, [this.snapshotFile, this.metaFile])
    const tmp = `${this.snapshotFile}.${process.pid}.tmp`
    writeIndexSnapshot(this.index, tmp)
    renameSync(tmp, this.snapshotFile)
    rmSync(this.legacySnapshotFile, { force: true })
    const metaTmp = `${this.metaFile}.${process.pid}.tmp`
    writeFileSync(metaTmp, JSON.stringify(meta))
    renameSync(metaTmp, this.metaFile)
    if (generation === this.generation) this.unsaved = false
    this.appender = null // what it remembers (word forms) is worth keeping during an import, not after
    // A save after catching up (another process imported) must not leave the status at 'saving'.
    this.onProgress({ phase: 'ready', done: this.index.documentCount, total: this.index.documentCount })
  }

  /** Brings the index in step after articles were added, edited or removed. */
  update(changed: number[], removed: number[]): void {
    this.apply(changed, removed)
    this.catchUp() // and anything else that changed meanwhile, so the generation stamp stays true
  }

  private apply(changed: number[], removed: number[]): void {
    if (changed.length + removed.length === 0) return
    this.appender = null // a discard may take terms out of the tree
    for (const id of removed) if (this.index.has(id)) this.index.discard(id)
    for (const id of changed.filter((i) => this.mine(i))) {
      const row = this.getRow.get(id) as ArticleRow | undefined
      if (this.index.has(id)) this.index.discard(id)
      if (row) this.index.add(toDocument(row))
    }
    this.lastQuery = null
    this.unsaved = true
  }

  /**
   * Catches up with articles added or deleted since the index last matched the archive (an import
   * running in another thread or process). The usual case is an import that only added articles:
   * the change counter then moved by exactly the number of articles above the last id seen, and
   * those are indexed in bulk. Anything else (an undo, an edit) compares ids. Returns whether the
   * index changed.
   */
  catchUp(): boolean {
    const mark = this.mark()
    if (mark.generation === this.generation) return false
    const added = mark.maxId > this.seenUpTo ? (this.countNewer.get(this.seenUpTo, mark.maxId) as number) : 0
    const changed = mark.generation - this.generation === added ? this.appendNewer(this.seenUpTo, mark.maxId) : this.compareIds(mark.maxId)
    this.generation = mark.generation
    this.seenUpTo = mark.maxId
    if (changed) {
      this.lastQuery = null
      this.unsaved = true
    }
    return changed
  }

  /** Indexes this segment's articles with ids in (after, upTo], in bulk. */
  private appendNewer(after: number, upTo: number): boolean {
    const builder = (this.appender ??= bulkBuilder(this.index))
    let added = 0
    for (let lastId = after; ; ) {
      const rows = this.rowsBetween.all(lastId, upTo) as ArticleRow[]
      if (rows.length === 0) break
      lastId = rows.at(-1)!.id
      const fresh = rows.filter((r) => !this.index.has(r.id))
      builder.add(fresh.map(toDocument))
      added += fresh.length
    }
    builder.flush()
    return added > 0
  }

  /** Brings the index to the archive's ids up to `upTo`: removes the deleted, adds the missing. */
  private compareIds(upTo: number): boolean {
    const inArchive = new Set(this.archive.db.prepare(`SELECT a.id FROM articles a WHERE a.id <= ? AND ${this.inSegment}`).pluck().all(upTo) as number[])
    const indexed = (this.index as unknown as { _idToShortId?: Map<number, number> })._idToShortId
    const removed = indexed ? [...indexed.keys()].filter((id) => !inArchive.has(id)) : []
    const added = [...inArchive].filter((id) => !this.index.has(id))
    this.apply(added, removed)
    return added.length + removed.length > 0
  }

  /** Whether the index has changes its saved snapshot lacks. */
  get hasUnsavedChanges(): boolean {
    return this.unsaved
  }

  /** True when the index may have missed a change (another process wrote to the archive). */
  isStale(): boolean {
    return this.index.documentCount !== this.articleCount()
  }

  /** Every hit of a query in this index, ranked, with facets (the last query's outcome is kept for paging). */
  outcome(req: SearchRequest): SearchOutcome {
    const key = JSON.stringify({ q: req.q, filters: req.filters && { ...req.filters, ids: req.filters.ids && [...req.filters.ids] }, sort: req.sort, strict: req.strict })
    if (this.lastQuery?.key === key) return this.lastQuery.outcome
    const outcome = search(this.index, req, (id) => this.text(id))
    this.lastQuery = { key, outcome }
    return outcome
  }

  /** The hits of one page as the Search view shows them: title, outlet, date and the best passage highlighted. */
  hydrate(hits: { id: number; score: number; partial: boolean }[], terms: string[]): SearchHitView[] {
    return hits.flatMap((h): SearchHitView[] => {
      const row = this.getRow.get(h.id) as ArticleRow | undefined
      if (!row) return []
      return [
        {
          id: row.id,
          title: row.title,
          titleHighlights: findMatches(row.title, terms),
          source: row.source,
          date: row.published_at,
          datePrecision: row.date_precision,
          author: row.author,
          score: h.score,
          partial: h.partial,
          snippet: makeSnippet(row.body, findMatches(row.body, terms)),
        },
      ]
    })
  }

  query(req: SearchPageRequest): SearchPage {
    const started = performance.now()
    const outcome = this.outcome(req)
    const offset = req.offset ?? 0
    const hits = this.hydrate(outcome.hits.slice(offset, offset + (req.limit ?? 20)), outcome.terms)
    return { total: outcome.hits.length, complete: outcome.complete, offset, hits, facets: outcome.facets, terms: outcome.terms, tookMs: Math.round((performance.now() - started) * 10) / 10 }
  }

  /**
   * Completions of a word being typed, as words of the archive's text: the index holds stems (هجن),
   * so each completed stem is shown in the form an article writes it, preferring a form that starts
   * like what was typed (الهج → الهجن, not هجن).
   */
  suggest(prefix: string, limit = 8): string[] {
    const typed = normalize(prefix)
    const words: string[] = []
    for (const { terms } of this.index.autoSuggest(prefix, { prefix: true, fuzzy: false })) {
      if (words.length >= limit) break
      const stem = terms.at(-1)
      if (!stem) continue
      const top = this.index.search(stem, { processTerm: (t: string) => t, prefix: false, fuzzy: false }).slice(0, 3)
      const forms = top.flatMap((r) => {
        const row = this.text(r.id)
        if (!row) return []
        const text = `${row.title}\n${row.body}`
        return analyze(text)
          .filter((t) => t.term === stem)
          .map((t) => stripMarks(text.slice(t.start, t.end)))
      })
      const word = forms.find((f) => normalize(f).startsWith(typed)) ?? forms[0]
      if (word && !words.includes(word)) words.push(word)
    }
    return words
  }
}

/** Temporary snapshot files (`<file>.<pid>.tmp`) of processes that died mid-save (a crash, kill -9). */
function removeDeadTemporaries(dir: string, files: string[]): void {
  const names = new Set(files.map((f) => basename(f)))
  for (const entry of readdirSync(dir)) {
    const m = /^(.*)\.(\d+)\.tmp$/.exec(entry)
    if (!m || !names.has(m[1]!) || processAlive(Number(m[2]))) continue
    rmSync(join(dir, entry), { force: true })
  }
}

