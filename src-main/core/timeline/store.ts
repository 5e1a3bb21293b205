// Saved timelines and collections in the archive's tables (timelines, timeline_events with
// migration 004's columns, timeline_event_sources; collections, collection_articles), and the
// articles a timeline is built from. Every write is one transaction.
import type Database from 'better-sqlite3'
import { AppError } from '../errors'
import type { DatePrecision } from '../model'
import { rangeOf, type TimelineArticle } from './events'
import { sentenceAround } from './sentence'
import type { CollectionSummary, EventSource, Timeline, TimelineEvent, TimelineScope, TimelineSummary } from './events-types'

type Db = Database.Database

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',')

// ── articles ────────────────────────────────────────────────────────────────────────────────────

interface ArticleRow {
  id: number
  title: string
  body: string
  source: string | null
  published_at: string | null
  date_precision: DatePrecision
}

/** The articles with these ids, in the order given (missing ids are skipped). */
export function loadTimelineArticles(db: Db, ids: readonly number[]): TimelineArticle[] {
  const out: TimelineArticle[] = []
  const stmt = db.prepare(
    `SELECT a.id, a.title, a.body, s.name AS source, a.published_at, a.date_precision
     FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id IN (SELECT value FROM json_each(?))`,
  )
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    const rows = new Map((stmt.all(JSON.stringify(chunk)) as ArticleRow[]).map((r) => [r.id, r]))
    for (const id of chunk) {
      const r = rows.get(id)
      if (r) out.push({ id: r.id, title: r.title, body: r.body, source: r.source, date: r.published_at, datePrecision: r.date_precision })
    }
  }
  return out
}

// ── collections ─────────────────────────────────────────────────────────────────────────────────

interface CollectionRow {
  id: number
  name: string
  description: string
  created_at: string
  articles: number
}
const collectionOf = (r: CollectionRow): CollectionSummary => ({ id: r.id, name: r.name, description: r.description, articles: r.articles, createdAt: r.created_at })
const COLLECTION_SELECT = `SELECT c.id, c.name, c.description, c.created_at, (SELECT count(*) FROM collection_articles ca WHERE ca.collection_id = c.id) AS articles FROM collections c`

export function listCollections(db: Db): CollectionSummary[] {
  return (db.prepare(`${COLLECTION_SELECT} ORDER BY c.name COLLATE NOCASE`).all() as CollectionRow[]).map(collectionOf)
}

export function getCollection(db: Db, id: number): CollectionSummary {
  const row = db.prepare(`${COLLECTION_SELECT} WHERE c.id = ?`).get(id) as CollectionRow | undefined
  if (!row) throw new AppError('not_found', `There is no collection ${id} in this archive.`)
  return collectionOf(row)
}

/** The collection with this name (exactly as written), if any. */
export function findCollectionByName(db: Db, name: string): CollectionSummary | undefined {
  const row = db.prepare(`${COLLECTION_SELECT} WHERE c.name = ?`).get(name) as CollectionRow | undefined
  return row && collectionOf(row)
}

/** The articles of a collection in their order. */
export function collectionArticleIds(db: Db, id: number): number[] {
  getCollection(db, id)
  return db.prepare('SELECT article_id FROM collection_articles WHERE collection_id = ? ORDER BY position, added_at').pluck().all(id) as number[]
}

export function createCollection(db: Db, { name, description = '', ids = [] }: { name: string; description?: string; ids?: number[] }): CollectionSummary {
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM collections WHERE name = ?').get(name)) throw new AppError('invalid_argument', `A collection named "${name}" exists already.`)
    const id = Number(db.prepare('INSERT INTO collections (name, description) VALUES (?, ?)').run(name, description).lastInsertRowid)
    addArticles(db, id, ids)
    return getCollection(db, id)
  })()
}

/** Adds articles at the end of a collection; those already in it, and ids that are no article, are skipped. */
export function addToCollection(db: Db, id: number, ids: readonly number[]): CollectionSummary {
  return db.transaction(() => {
    getCollection(db, id)
    addArticles(db, id, ids)
    return getCollection(db, id)
  })()
}

