import { describe, expect, it } from 'vitest'
import { existsSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Archive } from '../archive/archive'
import { readSampleArticles } from '../sample'
import { tempDir } from '../../../test-support/tmp'
import { article } from '../../../test-support/articles'
import { Searcher, INDEX_DIR, type IndexProgress } from './searcher'

const RESOURCES = resolve(import.meta.dirname, '../../../resources')
const root = tempDir()
let n = 0

function sampleArchive(): Archive {
  const archive = Archive.open(join(root, `a${++n}`))
  archive.addArticles(readSampleArticles(RESOURCES), null)
  return archive
}

const titles = (s: Searcher, q: string) => s.query({ q, limit: 50 }).hits.map((h) => h.title)

describe('the search index of an archive', () => {
  it('builds on first open with progress, then loads the saved snapshot the next time', async () => {
    const archive = sampleArchive()
    const progress: IndexProgress[] = []
    const first = new Searcher(archive, (p) => progress.push(p))
    expect(await first.open()).toBe('built')
    expect(progress.some((p) => p.phase === 'building' && p.total === archive.articleCount())).toBe(true)
    expect(progress.at(-1)?.phase).toBe('ready')
    expect(existsSync(join(archive.dir, INDEX_DIR, 'search.index'))).toBe(true)

    const again = new Searcher(archive)
    expect(await again.open()).toBe('loaded')
    expect(titles(again, 'الفيضانات')).toEqual(titles(first, 'الفيضانات'))
    expect(titles(again, 'الفيضانات').length).toBeGreaterThan(0)
    archive.close()
  })

  it('is ready again after saving what it caught up with (articles another connection imported)', async () => {
    const archive = sampleArchive()
    const progress: IndexProgress[] = []
    const searcher = new Searcher(archive, (p) => progress.push(p))
    await searcher.open()
    const other = Archive.open(archive.dir)
    other.addArticles([article(9001)], null)
    other.close()
    expect(searcher.catchUp()).toBe(true)
    searcher.save()
    expect(progress.at(-1)?.phase).toBe('ready')
    archive.close()
  })

  it('rebuilds a snapshot that no longer matches the archive, and one that is corrupt', async () => {
    const archive = sampleArchive()
    await new Searcher(archive).open()
    // Another process added an article: the saved snapshot is stale.
    archive.addArticles([article(1, { title: 'خبر عن مهرجان الزيتون في القرية' })], null)
    const stale = new Searcher(archive)
    expect(await stale.open()).toBe('built')
    expect(titles(stale, 'مهرجان الزيتون')).toContain('خبر عن مهرجان الزيتون في القرية')

    writeFileSync(join(archive.dir, INDEX_DIR, 'search.index'), '{"this is": "not an index"')
    const corrupt = new Searcher(archive)
    expect(await corrupt.open()).toBe('built')
    expect(titles(corrupt, 'مهرجان الزيتون')).toContain('خبر عن مهرجان الزيتون في القرية')
    archive.close()
  })

  it('keeps in step with articles added, edited and deleted', async () => {
    const archive = sampleArchive()
    const searcher = new Searcher(archive)
    await searcher.open()
    const [added] = archive.addArticles([article(2, { title: 'افتتاح مكتبة عامة جديدة في الحي' })], null)
    searcher.update([added!.id], [])
    expect(titles(searcher, 'مكتبه')).toContain('افتتاح مكتبة عامة جديدة في الحي')

    archive.db.prepare('UPDATE articles SET title = ? WHERE id = ?').run('افتتاح حديقة عامة جديدة في الحي', added!.id)
    searcher.update([added!.id], [])
    expect(titles(searcher, 'مكتبه')).not.toContain('افتتاح مكتبة عامة جديدة في الحي')
    expect(titles(searcher, 'حديقه')).toContain('افتتاح حديقة عامة جديدة في الحي')

    archive.deleteArticle(added!.id)
    searcher.update([], [added!.id])
    expect(titles(searcher, 'حديقه')).not.toContain('افتتاح حديقة عامة جديدة في الحي')
    expect(searcher.isStale()).toBe(false)
    archive.close()
  })

  it('catches up with an import as it goes: the new articles are found, and the index is the one a fresh build makes', async () => {
    const archive = sampleArchive()
    const searcher = new Searcher(archive)
    await searcher.open()
    const importer = Archive.open(archive.dir) // another connection, as an import thread has
    importer.addArticles([article(11, { title: 'سباق الهجن السنوي ينطلق غدا' }), article(12)], null)
    expect(searcher.catchUp()).toBe(true)
    expect(titles(searcher, 'الهجن')).toEqual(['سباق الهجن السنوي ينطلق غدا'])
    importer.addArticles([article(13, { title: 'معرض الكتاب يفتح أبوابه' })], null)
    expect(searcher.catchUp()).toBe(true)
    expect(searcher.catchUp()).toBe(false) // nothing new
    expect(titles(searcher, 'معرض الكتاب')).toContain('معرض الكتاب يفتح أبوابه')
    const fresh = new Searcher(archive)
    await fresh.rebuild()
    expect(JSON.stringify((searcher as unknown as { index: object }).index)).toBe(JSON.stringify((fresh as unknown as { index: object }).index))

    // Undoing a batch deletes articles: caught up with too (by comparing ids).
    const [gone] = importer.addArticles([article(14, { title: 'مزاد للتمور في بريدة' })], null)
    expect(searcher.catchUp()).toBe(true)
    expect(titles(searcher, 'مزاد التمور')).toContain('مزاد للتمور في بريدة')
    importer.deleteArticle(gone!.id)
    expect(searcher.catchUp()).toBe(true)
    expect(titles(searcher, 'مزاد')).toEqual([])
    importer.addArticles([article(15, { title: 'مزاد للإبل في الجوف' })], null)
    expect(searcher.catchUp()).toBe(true)
    expect(titles(searcher, 'مزاد')).toEqual(['مزاد للإبل في الجوف'])
    expect(searcher.isStale()).toBe(false)
    importer.close()
    archive.close()
  })

  it('an undo and an import between two catch-ups leave no stale text (ids are never reused)', async () => {
    const archive = sampleArchive()
    const searcher = new Searcher(archive)
    await searcher.open()
    const importer = Archive.open(archive.dir)
    const [undone] = importer.addArticles([article(21, { title: 'مزاد للتمور في بريدة' })], null)
    expect(searcher.catchUp()).toBe(true)
    importer.deleteArticle(undone!.id)
    importer.addArticles([article(22, { title: 'مهرجان للإبل في الجوف' })], null)
    expect(searcher.catchUp()).toBe(true)
    expect(titles(searcher, 'مزاد')).toEqual([])
    expect(titles(searcher, 'مهرجان الإبل')).toContain('مهرجان للإبل في الجوف')
    importer.close()
    archive.close()
  })

  it('pages through the hits with highlights that land on the original letters', async () => {
    const archive = sampleArchive()
    const searcher = new Searcher(archive)
    await searcher.open()
    const page = searcher.query({ q: 'الامطار', limit: 2 })
    expect(page.total).toBeGreaterThan(2)
    expect(page.hits).toHaveLength(2)
    const next = searcher.query({ q: 'الامطار', offset: 2, limit: 2 })
    expect(next.hits[0]!.id).not.toBe(page.hits[0]!.id)
    for (const hit of page.hits) {
      const marked = hit.snippet.highlights.map(([s, e]) => hit.snippet.text.slice(s, e))
      expect(marked.length).toBeGreaterThan(0)
      // The hamza-less query word is highlighted where the text writes it with a hamza.
      for (const m of marked) expect(m.replace(/[\u064b-\u0652]/g, '')).toMatch(/[اأ]مطار/)
    }
    archive.close()
  })
})
