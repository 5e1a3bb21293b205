// Near-duplicates: a wire story reprinted by a newspaper, a light edit of an article already in the
// archive. Such an article is imported (it is what that outlet published) but LINKED to the earlier
// article(s) it resembles, with the estimated similarity. Exact duplicates never get here: the
// archive skips them by content hash.
//
// Each new article's MinHash signature (./near-duplicates-signature.ts) is stored with its LSH band
// keys; candidates are the articles sharing a band key (one indexed lookup per band, whatever the
// size of the archive), and a candidate becomes a link when the full signatures agree on at least
// LINK_THRESHOLD of their positions.
//
// Threshold: measured on SaudiNewsNet, Saudi Press Agency (`was`) stories against the newspapers'
// articles (exact Jaccard of 3-word shingles, pairs read by hand): from 0.5 up, the pairs sampled were
// the same story (a wire item reprinted with a new lead, a dateline dropped, a number spelled out);
// between 0.3 and 0.5 many were formulaic stories about DIFFERENT events (the weather bulletin of
// another day, an execution statement for another region, a congratulation to another head of
// state), and a few rewrites. A wrong "also published by" misleads a researcher more than a missed
// rewrite does, so links start at 0.5. See bench/README.md (bench:import) for the counts.
import type Database from 'better-sqlite3'
import type { AddOutcome } from '../archive/archive'
import type { ParsedArticle } from '../model'
import { BANDS, bandKeys, estimateSimilarity, signatureFromBlob, signatureOf, signatureToBlob } from './near-duplicates-signature'
import { RecentBands } from './near-duplicates-recent'
import { RowWriter } from '../archive/row-writer'

export const LINK_THRESHOLD = 0.5
/** An article resembling hundreds of others is boilerplate; its most similar ones are enough. */
export const MAX_LINKS_PER_ARTICLE = 25
/**
 * A band shared by a crowd of articles (a template: bulletins, numbered reports) says little; its
 * most recent members are looked at, so each new article costs at most BANDS × this many
 * comparisons instead of one per article in the crowd (10,000 look-alike records were quadratic).
 * A real reprint shares several bands, and its rarer ones still find the original.
 */
export const MAX_CANDIDATES_PER_BAND = 40
/** Articles whose bands an index keeps in memory (some 600 bytes each) before it asks SQLite instead. */
const MAX_REMEMBERED = 100_000

export interface NearDuplicateLink {
  /** The other article. */
  id: number
  similarity: number
}

export interface LinkedArticle {
  id: number
  title: string
  source: string | null
  date: string | null
  /** Estimated share of word shingles in common, 0..1. */
  similarity: number
  /** 'reprint_of': this article repeats the other, earlier one; 'reprinted_by': the other repeats this one. */
  relation: 'reprint_of' | 'reprinted_by'
}

/** The text a signature is made of: the body, which outlets keep while they rewrite headlines. */
export const signatureText = (a: { title: string; paragraphs: readonly string[] }): string => (a.paragraphs.length ? a.paragraphs.join('\n') : a.title)

/**
 * Finds and records near-duplicates as articles are added. Statements are prepared once; call
 * `add` inside the transaction that inserts the article, in import order, so that an article
 * finds the ones added before it in the same file.
 *
 * With `inMemory` (the importer), the bands this index adds are also kept in memory
 * (./near-duplicates-recent.ts), and their rows wait there until `flush()`, which the importer
 * calls just before it commits: written one at a time, each unit's 24 rows land on 24 random pages
 * of the band B-tree, and within the unit's savepoint SQLite copies every page it touches to its
 * statement journal first (that was most of the cost of a small file). The signatures wait with
 * them, for the same reason (and are compared from memory meanwhile). Candidates come from that
 * memory and, unless the archive held no bands when the import began (the common first import),
 * from the database too. The caller must call `useDatabase()` as soon as others may have written
 * bands (another connection added or deleted articles).
 */