function addArticles(db: Db, collectionId: number, ids: readonly number[]): void {
  let position = (db.prepare('SELECT coalesce(max(position), -1) FROM collection_articles WHERE collection_id = ?').pluck().get(collectionId) as number) + 1
  const insert = db.prepare(
    'INSERT OR IGNORE INTO collection_articles (collection_id, article_id, position) SELECT ?, id, ? FROM articles WHERE id = ?',
  )
  for (const articleId of ids) if (insert.run(collectionId, position, articleId).changes) position++
}

export function deleteCollection(db: Db, id: number): void {
  if (!db.prepare('DELETE FROM collections WHERE id = ?').run(id).changes) throw new AppError('not_found', `There is no collection ${id} in this archive.`)
}

// ── timelines ───────────────────────────────────────────────────────────────────────────────────

export interface SaveTimeline {
  id?: number
  name: string
  scope: TimelineScope
  events: TimelineEvent[]
  /** replace a timeline of the same name (when no id is given) */
  overwrite?: boolean
}

/**
 * Saves a timeline with all its events (hidden and hand-made ones too), in their order. Sources
 * citing articles no longer in the archive are dropped. Returns the timeline as saved.
 */
export function saveTimeline(db: Db, t: SaveTimeline): Timeline {
  const id = db.transaction(() => {
    const byName = db.prepare('SELECT id FROM timelines WHERE name = ?').pluck().get(t.name) as number | undefined
    let id = t.id
    if (id !== undefined) {
      if (!db.prepare('SELECT 1 FROM timelines WHERE id = ?').get(id)) throw new AppError('not_found', `There is no timeline ${id} in this archive.`)
      if (byName !== undefined && byName !== id) throw new AppError('invalid_argument', `Another timeline is named "${t.name}".`)
      db.prepare(`UPDATE timelines SET name = ?, scope = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(t.name, JSON.stringify(t.scope), id)
      db.prepare('DELETE FROM timeline_events WHERE timeline_id = ?').run(id)
    } else if (byName !== undefined) {
      if (!t.overwrite) throw new AppError('invalid_argument', `A timeline named "${t.name}" exists already.`)
      id = byName
      db.prepare(`UPDATE timelines SET scope = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(JSON.stringify(t.scope), id)
      db.prepare('DELETE FROM timeline_events WHERE timeline_id = ?').run(id)
    } else {
      id = Number(db.prepare('INSERT INTO timelines (name, scope) VALUES (?, ?)').run(t.name, JSON.stringify(t.scope)).lastInsertRowid)
    }
    const insertEvent = db.prepare(
      `INSERT INTO timeline_events (timeline_id, date, precision, part, hijri, label, hidden, manual, event_key, position, unresolved, mention)
       VALUES (@timeline, @date, @precision, @part, @hijri, @label, @hidden, @manual, @key, @position, @unresolved, @mention)`,
    )
    const insertSource = db.prepare(
      `INSERT OR IGNORE INTO timeline_event_sources (event_id, article_id, char_start, char_end)
       SELECT @event, id, @start, @end FROM articles WHERE id = @article`,
    )
    t.events.forEach((e, position) => {
      const eventId = insertEvent.run({
        timeline: id,
        date: e.unresolved ? '' : e.date,
        precision: e.precision,
        part: e.part ?? null,
        hijri: e.hijri ?? null,
        label: e.label,
        hidden: e.hidden ? 1 : 0,
        manual: e.manual ? 1 : 0,
        key: e.key,
        position,
        unresolved: e.unresolved ? 1 : 0,
        mention: e.mention ?? null,
      }).lastInsertRowid
      for (const s of e.sources) insertSource.run({ event: eventId, article: s.articleId, start: s.start, end: s.end })
    })
    return id
  })()
  return getTimeline(db, id)
}

interface TimelineRow {
  id: number
  name: string
  scope: string
  updated_at: string
}
interface EventRow {
  id: number
  date: string
  precision: TimelineEvent['precision']
  part: TimelineEvent['part'] | null
  hijri: string | null
  label: string
  hidden: number
  manual: number
  event_key: string | null
  unresolved: number
  mention: string | null
}
interface SourceRow {
  event_id: number
  article_id: number
  char_start: number | null
  char_end: number | null
  title: string
  body: string
  source: string | null
  published_at: string | null
}

const parseScope = (s: string): TimelineScope => {
  try {
    return JSON.parse(s) as TimelineScope
  } catch {
    return {}
  }
}

export function getTimeline(db: Db, id: number): Timeline {
  const row = db.prepare('SELECT id, name, scope, updated_at FROM timelines WHERE id = ?').get(id) as TimelineRow | undefined
  if (!row) throw new AppError('not_found', `There is no timeline ${id} in this archive.`)
  const rows = db
    .prepare('SELECT id, date, precision, part, hijri, label, hidden, manual, event_key, unresolved, mention FROM timeline_events WHERE timeline_id = ? ORDER BY position, id')
    .all(id) as EventRow[]
  const sourceRows = db
    .prepare(
      `SELECT es.event_id, es.article_id, es.char_start, es.char_end, a.title, a.body, s.name AS source, a.published_at
       FROM timeline_event_sources es JOIN timeline_events e ON e.id = es.event_id
       JOIN articles a ON a.id = es.article_id LEFT JOIN sources s ON s.id = a.source_id
       WHERE e.timeline_id = ? ORDER BY a.published_at, a.id`,
    )
    .all(id) as SourceRow[]
  const sources = new Map<number, EventSource[]>()
  for (const s of sourceRows) {
    const list = sources.get(s.event_id) ?? []
    const start = s.char_start ?? 0
    const end = s.char_end ?? start
    const inBody = start <= end && end <= s.body.length
    list.push({
      articleId: s.article_id,
      title: s.title,
      source: s.source,
      date: s.published_at,
      start,
      end,
      sentence: inBody && end > start ? sentenceAround(s.body, start, end).text : '',
    })
    sources.set(s.event_id, list)
  }
  const events = rows.map(
    (r): TimelineEvent => ({
      key: r.event_key ?? `event-${r.id}`,
      date: r.date,
      precision: r.precision,
      ...(r.part ? { part: r.part } : {}),
      ...(r.hijri ? { hijri: r.hijri } : {}),
      label: r.label,
      hidden: r.hidden === 1,
      manual: r.manual === 1,
      sources: sources.get(r.id) ?? [],
      ...(r.unresolved ? { unresolved: true } : {}),
      ...(r.mention ? { mention: r.mention } : {}),
    }),
  )
  return { id: row.id, name: row.name, scope: parseScope(row.scope), events, range: rangeOf(events), updatedAt: row.updated_at }
}

export function listTimelines(db: Db): TimelineSummary[] {
  const rows = db.prepare('SELECT id, name, scope, updated_at FROM timelines ORDER BY updated_at DESC, id DESC').all() as TimelineRow[]
  const events = db.prepare('SELECT date, precision, part, hidden FROM timeline_events WHERE timeline_id = ?')
  return rows.map((r) => {
    const list = (events.all(r.id) as { date: string; precision: TimelineEvent['precision']; part: TimelineEvent['part'] | null; hidden: number }[]).map((e) => ({
      date: e.date,
      precision: e.precision,
      ...(e.part ? { part: e.part } : {}),
      hidden: e.hidden === 1,
    }))
    return { id: r.id, name: r.name, scope: parseScope(r.scope), events: list.length, range: rangeOf(list as TimelineEvent[]), updatedAt: r.updated_at }
  })
}

export function deleteTimeline(db: Db, id: number): void {
  if (!db.prepare('DELETE FROM timelines WHERE id = ?').run(id).changes) throw new AppError('not_found', `There is no timeline ${id} in this archive.`)
}
