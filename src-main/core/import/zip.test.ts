// ZIP archives as import inputs: entries imported one by one, unsafe entries refused with a reason.
// The archives are built by a tiny writer (test-support/zip.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { makeZip, readFirstZipEntry } from '../../../test-support/zip'
import { describe, expect, it } from 'vitest'
import { corpusPath, hasCorpus } from '../../../test-support/corpus'
import { tempDir } from '../../../test-support/tmp'
import { Archive } from '../archive/archive'
import { parseFile } from './formats'
import { importPaths, type ImportProgress } from './importer'
import { looksLikeZip, readZip, ZIP_LIMITS, type ZipUnit } from './zip'

const dir = tempDir()
let n = 0
const freshArchive = () => Archive.open(join(dir, `archive-${++n}`))
const write = (name: string, bytes: Buffer | string) => {
  const p = join(dir, name)
  writeFileSync(p, bytes)
  return p
}

const json = JSON.stringify([
  { title: 'افتتاح معرض الكتاب في الرياض', content: 'افتتح وزير الثقافة معرض الكتاب اليوم.', date: '2015-08-07', source: 'سبق' },
  { title: 'ارتفاع أسعار الخضار', content: 'شهدت الأسواق ارتفاعاً في الأسعار.', date: '2015-08-08', source: 'عكاظ' },
])
const text = 'أمطار غزيرة على جدة\n7 أغسطس 2015\n\nهطلت أمطار غزيرة على مدينة جدة صباح اليوم.\n'