export class NearDuplicateIndex {
  private readonly insertSignature: Database.Statement
  private readonly insertBand: Database.Statement
  private readonly bandRows: RowWriter
  private readonly candidatesOf: Database.Statement
  private readonly signatureOfId: Database.Statement
  private readonly dateOf: Database.Statement
  private readonly insertLink: Database.Statement
  private recent: RecentBands | null
  /** Whether candidates must be looked up in article_bands (it may hold bands this index did not add). */
  private askDatabase: boolean
  /** Band rows not written yet, as [key, article id] pairs one after another. */
  private pending: number[] = []
  /** Articles whose bands are kept in memory, at most (past it, at the next flush, the database is used). */
  private readonly remember: number
  /** Signatures not written yet (inMemory), in the order their articles were added. */
  private pendingSignatures = new Map<number, Uint32Array>()
  private readonly signatureRows: RowWriter

  constructor(
    private readonly db: Database.Database,
    { inMemory = false, remember = MAX_REMEMBERED }: { inMemory?: boolean; remember?: number } = {},
  ) {
    this.remember = remember
    this.insertSignature = db.prepare('INSERT OR REPLACE INTO article_signatures (article_id, signature) VALUES (?, ?)')
    this.signatureRows = new RowWriter(db, 'INSERT OR REPLACE INTO article_signatures (article_id, signature)', 2, 50)
    // All of an article's bands in one statement: one call into SQLite instead of BANDS.
    this.insertBand = db.prepare(`INSERT OR IGNORE INTO article_bands (band, article_id) VALUES ${Array.from({ length: BANDS }, () => '(?, ?)').join(', ')}`)
    this.bandRows = new RowWriter(db, 'INSERT OR IGNORE INTO article_bands (band, article_id)', 2, 240)
    // One statement: per band its newest members (an index range scan, bounded), all of them
    // (UNION ALL: an article found in several bands is counted once below, without SQLite sorting).
    const perBand = `SELECT article_id FROM (SELECT article_id FROM article_bands WHERE band = ? ORDER BY article_id DESC LIMIT ${MAX_CANDIDATES_PER_BAND})`
    this.candidatesOf = db.prepare(Array.from({ length: BANDS }, () => perBand).join(' UNION ALL ')).pluck()
    this.signatureOfId = db.prepare('SELECT signature FROM article_signatures WHERE article_id = ?').pluck()
    this.dateOf = db.prepare('SELECT published_at FROM articles WHERE id = ?').pluck()
    this.insertLink = db.prepare('INSERT OR REPLACE INTO article_links (article_id, original_id, similarity) VALUES (?, ?, ?)')
    this.recent = inMemory ? new RecentBands() : null
    this.askDatabase = !inMemory || db.prepare('SELECT 1 FROM article_bands LIMIT 1').get() !== undefined
  }

  /** From now on, candidates come from the database too (it may hold bands this index did not add). */
  useDatabase(): void {
    this.askDatabase = true
  }

  /**
   * Signs article `id` (already inserted), links it to the earlier articles it resembles and stores
   * its bands. Returns the links made (empty for a text too short to compare).
   */
  add(id: number, text: string, publishedAt: string | null): NearDuplicateLink[] {
    const sig = signatureOf(text)
    return sig ? this.addSigned(id, sig, publishedAt) : []
  }

  /** add() with the text's signature made beforehand (the importer signs in its reader thread). */
  addSigned(id: number, sig: Uint32Array, publishedAt: string | null): NearDuplicateLink[] {
    const keys = bandKeys(sig)
    const links: NearDuplicateLink[] = []
    const candidates = this.recent ? this.recent.candidates(keys, MAX_CANDIDATES_PER_BAND) : new Set<number>()
    if (this.askDatabase) for (const other of this.candidatesOf.all(...keys) as number[]) candidates.add(other)
    for (const other of candidates) {
      if (other === id) continue
      let otherSig = this.pendingSignatures.get(other)
      if (!otherSig) {
        const blob = this.signatureOfId.get(other) as Buffer | undefined
        if (!blob) continue // a stale band of a deleted (or rolled back) article
        otherSig = signatureFromBlob(blob)
      }
      const similarity = estimateSimilarity(sig, otherSig)
      if (similarity >= LINK_THRESHOLD) links.push({ id: other, similarity })
    }
    links.sort((a, b) => b.similarity - a.similarity || a.id - b.id)
    links.length = Math.min(links.length, MAX_LINKS_PER_ARTICLE)
    for (const link of links) {
      const otherDate = this.dateOf.get(link.id) as string | null | undefined
      // The earlier publication is the original; with a date missing, the one in the archive first.
      const thisIsLater = publishedAt && otherDate ? publishedAt > otherDate || (publishedAt === otherDate && id > link.id) : id > link.id
      if (thisIsLater) this.insertLink.run(id, link.id, link.similarity)
      else this.insertLink.run(link.id, id, link.similarity)
    }
    if (!this.recent) {
      this.insertSignature.run(id, signatureToBlob(sig))
      this.insertBand.run(keys.flatMap((key) => [key, id]))
      return links
    }
    this.pendingSignatures.set(id, sig)
    for (const key of keys) this.pending.push(key, id)
    this.recent.add(keys, id)
    return links
  }

