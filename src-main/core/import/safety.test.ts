// What an import refuses, each with a reason in the batch report while the rest of the batch goes
// on: a file too large (a sparse 2 GB file, never read), binary files named .txt, a file the system
// will not read, empty files; and what it reports but keeps (an empty body or title). Then the
// corpus files with known answers, checked in the archive after a real import.
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, statSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusPath, hasCorpus } from '../../../test-support/corpus'
import { tempDir } from '../../../test-support/tmp'
import { Archive } from '../archive/archive'
import { importPaths, interruptedBatches, resumeImport, type FileOutcome } from './importer'

const GOOD = 'خبر سليم\n2015-08-10\n\nافتتحت البلدية حديقة جديدة في وسط المدينة أمس بحضور عدد من الأهالي.\n'
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61', 'hex')
const ELF = Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), Buffer.alloc(48, 0), Buffer.from('\x02\x00\x3e\x00\x01\x00\x00\x00', 'latin1')])

describe('refusals and reported problems', () => {
  const dir = tempDir()
  const folder = join(dir, 'batch')
  mkdirSync(folder)
  writeFileSync(join(folder, 'a-good.txt'), GOOD)
  // 2 GB without writing 2 GB: a sparse file (ftruncate), so the test fails fast if it is ever read.
  const huge = join(folder, 'b-huge.txt')
  const fd = openSync(huge, 'w')
  ftruncateSync(fd, 2 * 1024 ** 3)
  closeSync(fd)
  writeFileSync(join(folder, 'c-image.txt'), PNG)
  writeFileSync(join(folder, 'd-program.txt'), ELF)
  // Unreadable: chmod 000 stops everyone but root; as root, a file the kernel refuses to read.
  const unreadable = join(folder, 'e-locked.txt')
  const asRoot = process.getuid?.() === 0
  if (asRoot) symlinkSync('/proc/self/mem', unreadable)
  else {
    writeFileSync(unreadable, GOOD.replace('خبر سليم', 'خبر مقفل'))
    chmodSync(unreadable, 0o000)
  }
  writeFileSync(join(folder, 'f-empty.txt'), '')
  writeFileSync(
    join(folder, 'g-records.csv'),
    'title,content\n' +
      'عنوان بلا نص,\n' +
      ',نص بلا عنوان يصف افتتاح مكتبة عامة جديدة في الحي الشمالي. وتضم المكتبة آلاف الكتب.\n' +
      ',\n' +
      'عنوان كامل,نص كامل عن مهرجان الصيف في المدينة.\n',
  )
  writeFileSync(join(folder, 'h-good.txt'), GOOD.replace('خبر سليم', 'خبر سليم آخر').replace('حديقة', 'مكتبة'))
  const archive = Archive.open(join(dir, 'archive'))
  let files: Map<string, FileOutcome>
  const outcome = (name: string) => files.get(name)!

  it('imports the good files and reports every other one', async () => {
    const report = await importPaths(archive, [folder], { origin: 'test' })
    files = new Map(report.files.map((f) => [f.file, f]))
    expect([...files.keys()]).toEqual(['a-good.txt', 'b-huge.txt', 'c-image.txt', 'd-program.txt', 'e-locked.txt', 'f-empty.txt', 'g-records.csv', 'h-good.txt'])
    expect(report.counts).toEqual({ files: 8, added: 5, duplicates: 0, failed: 5 })
    expect(outcome('a-good.txt')).toMatchObject({ status: 'imported', added: 1 })
    expect(outcome('h-good.txt')).toMatchObject({ status: 'imported', added: 1 })
    // Nothing of the refused files in the archive, nor any copy of them.
    expect(archive.articleCount()).toBe(5)
  })

  it('refuses a 2 GB file by its size, without reading it', () => {
    expect(statSync(huge).blocks).toBeLessThan(64) // still sparse: nothing was written into it
    expect(outcome('b-huge.txt')).toMatchObject({ status: 'failed', added: 0 })
    expect(outcome('b-huge.txt').problems).toEqual(['The file is 2048 MB; files over 256 MB are refused.'])
  })

  it('refuses binary files named .txt (an image, a program)', () => {
    for (const name of ['c-image.txt', 'd-program.txt']) {
      expect(outcome(name)).toMatchObject({ status: 'failed', added: 0 })
      expect(outcome(name).problems.join(' ')).toMatch(/binary|not text/i)
    }
  })

  it('reports a file the system will not read', () => {
    expect(outcome('e-locked.txt')).toMatchObject({ status: 'failed', added: 0 })
    expect(outcome('e-locked.txt').problems).toEqual([asRoot ? expect.stringMatching(/^The file could not be read: the system reported an input\/output error/) : 'The file cannot be read: permission denied.'])
  })

  it('reports an empty file', () => {
    expect(outcome('f-empty.txt')).toMatchObject({ status: 'failed', problems: ['The file is empty.'] })
  })

  it('keeps records with an empty body or title and says so; skips a record with neither, and says so', () => {
    const csv = outcome('g-records.csv')
    expect(csv).toMatchObject({ status: 'imported', added: 3 })
    expect(csv.problems).toEqual([
      'Record 1: The article text is empty; only the title was imported.',
      'Record 2: The title is empty; one was made from the first sentence.',
      'Record 3: Neither a title nor any text was found; the article was skipped.',
    ])
    const titles = archive.listArticles({ limit: 10, sort: 'title' }).items.map((a) => [a.title, a.titleDerived])
    expect(titles).toContainEqual(['عنوان بلا نص', false])
    expect(titles).toContainEqual(['نص بلا عنوان يصف افتتاح مكتبة عامة جديدة في الحي الشمالي', true])
  })
})