describe('zip import', () => {
  it('imports every file of nested folders as its own unit, skipping folders and hidden entries', async () => {
    const zip = write(
      'batch.zip',
      makeZip([
        { name: 'news/' },
        { name: 'news/2015/' },
        { name: 'news/2015/day.json', data: json },
        { name: 'news/مقالات/جدة.txt', data: text, stored: true },
        { name: 'news/.DS_Store', data: 'x' },
        { name: '__MACOSX/news/._day.json', data: 'junk' },
        { name: 'notes/empty.txt', data: '' },
      ]),
    )
    const archive = freshArchive()
    const progress: ImportProgress[] = []
    const report = await importPaths(archive, [zip], { origin: 'test', onProgress: (p) => progress.push(p) })
    expect(report.status).toBe('done')
    expect(report.files).toEqual([
      expect.objectContaining({ file: 'batch.zip/news/2015/day.json', status: 'imported', format: 'json', added: 2 }),
      expect.objectContaining({ file: 'batch.zip/news/مقالات/جدة.txt', status: 'imported', format: 'text', added: 1 }),
      expect.objectContaining({ file: 'batch.zip/notes/empty.txt', status: 'failed', added: 0 }),
    ])
    expect(report.counts).toEqual({ files: 3, added: 3, duplicates: 0, failed: 1 })
    // One event per entry, counted as they come, then the one that says the import is finishing.
    expect(progress.map((p) => [p.done, p.total, !!p.finishing])).toEqual([[1, 1, false], [2, 2, false], [3, 3, false], [3, 3, true]])
    expect(archive.articleCount()).toBe(3)
    // Each entry's own bytes are the original of its articles.
    const { items } = archive.listArticles({})
    const originals = new Set(items.map((a) => archive.getArticle(a.id)!.originalFile))
    expect(originals.size).toBe(2)
    for (const o of originals) expect(o).toMatch(/\.(json|txt)$/)
    const jsonArticle = items.find((a) => a.title === 'ارتفاع أسعار الخضار')!
    expect(archive.readOriginal(archive.getArticle(jsonArticle.id)!.originalFile!)?.toString('utf8')).toBe(json)

    // The same zip again: duplicates, not new articles.
    const again = await importPaths(archive, [zip], { origin: 'test' })
    expect(again.counts).toMatchObject({ added: 0, duplicates: 3 })
    archive.close()
  })

  it('expands zips found in a folder, and recognises a zip by its signature', async () => {
    const folder = join(dir, 'folder')
    mkdirSync(folder)
    writeFileSync(join(folder, 'a.json'), JSON.stringify([{ title: 'خبر خارج الأرشيف المضغوط', content: 'نص الخبر.' }]))
    writeFileSync(join(folder, 'b.zip'), makeZip([{ name: 'day.json', data: json }]))
    writeFileSync(join(folder, 'c.bin'), makeZip([{ name: 'k.txt', data: text }]))
    expect(looksLikeZip(join(folder, 'c.bin'))).toBe(true)
    expect(looksLikeZip(join(folder, 'a.json'))).toBe(false)
    const archive = freshArchive()
    const report = await importPaths(archive, [folder], { origin: 'test' })
    expect(report.files.map((f) => [f.file, f.status, f.added])).toEqual([
      ['a.json', 'imported', 1],
      ['b.zip/day.json', 'imported', 2],
      ['c.bin/k.txt', 'imported', 1],
    ])
    expect(report.counts).toEqual({ files: 3, added: 4, duplicates: 0, failed: 0 })
    archive.close()
  })

  it('refuses entries that climb out of the archive or are absolute, and goes on with the rest', async () => {
    const zip = write(
      'evil.zip',
      makeZip([
        { name: '../evil.txt', data: text },
        { name: '/etc/passwd', data: 'root:x:0:0' },
        { name: 'C:/Windows/win.ini', data: text },
        { name: 'a\\..\\..\\evil2.txt', data: text },
        { name: 'ok/day.json', data: json },
      ]),
    )
    const archive = freshArchive()
    const report = await importPaths(archive, [zip], { origin: 'test' })
    expect(report.files.map((f) => [f.file, f.status])).toEqual([
      ['evil.zip/../evil.txt', 'failed'],
      ['evil.zip//etc/passwd', 'failed'],
      ['evil.zip/C:/Windows/win.ini', 'failed'],
      ['evil.zip/a/../../evil2.txt', 'failed'],
      ['evil.zip/ok/day.json', 'imported'],
    ])
    expect(report.files[0]!.problems).toEqual([expect.stringMatching(/climbs out of the archive.*refused/)])
    expect(report.files[1]!.problems).toEqual([expect.stringMatching(/absolute path/)])
    expect(report.files[2]!.problems).toEqual([expect.stringMatching(/absolute path/)])
    expect(report.files[3]!.problems).toEqual([expect.stringMatching(/climbs out/)])
    expect(report.counts).toEqual({ files: 5, added: 2, duplicates: 0, failed: 4 })
    archive.close()
  })

  it('refuses zip bombs by size, ratio and total, counting while streaming, and keeps the rest', async () => {
    const limits = { maxEntryBytes: 4 * 2 ** 20, maxTotalBytes: 6 * 2 ** 20, maxRatio: 100, ratioFloorBytes: 2 ** 20 }
    const zeros = Buffer.alloc(3 * 2 ** 20) // 3 MB of zeros deflates to ~3 KB: ratio ~1000:1
    const text3mb = Buffer.from(Array.from({ length: 3 * 2 ** 20 }, (_, i) => 32 + ((i * 7919) % 95)))
    const zip = write(
      'bomb.zip',
      makeZip([
        { name: 'big.txt', data: Buffer.alloc(5 * 2 ** 20, 0x41), stored: true },
        { name: 'zeros.txt', data: zeros },
        // The headers say 100 bytes: the bytes counted while streaming are what count.
        { name: 'liar.txt', data: zeros, claimedSize: 100 },
        { name: 'day.json', data: json },
        { name: 'fill1.bin', data: text3mb, stored: true },
        { name: 'fill2.bin', data: text3mb, stored: true },
        { name: 'after.json', data: json },
      ]),
    )
    const units: ZipUnit[] = []
    expect(await readZip(zip, (u) => void units.push(u), limits)).toBe(true)
    const summary = units.map((u) => (u.kind === 'failed' ? ['(zip)', u.reason] : [u.entry, u.kind === 'refused' ? u.reason : 'file']))
    expect(summary).toEqual([
      ['big.txt', expect.stringMatching(/over 4 MB uncompressed.*refused/)],
      ['zeros.txt', expect.stringMatching(/expands more than 100:1.*zip bomb/)],
      ['liar.txt', expect.stringMatching(/more data than its header says.*zip bomb/)],
      ['day.json', 'file'],
      ['fill1.bin', 'file'],
      ['fill2.bin', expect.stringMatching(/over 6 MB once uncompressed/)],
      ['(zip)', expect.stringMatching(/remaining entries were not read/)],
    ])

    const archive = freshArchive()
    const report = await importPaths(archive, [zip], { origin: 'test', zipLimits: limits })
    expect(report.counts).toMatchObject({ added: 2, failed: 6 })
    expect(report.files.find((f) => f.file === 'bomb.zip/day.json')!.status).toBe('imported')
    archive.close()
  })

  it('refuses a real-size bomb with the default limits from its header, without inflating it', async () => {
    const deflated = deflateRawSync(Buffer.alloc(300 * 2 ** 20)) // 300 MB of zeros: ~300 KB
    expect(deflated.length).toBeLessThan(400 * 1024)
    const zip = makeZip([{ name: 'zeros.json', deflated, claimedSize: 300 * 2 ** 20 }, { name: 'ok.txt', data: text }])
    const units: ZipUnit[] = []
    await readZip(write('real-bomb.zip', zip), (u) => void units.push(u))
    expect(units).toEqual([
      { kind: 'refused', entry: 'zeros.json', reason: expect.stringMatching(/over 256 MB uncompressed/) },
      { kind: 'file', entry: 'ok.txt', bytes: Buffer.from(text) },
    ])
    expect(ZIP_LIMITS.maxEntryBytes).toBe(256 * 2 ** 20)
  })

  it('refuses encrypted entries and zips inside zips', async () => {
    const inner = makeZip([{ name: 'day.json', data: json }])
    const zip = write(
      'odd.zip',
      makeZip([
        { name: 'secret.json', data: json, encrypted: true },
        { name: 'inner.zip', data: inner },
        { name: 'inner-renamed.dat', data: inner, stored: true },
        { name: 'ok.txt', data: text },
      ]),
    )
    const archive = freshArchive()
    const report = await importPaths(archive, [zip], { origin: 'test' })
    expect(report.files.map((f) => [f.file, f.status, f.problems[0]])).toEqual([
      ['odd.zip/secret.json', 'failed', expect.stringMatching(/encrypted/)],
      ['odd.zip/inner.zip', 'failed', expect.stringMatching(/ZIP archive inside a ZIP/)],
      ['odd.zip/inner-renamed.dat', 'failed', expect.stringMatching(/ZIP archive inside a ZIP/)],
      ['odd.zip/ok.txt', 'imported', undefined],
    ])
    archive.close()
  })

  it('reports a truncated or corrupt zip as failed while the other files of the batch import', async () => {
    const folder = join(dir, 'damaged')
    mkdirSync(folder)
    const good = makeZip([{ name: 'day.json', data: json }])
    writeFileSync(join(folder, 'a-truncated.zip'), good.subarray(0, Math.floor(good.length / 2)))
    writeFileSync(join(folder, 'b-garbage.zip'), 'this is not a zip archive at all')
    const corrupt = Buffer.from(good)
    corrupt[40] = corrupt[40]! ^ 0xff // inside the deflated data: inflate error or CRC mismatch
    writeFileSync(join(folder, 'c-corrupt.zip'), corrupt)
    writeFileSync(join(folder, 'd-empty.zip'), makeZip([]))
    writeFileSync(join(folder, 'e.txt'), text)
    const archive = freshArchive()
    const report = await importPaths(archive, [folder], { origin: 'test' })
    expect(report.files.map((f) => [f.file, f.status])).toEqual([
      ['a-truncated.zip', 'failed'],
      ['b-garbage.zip', 'failed'],
      ['c-corrupt.zip/day.json', 'failed'],
      ['d-empty.zip', 'failed'],
      ['e.txt', 'imported'],
    ])
    expect(report.files[0]!.problems).toEqual([expect.stringMatching(/could not be read \(damaged or truncated\?\)/)])
    expect(report.files[2]!.problems).toEqual([expect.stringMatching(/could not be read \(damaged\?\)/)])
    expect(report.files[3]!.problems).toEqual(['No file was found in this ZIP archive.'])
    expect(report.counts).toEqual({ files: 5, added: 1, duplicates: 0, failed: 4 })
    archive.close()
  })

  it('stops between entries when cancelled', async () => {
    const zip = write('many.zip', makeZip(Array.from({ length: 5 }, (_, i) => ({ name: `${i}.txt`, data: `خبر رقم ${i}\n\nنص الخبر رقم ${i}.\n` }))))
    const archive = freshArchive()
    const ctl = new AbortController()
    const report = await importPaths(archive, [zip], { origin: 'test', signal: ctl.signal, onProgress: (p) => p.done === 2 && ctl.abort() })
    expect(report.status).toBe('cancelled')
    expect(report.files).toHaveLength(2)
    archive.close()
  })
})

describe.skipIf(!hasCorpus)('corpus: SaudiNewsNet zip', () => {
  it('imports one day zip as one entry with all its articles', async () => {
    const path = corpusPath('saudinewsnet/2015-07-23.zip')
    // The expected count, from the entry read independently of zip.ts.
    const bytes = await readFirstZipEntry(path)
    const expected = parseFile('2015-07-23.json', bytes).articles.length
    expect(expected).toBeGreaterThan(100)
    const archive = freshArchive()
    const report = await importPaths(archive, [path], { origin: 'test' })
    expect(report.files).toHaveLength(1)
    expect(report.files[0]).toMatchObject({ file: '2015-07-23.zip/2015-07-23.json', status: 'imported', format: 'json' })
    expect(report.counts.added + report.counts.duplicates).toBe(expected)
    expect(archive.articleCount()).toBe(report.counts.added)
    archive.close()
  })
})