  /** How many band rows wait: a mark to go back to with discardSince() when a unit is rolled back. */
  pendingMark(): number {
    return this.pending.length
  }

  /** Forgets the band rows and signatures added since `mark` (their articles were rolled back). */
  discardSince(mark: number): void {
    for (let i = mark + 1; i < this.pending.length; i += 2) this.pendingSignatures.delete(this.pending[i]!)
    this.pending.length = Math.min(this.pending.length, mark)
  }

  /** Writes the band rows that wait, in key order (neighbouring rows share B-tree pages). Call inside the transaction, before it commits. */
  flush(): void {
    this.signatureRows.write([...this.pendingSignatures].flatMap(([id, sig]) => [id, signatureToBlob(sig)]))
    this.pendingSignatures.clear()
    const pairs = this.pending
    const order = Array.from({ length: pairs.length / 2 }, (_, i) => i)
    // Stable: the pairs of one key stay in id order (they were added that way).
    order.sort((a, b) => pairs[2 * a]! - pairs[2 * b]!)
    const sorted: number[] = []
    for (const i of order) sorted.push(pairs[2 * i]!, pairs[2 * i + 1]!)
    this.bandRows.write(sorted)
    this.pending = []
    this.leaveMemoryWhenFull()
  }

  /**
   * Enough held in memory: from here on, bands go straight to the database and come from it.
   * Decided at a flush, not as the limit is reached: that is inside a unit's savepoint, which may
   * still roll back, and the earlier units' rows with it had they been written then.
   */
  private leaveMemoryWhenFull(): void {
    if (this.recent && this.recent.articles >= this.remember) {
      this.recent = null
      this.askDatabase = true
    }
  }
}


/**
 * Signs and links the articles an `addArticles` call just added (for callers that add articles
 * themselves, like the sample loader; the importer does this per unit). Call inside the same
 * transaction as the insert.
 */
export function linkAddedArticles(db: Database.Database, articles: readonly ParsedArticle[], outcomes: readonly AddOutcome[]): number {
  const index = new NearDuplicateIndex(db)
  let linked = 0
  outcomes.forEach((o, i) => {
    const a = articles[i]!
    if (o.status === 'added' && index.add(o.id, signatureText(a), a.publishedAt ?? null).length > 0) linked++
  })
  return linked
}

/** The articles linked to `id`, both directions, most similar first. */
export function linkedArticles(db: Database.Database, id: number): LinkedArticle[] {
  const rows = db
    .prepare(
      `SELECT l.original_id AS id, l.similarity, 'reprint_of' AS relation FROM article_links l WHERE l.article_id = @id
       UNION ALL
       SELECT l.article_id AS id, l.similarity, 'reprinted_by' AS relation FROM article_links l WHERE l.original_id = @id`,
    )
    .all({ id }) as { id: number; similarity: number; relation: LinkedArticle['relation'] }[]
  const article = db.prepare('SELECT a.title, a.published_at AS date, s.name AS source FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?')
  return rows
    .map((r) => ({ ...(article.get(r.id) as { title: string; date: string | null; source: string | null }), id: r.id, similarity: r.similarity, relation: r.relation }))
    .sort((a, b) => b.similarity - a.similarity || a.id - b.id)
}

/** Removes the band rows of a batch's articles (before they are deleted: bands have no cascade). */
export function forgetBatchBands(db: Database.Database, batchId: number): void {
  db.prepare('DELETE FROM article_bands WHERE article_id IN (SELECT id FROM articles WHERE batch_id = ?)').run(batchId)
}
