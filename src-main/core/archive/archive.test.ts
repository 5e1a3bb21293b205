import { describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { Archive, ARCHIVE_FILE, MAX_INLINE_ORIGINAL_BYTES, newLookups, ORIGINALS_DIR } from './archive'
import { toStoredArticle } from './text'
import { migrations } from './migrations'
import { AppError } from '../errors'
import { tempDir } from '../../../test-support/tmp'
import { article } from '../../../test-support/articles'

const root = tempDir()
let n = 0
const freshDir = () => join(root, `a${++n}`)

describe('opening an archive', () => {
  it('creates the folder and applies every migration, with WAL and foreign keys on', () => {
    const dir = freshDir()
    const archive = Archive.open(dir)
    expect(existsSync(join(dir, ARCHIVE_FILE))).toBe(true)
    expect(archive.schemaVersion).toBe(migrations.length)
    expect(archive.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(archive.db.pragma('foreign_keys', { simple: true })).toBe(1)
    const tables = archive.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all()
    for (const t of ['articles', 'sources', 'import_batches', 'tags', 'article_tags', 'collections', 'collection_articles', 'notes', 'timelines', 'timeline_events', 'timeline_event_sources', 'settings', 'original_blobs'])
      expect(tables).toContain(t)
    archive.close()
  })

  it('reopens an existing archive without touching its data', () => {
    const dir = freshDir()
    const first = Archive.open(dir)
    first.addArticles([article(1)], null)
    first.close()
    const again = Archive.open(dir)
    expect(again.articleCount()).toBe(1)
    expect(again.schemaVersion).toBe(migrations.length)
    again.close()
  })

  it('refuses an archive written by a newer version', () => {
    const dir = freshDir()
    Archive.open(dir).close()
    const db = new Database(join(dir, ARCHIVE_FILE))
    db.pragma(`user_version = ${migrations.length + 1}`)
    db.close()
    expect(() => Archive.open(dir)).toThrow(expect.objectContaining({ code: 'archive_too_new' }))
  })

  it('reports a corrupt archive.sqlite and leaves it as it was', () => {
    const dir = freshDir()
    Archive.open(dir).close()
    const file = join(dir, ARCHIVE_FILE)
    writeFileSync(file, 'this is not a database at all, just some text'.repeat(100))
    const before = readFileSync(file)
    expect(() => Archive.open(dir)).toThrow(expect.objectContaining({ code: 'archive_corrupt' }))
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('reports a damaged page inside a real database', () => {
    const dir = freshDir()
    const archive = Archive.open(dir)
    archive.addArticles(Array.from({ length: 300 }, (_, i) => article(i)), null)
    archive.db.pragma('wal_checkpoint(TRUNCATE)')
    archive.close()
    const file = join(dir, ARCHIVE_FILE)
    const bytes = readFileSync(file)
    bytes.fill(0xab, 4096 * 2, 4096 * 4) // scribble over two b-tree pages, keep the header
    writeFileSync(file, bytes)
    expect(() => Archive.open(dir)).toThrow(AppError)
  })

  it('says so when the folder cannot be written', () => {
    const blocker = join(freshDir() + '-file')
    writeFileSync(blocker, 'a file where the folder should be')
    expect(() => Archive.open(join(blocker, 'archive'))).toThrow(expect.objectContaining({ code: 'archive_not_writable' }))
  })
})

describe('articles', () => {
  it('stores an article with all its fields and reads it back', () => {
    const archive = Archive.open(freshDir())
    const [outcome] = archive.addArticles([article(7, { tags: ['فيضانات', 'طقس'], language: 'ar' })], null)
    expect(outcome!.status).toBe('added')
    const a = archive.getArticle(outcome!.id)!
    expect(a.title).toBe('خبر تجريبي رقم 7')
    expect(a.paragraphs).toHaveLength(2)
    expect(a.date).toBe('2024-03-08')
    expect(a.datePrecision).toBe('day')
    expect(a.source).toBe('الرصد اليومي')
    expect(a.author).toBe('سلمى الحسيني')
    expect(a.url).toBe('https://example.org/news/7')
    expect(a.tags).toEqual(['طقس', 'فيضانات'])
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(archive.getArticle(9999)).toBeNull()
    archive.close()
  })

  it('keeps an unknown date unknown', () => {
    const archive = Archive.open(freshDir())
    const [o] = archive.addArticles([article(1, { publishedAt: null, datePrecision: undefined })], null)
    const a = archive.getArticle(o!.id)!
    expect(a.date).toBeNull()
    expect(a.datePrecision).toBe('unknown')
    archive.close()
  })

  it('skips an exact duplicate, even when only diacritics, tatweel or spacing differ', () => {
    const archive = Archive.open(freshDir())
    const original = article(1, { paragraphs: ['قال الوزير إن الحكومة ستعلن القرار غداً.'] })
    const [first] = archive.addArticles([original], null)
    const [again, marked] = archive.addArticles(
      [original, article(1, { title: 'عنوان آخر', paragraphs: ['قالَ الوزيرُ  إنَّ الحكـــومة ستعلن القرار غداً.'] })],
      null,
    )
    expect(again).toEqual({ status: 'duplicate', id: first!.id })
    expect(marked).toEqual({ status: 'duplicate', id: first!.id })
    expect(archive.articleCount()).toBe(1)
    archive.close()
  })

  it('lists pages in date order and counts the whole archive', () => {
    const archive = Archive.open(freshDir())
    archive.addArticles(Array.from({ length: 30 }, (_, i) => article(i)), null)
    archive.addArticles([article(100, { publishedAt: null })], null)
    const page1 = archive.listArticles({ limit: 10, offset: 0, sort: 'date_desc' })
    expect(page1.total).toBe(31)
    expect(page1.items).toHaveLength(10)
    const dates = page1.items.map((a) => a.date!)
    expect([...dates].sort().reverse()).toEqual(dates)
    const last = archive.listArticles({ limit: 10, offset: 30, sort: 'date_desc' })
    expect(last.items.map((a) => a.date)).toEqual([null]) // undated articles come last
    const bySource = archive.listArticles({ source: 'صوت المدينة' })
    expect(bySource.total).toBe(16)
    expect(bySource.items.every((a) => a.source === 'صوت المدينة')).toBe(true)
    expect(archive.listSources()).toEqual([
      { name: 'صوت المدينة', articles: 16 },
      { name: 'الرصد اليومي', articles: 15 },
    ])
    archive.close()
  })

  it('deleting an article removes its tags links and notes', () => {
    const archive = Archive.open(freshDir())
    const [o] = archive.addArticles([article(1, { tags: ['اقتصاد'] })], null)
    archive.db.prepare('INSERT INTO notes (article_id, body) VALUES (?, ?)').run(o!.id, 'ملاحظة')
    expect(archive.deleteArticle(o!.id)).toBe(true)
    expect(archive.db.prepare('SELECT count(*) FROM article_tags').pluck().get()).toBe(0)
    expect(archive.db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0)
    expect(archive.deleteArticle(o!.id)).toBe(false)
    archive.close()
  })

  it("never gives a deleted article's id to another, also after reopening", () => {
    const dir = freshDir()
    const archive = Archive.open(dir)
    const [a, b] = archive.addArticles([article(1), article(2)], null)
    archive.deleteArticle(b!.id) // the newest, as undoing the last batch does
    const [c] = archive.addArticles([article(3)], null)
    expect(c!.id).toBe(b!.id + 1)
    archive.deleteArticle(c!.id)
    archive.close()
    const again = Archive.open(dir)
    const [d] = again.addArticles([article(4)], null)
    expect(d!.id).toBe(c!.id + 1)
    expect(again.addArticles([article(1)], null)).toEqual([{ status: 'duplicate', id: a!.id }])
    expect(again.addArticles([article(5)], null)[0]!.id).toBe(d!.id + 1) // a duplicate uses no id
    again.close()
  })

  it('an archive from before ids were remembered goes on after its highest id', () => {
    const dir = freshDir()
    const archive = Archive.open(dir)
    archive.addArticles([article(1), article(2), article(3)], null)
    // Back to schema 5: no remembered id, the old trigger.
    archive.db.exec(`DELETE FROM archive_state WHERE key = 'articles_last_id';
      DROP TRIGGER articles_generation_insert;
      CREATE TRIGGER articles_generation_insert AFTER INSERT ON articles BEGIN
        UPDATE archive_state SET value = value + 1 WHERE key = 'articles_generation';
      END;`)
    archive.db.pragma('user_version = 5')
    archive.close()
    const migrated = Archive.open(dir)
    expect(migrated.schemaVersion).toBe(migrations.length)
    const [next] = migrated.addArticles([article(4)], null)
    expect(next!.id).toBe(4)
    migrated.deleteArticle(next!.id)
    expect(migrated.addArticles([article(5)], null)[0]!.id).toBe(5)
    migrated.close()
  })

  it("inserts within a caller's transaction, and refuses to outside one (it would not be all or nothing)", () => {
    const archive = Archive.open(freshDir())
    const stored = [article(1), article(2)].map(toStoredArticle)
    expect(() => archive.insertArticlesInTransaction(stored, null, null, newLookups())).toThrow(/no transaction/)
    expect(archive.articleCount()).toBe(0)
    const outcomes = archive.db.transaction(() => archive.insertArticlesInTransaction(stored, null, null, newLookups()))()
    expect(outcomes.map((o) => o.status)).toEqual(['added', 'added'])
    expect(archive.articleCount()).toBe(2)
    archive.close()
  })

  it('writes a set of articles all or nothing', () => {
    const archive = Archive.open(freshDir())
    const bad = article(3, { datePrecision: 'fortnight' as never })
    expect(() => archive.addArticles([article(1), article(2), bad, article(4)], null)).toThrow()
    expect(archive.articleCount()).toBe(0)
    archive.close()
  })
})

describe('batches, originals and settings', () => {
  it('undoes a batch as a whole', () => {
    const archive = Archive.open(freshDir())
    const keep = archive.beginBatch('first', 'test')
    archive.addArticles([article(1)], keep)
    const batch = archive.beginBatch('second', 'test')
    archive.addArticles([article(2), article(3)], batch)
    archive.finishBatch(batch, 'done', { added: 2 }, [{ file: 'x.json' }])
    expect(archive.getBatch(batch)).toMatchObject({ status: 'done', counts: { added: 2 }, report: [{ file: 'x.json' }] })
    expect(archive.undoBatch(batch)).toBe(2)
    expect(archive.articleCount()).toBe(1)
    expect(archive.getBatch(batch)!.status).toBe('undone')
    archive.close()
  })

  it('keeps a small original once, in the database, named by its content and extension', () => {
    const dir = freshDir()
    const archive = Archive.open(dir)
    const bytes = Buffer.from('نص الملف الأصلي')
    const a = archive.storeOriginal(bytes, 'خبر.TXT')
    const b = archive.storeOriginal(bytes, 'copy.txt')
    const md = archive.storeOriginal(bytes, 'copy.md')
    expect(a).toBe(b)
    expect(a).toMatch(/^originals\/[0-9a-f]{2}\/[0-9a-f]{64}\.txt$/)
    expect(md).toBe(a.replace(/\.txt$/, '.md'))
    expect(archive.readOriginal(a)!.equals(bytes)).toBe(true)
    expect(archive.readOriginal(md)!.equals(bytes)).toBe(true)
    expect(archive.db.prepare('SELECT count(*) FROM original_blobs').pluck().get()).toBe(2)
    expect(existsSync(join(dir, ORIGINALS_DIR))).toBe(false)
    archive.close()
    // Still there after reopening.
    const again = Archive.open(dir)
    expect(again.readOriginal(a)!.equals(bytes)).toBe(true)
    again.close()
  })

  it('keeps an original larger than the limit as a file', () => {
    const dir = freshDir()
    const archive = Archive.open(dir)
    const bytes = Buffer.alloc(MAX_INLINE_ORIGINAL_BYTES + 1, 'ب')
    const address = archive.storeOriginal(bytes, 'big.html')
    expect(address).toMatch(/^originals\/[0-9a-f]{2}\/[0-9a-f]{64}\.html$/)
    expect(readFileSync(join(dir, address)).equals(bytes)).toBe(true)
    expect(archive.readOriginal(address)!.equals(bytes)).toBe(true)
    expect(archive.storeOriginal(bytes, 'again.html')).toBe(address)
    expect(archive.db.prepare('SELECT count(*) FROM original_blobs').pluck().get()).toBe(0)
    archive.close()
  })

  it('does not store again a small original an older archive holds as a file', () => {
    const dir = freshDir()
    const bytes = Buffer.from('<p>خبر قديم</p>')
    const hash = createHash('sha256').update(bytes).digest('hex')
    const address = `originals/${hash.slice(0, 2)}/${hash}.html`
    mkdirSync(join(dir, dirname(address)), { recursive: true })
    writeFileSync(join(dir, address), bytes)
    const archive = Archive.open(dir)
    expect(archive.storeOriginal(bytes, 'old.html')).toBe(address)
    expect(archive.db.prepare('SELECT count(*) FROM original_blobs').pluck().get()).toBe(0)
    expect(archive.readOriginal(address)!.equals(bytes)).toBe(true)
    // Other small originals of that archive go into the database.
    const fresh = archive.storeOriginal(Buffer.from('<p>خبر جديد</p>'), 'new.html')
    expect(archive.db.prepare('SELECT address FROM original_blobs').pluck().all()).toEqual([fresh])
    archive.close()
  })

  it('keeps an original stored in a transaction only if the transaction commits', () => {
    const archive = Archive.open(freshDir())
    const bytes = Buffer.from('مقال لم يكتمل استيراده')
    let address = ''
    expect(() =>
      archive.db.transaction(() => {
        address = archive.storeOriginal(bytes, 'lost.txt')
        archive.addArticles([article(1)], null, address)
        throw new Error('crash mid-import')
      })(),
    ).toThrow('crash mid-import')
    expect(archive.readOriginal(address)).toBeNull()
    expect(archive.articleCount()).toBe(0)
    archive.db.transaction(() => {
      archive.addArticles([article(1)], null, archive.storeOriginal(bytes, 'kept.txt'))
    })()
    expect(archive.readOriginal(archive.getArticle(1)!.originalFile!)!.equals(bytes)).toBe(true)
    archive.close()
  })

  it('reads only originals: another path is refused, an unknown original is null', () => {
    const dir = freshDir()
    const archive = Archive.open(dir)
    for (const address of ['archive.sqlite', '../archive.sqlite', 'originals/../archive.sqlite', '/etc/passwd', `originals/ab/${'a'.repeat(64)}/../../../archive.sqlite`])
      expect(() => archive.readOriginal(address)).toThrow(expect.objectContaining({ code: 'invalid_argument' }))
    expect(archive.readOriginal(`originals/ab/ab${'0'.repeat(62)}.txt`)).toBeNull()
    archive.close()
  })

  it('remembers settings across reopening', () => {
    const dir = freshDir()
    const archive = Archive.open(dir)
    expect(archive.getSetting('ui', { locale: 'ar' })).toEqual({ locale: 'ar' })
    archive.setSetting('ui', { locale: 'en' })
    archive.close()
    const again = Archive.open(dir)
    expect(again.getSetting('ui', null)).toEqual({ locale: 'en' })
    again.close()
  })
})

describe('a crash in the middle of a write', () => {
  it('leaves whole transactions only, and a healthy database', async () => {
    const dir = freshDir()
    Archive.open(dir).close()
    // A child process writes batches of 500 articles, one transaction each, until it is killed.
    const script = `
      import { Archive } from ${JSON.stringify(resolve(import.meta.dirname, 'archive.ts'))}
      import { article } from ${JSON.stringify(resolve(import.meta.dirname, '../../../test-support/articles.ts'))}
      const archive = Archive.open(${JSON.stringify(dir)})
      for (let round = 0; ; round++) {
        archive.addArticles(Array.from({ length: 500 }, (_, i) => article(round * 500 + i)), null)
        if (round === 1) process.stdout.write('writing\\n')
      }`
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise<void>((done) => child.stdout.once('data', () => done()))
    await new Promise((r) => setTimeout(r, 150))
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))

    const archive = Archive.open(dir)
    expect(archive.db.pragma('integrity_check', { simple: true })).toBe('ok')
    const count = archive.articleCount()
    expect(count).toBeGreaterThanOrEqual(1000)
    expect(count % 500).toBe(0)
    archive.close()
  })
})

describe('change tracking', () => {
  it('moves the articles generation on every add, edit and delete, and only then', () => {
    const archive = Archive.open(freshDir())
    const g0 = archive.articlesGeneration()
    const [o] = archive.addArticles([article(1), article(2)], null)
    const g1 = archive.articlesGeneration()
    expect(g1).toBeGreaterThan(g0)
    archive.addArticles([article(1)], null) // a duplicate changes nothing
    expect(archive.articlesGeneration()).toBe(g1)
    archive.setSetting('ui', { locale: 'en' })
    expect(archive.articlesGeneration()).toBe(g1)
    archive.db.prepare('UPDATE articles SET title = ? WHERE id = ?').run('عنوان جديد', o!.id)
    const g2 = archive.articlesGeneration()
    expect(g2).toBeGreaterThan(g1)
    archive.deleteArticle(o!.id)
    expect(archive.articlesGeneration()).toBeGreaterThan(g2)
    archive.close()
  })
})