/** A batch folder with a good file before and another after the one a test adds as b-…. */
function goodFilesAround(): { dir: string; folder: string } {
  const dir = tempDir()
  const folder = join(dir, 'batch')
  mkdirSync(folder)
  writeFileSync(join(folder, 'a-good.txt'), GOOD)
  writeFileSync(join(folder, 'c-good.txt'), GOOD.replace('خبر سليم', 'خبر سليم آخر').replace('حديقة', 'مكتبة'))
  return { dir, folder }
}

describe('a file the archive fails to write', () => {
  it('is reported with the reason and leaves nothing of itself behind, and the rest is imported', async () => {
    const { dir, folder } = goodFilesAround()
    // Long enough to be signed for near-duplicates (bands and signature rows).
    const record = (title: string, n: number) =>
      JSON.stringify({ title, content: `نص السجل رقم ${n} عن افتتاح سوق شعبية جديدة في الحي الغربي من المدينة بحضور التجار والأهالي، وقال رئيس البلدية إن السوق ستفتح أبوابها كل يوم من الصباح حتى المساء، وإن المرحلة الثانية من المشروع تبدأ في الربيع المقبل.` })
    writeFileSync(join(folder, 'b-records.jsonl'), [record('سجل أول', 1), record('يرفضه الأرشيف', 2), record('سجل ثالث', 3)].join('\n'))
    const archive = Archive.open(join(dir, 'archive'))
    // As a full disk or a damaged database would, for one article in the middle of a file.
    archive.db.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.title = 'يرفضه الأرشيف' BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`)
    const report = await importPaths(archive, [folder], { origin: 'test' })
    expect(report.counts).toMatchObject({ files: 3, added: 2, duplicates: 0, failed: 1 })
    const failed = report.files.find((f) => f.file === 'b-records.jsonl')!
    expect(failed).toMatchObject({ status: 'failed', added: 0 })
    expect(failed.problems.join(' ')).toMatch(/simulated write failure/)
    const count = (sql: string) => archive.db.prepare(sql).pluck().get()
    // Not the record written before the failure, nor the file's original, signatures or bands.
    expect(count(`SELECT count(*) FROM articles WHERE title LIKE 'سجل%'`)).toBe(0)
    expect(count('SELECT count(*) FROM articles')).toBe(2)
    expect(count('SELECT count(*) FROM original_blobs')).toBe(2)
    expect(count('SELECT count(*) FROM article_signatures WHERE article_id NOT IN (SELECT id FROM articles)')).toBe(0)
    // (the id the rolled-back record had goes to the next file's article: bands must not point at it)
    expect(count('SELECT count(*) FROM article_bands WHERE article_id NOT IN (SELECT article_id FROM article_signatures)')).toBe(0)
    // One record per file, the failed one's with its reason.
    expect(count('SELECT count(*) FROM import_file_outcomes')).toBe(3)
    archive.close()
  })
})

describe('a write that makes SQLite roll back the whole transaction (a full disk)', () => {
  it('stops the import without recording the files it lost, and resuming imports them', async () => {
    const { dir, folder } = goodFilesAround()
    writeFileSync(join(folder, 'b-fatal.txt'), GOOD.replace('خبر سليم', 'خبر يملأ القرص').replace('حديقة', 'سوق'))
    const archive = Archive.open(join(dir, 'archive'))
    // RAISE(ROLLBACK) ends the transaction as SQLITE_FULL may: a-good.txt's article goes with it.
    archive.db.exec(`CREATE TEMP TRIGGER full_disk BEFORE INSERT ON articles WHEN NEW.title = 'خبر يملأ القرص' BEGIN SELECT RAISE(ROLLBACK, 'simulated full disk'); END`)
    await expect(importPaths(archive, [folder], { origin: 'test' })).rejects.toThrow(/simulated full disk/)
    const count = (sql: string) => archive.db.prepare(sql).pluck().get()
    expect(count('SELECT count(*) FROM articles')).toBe(0)
    // a-good.txt was written in the lost transaction: it must not be recorded as done.
    expect(count('SELECT count(*) FROM import_file_outcomes')).toBe(0)
    expect(count('SELECT count(*) FROM original_blobs')).toBe(0)
    const [batch] = interruptedBatches(archive)
    expect(batch).toBeDefined()

    archive.db.exec('DROP TRIGGER full_disk')
    const resumed = await resumeImport(archive, batch!.id)
    expect(resumed.counts).toMatchObject({ files: 3, added: 3, failed: 0 })
    expect(count('SELECT count(*) FROM articles')).toBe(3)
    archive.close()
  })
})

describe.runIf(hasCorpus)('corpus files with known answers, imported into an archive', () => {
  const archive = Archive.open(join(tempDir(), 'archive'))
  const stored = (file: string) => {
    const id = archive.db.prepare("SELECT id FROM articles WHERE original_file LIKE '%' || ? ORDER BY id LIMIT 1").pluck().get(file) as number | undefined
    return id === undefined ? null : archive.getArticle(id)
  }
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

  it('the seed article: author غرفة التحرير, a title made from its first sentence and flagged so', async () => {
    const report = await importPaths(archive, [corpusPath('seed/000_8c8d6cd31ae2c44f.txt')], { origin: 'test' })
    expect(report.counts).toMatchObject({ added: 1, failed: 0 })
    const id = archive.db.prepare('SELECT id FROM articles WHERE batch_id = ?').pluck().get(report.batchId) as number
    const a = archive.getArticle(id)!
    expect(a.author).toBe('غرفة التحرير')
    expect(a.titleDerived).toBe(true)
    expect(a.title.startsWith('لم تكد تمر أيام قليلة على بداية العام 2022')).toBe(true)
  })

  it('every file of encodings/articles with its true title (manifest.json)', async () => {
    const manifest = JSON.parse(readFileSync(corpusPath('encodings/articles/manifest.json'), 'utf8')) as { file: string; title: string }[]
    // The articles only (manifest.json itself is JSON records with titles: it would import too).
    const report = await importPaths(archive, manifest.map((m) => corpusPath('encodings/articles', m.file)), { origin: 'test' })
    expect(report.counts).toMatchObject({ files: 35, added: 35, failed: 0 })
    const titles = new Map(
      (archive.db.prepare('SELECT title, batch_id FROM articles WHERE batch_id = ?').all(report.batchId) as { title: string }[]).map((r) => [squash(r.title), true]),
    )
    for (const m of manifest) expect(titles.has(squash(m.title)), m.file).toBe(true)
  })

  it('the two saved pages keep what their expected files keep and drop the rest', async () => {
    const report = await importPaths(archive, [corpusPath('html/cnn-arabic-2013.html'), corpusPath('html/assabah-tn.html')], { origin: 'test' })
    expect(report.counts).toMatchObject({ added: 2, failed: 0 })
    const ids = archive.db.prepare('SELECT id FROM articles WHERE batch_id = ? ORDER BY id').pluck().all(report.batchId) as number[]
    const [cnn, assabah] = ids.map((id) => archive.getArticle(id)!)
    const cnnBody = squash(cnn!.paragraphs.join('\n'))
    const cnnExpected = readFileSync(corpusPath('html/cnn-arabic-2013.expected.txt'), 'utf8').split(/\n\s*\n/).map(squash).filter(Boolean)
    for (const p of cnnExpected) expect(cnnBody).toContain(p)
    const expected = Object.values(JSON.parse(readFileSync(corpusPath('html/assabah-tn.expected.json'), 'utf8')))[0] as { title: string; with: string[]; without: string[] }
    expect(assabah!.title).toBe(squash(expected.title))
    const body = squash(assabah!.paragraphs.join('\n'))
    for (const s of expected.with) expect(body).toContain(s)
    for (const s of expected.without) expect(body).not.toContain(s)
    expect(stored('.html')).not.toBeNull()
  })
})
