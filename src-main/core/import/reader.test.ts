// Large batches are read ahead by a reader thread (./reader.ts); the archive they give must be the
// one the same batch gives when read in the import's own thread: the same articles, outcomes,
// refusals, near-duplicate links, and the same behaviour on cancel and resume.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeZip } from '../../../test-support/zip'
import { tempDir } from '../../../test-support/tmp'
import { Archive } from '../archive/archive'
import { importPaths, resumeImport, type ImportProgress, type ImportReport } from './importer'

const CITIES = ['جدة', 'الرياض', 'الدمام', 'مكة', 'المدينة', 'أبها', 'تبوك', 'حائل', 'الطائف', 'نجران', 'جازان', 'بريدة']
const WORDS = 'أعلن الدفاع المدني رفع درجة الاستعداد في الأحياء المنخفضة ودعا السكان إلى الابتعاد عن مجاري السيول والأودية حتى تنتهي الحالة المطرية المتوقعة خلال الأيام المقبلة وقال المتحدث الرسمي إن الفرق الميدانية باشرت أعمالها منذ الصباح الباكر بعد بلاغات متعددة من المواطنين عن تجمعات مياه كبيرة في الطرق الرئيسية والفرعية'.split(' ')
/** A story of its own: words drawn from WORDS by a generator seeded with `seed`, so no two share many word triples. */
function story(city: string, seed: number): string {
  let x = seed * 7919 + 17
  const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8) % WORDS.length
  const words = Array.from({ length: 45 }, () => WORDS[next()]!)
  return `أمطار على ${city}\n2015-08-${String((seed % 28) + 1).padStart(2, '0')}\n\nهطلت أمطار غزيرة على ${city}. ${words.join(' ')}.\n`
}

/** A folder of text files (one a reprint of another, one empty, one binary) and a zip with a refused entry. */
function makeBatch(dir: string): string {
  const folder = join(dir, 'batch')
  mkdirSync(join(folder, 'sub'), { recursive: true })
  CITIES.forEach((city, i) => writeFileSync(join(folder, i % 2 ? 'sub' : '', `${i}.txt`), story(city, i)))
  // A light edit of 0.txt: imported, linked as its near-duplicate.
  writeFileSync(join(folder, 'reprint.txt'), story(CITIES[0]!, 0).replace('أمطار غزيرة', 'أمطار خفيفة'))
  writeFileSync(join(folder, 'copy.txt'), story(CITIES[1]!, 1))
  writeFileSync(join(folder, 'empty.txt'), '')
  writeFileSync(join(folder, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0]))
  const records = JSON.stringify(CITIES.slice(0, 3).map((city, i) => ({ title: `رياح على ${city}`, content: story(city, 100 + i), date: '2015-08-07', source: 'سبق' })))
  writeFileSync(
    join(folder, 'export.zip'),
    makeZip([
      { name: 'day.json', data: records },
      { name: '../escape.txt', data: story('خارج', 1) },
      { name: 'more/1.txt', data: story(CITIES[5]!, 55) },
    ]),
  )
  return folder
}

/** What a user sees of an archive: each article's text, source, date and near-duplicate links. */
function contents(archive: Archive) {
  return archive.db
    .prepare(
      `SELECT a.title, a.body, a.published_at, s.name AS source, a.original_file,
              (SELECT group_concat(l.original_id || ':' || round(l.similarity, 3)) FROM article_links l WHERE l.article_id = a.id) AS links,
              (SELECT count(*) FROM article_bands b WHERE b.article_id = a.id) AS bands
       FROM articles a LEFT JOIN sources s ON s.id = a.source_id ORDER BY a.id`,
    )
    .all()
}
const outcomes = (r: ImportReport) => r.files.map((f) => [f.file, f.status, f.format, f.added, f.duplicates, f.nearDuplicates ?? 0, f.problems])

describe('the reader thread', () => {
  const dir = tempDir()
  const folder = makeBatch(dir)

  it('gives the same archive and report as reading in the import thread', async () => {
    const here = Archive.open(join(dir, 'here'))
    const ahead = Archive.open(join(dir, 'ahead'))
    const a = await importPaths(here, [folder], { origin: 'test', readerThread: false })
    const b = await importPaths(ahead, [folder], { origin: 'test', readerThread: true })
    expect(b.counts).toEqual(a.counts)
    expect(a.counts).toMatchObject({ added: 17, duplicates: 1, failed: 3, nearDuplicates: 1 })
    expect(outcomes(b)).toEqual(outcomes(a))
    expect(contents(ahead)).toEqual(contents(here))
    // Every article kept its original and its 24 LSH bands (written when the transaction commits).
    expect(contents(ahead).every((row) => (row as { bands: number }).bands === 24)).toBe(true)
    const reprint = ahead.db.prepare(`SELECT id FROM articles WHERE body LIKE '%أمطار خفيفة%'`).pluck().get()
    expect(ahead.db.prepare('SELECT article_id FROM article_links').pluck().all()).toEqual([reprint])

    // Imported again: nothing changes, whichever way it is read.
    const again = await importPaths(ahead, [folder], { origin: 'test', readerThread: true })
    expect(again.counts).toMatchObject({ added: 0, duplicates: 18, failed: 3 })
    here.close()
    ahead.close()
  })

  it('says once, when every file is written, that it is finishing, though a last ZIP makes done equal total after each entry', async () => {
    const zipOnly = join(dir, 'only.zip')
    writeFileSync(zipOnly, makeZip(CITIES.slice(0, 4).map((city, i) => ({ name: `${i}.txt`, data: story(city, 300 + i) }))))
    for (const [name, paths, readerThread] of [['zip', [zipOnly], false], ['folder', [folder], true], ['folder-here', [folder], false]] as const) {
      const seen: ImportProgress[] = []
      const archive = Archive.open(join(dir, `finishing-${name}`))
      await importPaths(archive, [...paths], { origin: 'test', readerThread, onProgress: (p) => void seen.push(p) })
      archive.close()
      expect(seen.filter((p) => p.finishing)).toHaveLength(1)
      expect(seen.at(-1)).toMatchObject({ finishing: true, done: seen.at(-1)!.total })
      if (name === 'zip') expect(seen.filter((p) => p.done === p.total).length).toBeGreaterThan(1)
    }
  })

  it('stops on cancel with what was written kept, and resuming finishes the batch', async () => {
    const archive = Archive.open(join(dir, 'cancelled'))
    const ctl = new AbortController()
    const first = await importPaths(archive, [folder], { origin: 'test', readerThread: true, signal: ctl.signal, onProgress: (p) => p.done === 5 && ctl.abort() })
    expect(first.status).toBe('cancelled')
    expect(first.files).toHaveLength(5)
    expect(archive.articleCount()).toBe(first.counts.added)

    const done = await resumeImport(archive, first.batchId, { readerThread: true })
    expect(done.status).toBe('done')
    expect(done.counts).toMatchObject({ added: 17, duplicates: 1, failed: 3, nearDuplicates: 1 })
    expect(archive.articleCount()).toBe(17)
    archive.close()
  })
})
