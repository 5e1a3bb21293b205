import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Archive, MAX_INLINE_ORIGINAL_BYTES } from '../archive/archive'
import { tempDir } from '../../../test-support/tmp'
import { article } from '../../../test-support/articles'
import { archiveHoldsData, createBackup, defaultBackupsDir, listBackups, pruneBackups, restoreBackup, sha256File, verifyBackup, backupPath } from './backup'
import { corruptDatabaseFile } from './test-helpers'

const root = tempDir('arshif-backup-')
let n = 0
/**
 * An archive with `count` (3 or more) articles: the first two from a small original (kept in the
 * database), the third from one over the limit (kept as a file).
 */
function archiveWith(count: number): Archive {
  const archive = Archive.open(join(root, `archive-${++n}`))
  const small = archive.storeOriginal(Buffer.from(`<p>الأصل ${n}</p>`), 'page.html')
  const large = archive.storeOriginal(Buffer.from(`<p>الأصل الكبير ${n}</p>`.padEnd(MAX_INLINE_ORIGINAL_BYTES + 1, ' ')), 'big.html')
  archive.addArticles([article(1), article(2)], null, small)
  archive.addArticles([article(3)], null, large)
  archive.addArticles(Array.from({ length: count - 3 }, (_, i) => article(i + 4)), null)
  return archive
}

describe('createBackup', () => {
  it('copies the database and the originals beside the archive, with a manifest that checks out', async () => {
    const archive = archiveWith(30)
    const phases = new Set<string>()
    const info = await createBackup(archive, { appVersion: '9.9.9', onProgress: (p) => phases.add(p.phase) })
    expect(info.path.startsWith(defaultBackupsDir(archive.dir))).toBe(true)
    expect(defaultBackupsDir('/data/my-archive')).toBe('/data/my-archive-backups')
    expect(info).toMatchObject({ articleCount: 30, appVersion: '9.9.9', schemaVersion: archive.schemaVersion, automatic: false })
    expect([...phases]).toEqual(['database', 'originals', 'checking'])

    const manifest = JSON.parse(readFileSync(join(info.path, 'manifest.json'), 'utf8'))
    expect(manifest.database.sha256).toBe(await sha256File(join(info.path, 'archive.sqlite')))
    expect(manifest.originals).toHaveLength(1)
    expect(manifest.originals[0].path).toBe(archive.getArticle(3)!.originalFile)
    expect(readFileSync(join(info.path, manifest.originals[0].path), 'utf8')).toContain('الأصل الكبير')
    // A self-contained file: no WAL beside it, and SQLite finds it whole.
    expect(existsSync(join(info.path, 'archive.sqlite-wal'))).toBe(false)
    const copy = new Database(join(info.path, 'archive.sqlite'), { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    // The small original travels inside the database.
    expect(copy.prepare('SELECT address FROM original_blobs').pluck().all()).toEqual([archive.getArticle(1)!.originalFile])
    copy.close()
    expect((await verifyBackup(info.path)).articleCount).toBe(30)
    expect(listBackups(defaultBackupsDir(archive.dir)).map((b) => b.id)).toEqual([info.id])
    archive.close()
  })

  it('copies what was committed while the archive stays open and written to', async () => {
    const archive = archiveWith(5)
    const running = createBackup(archive, { appVersion: 't' })
    archive.addArticles([article(100)], null) // the app goes on writing
    const info = await running
    expect([5, 6]).toContain(info.articleCount)
    await expect(verifyBackup(info.path)).resolves.toBeTruthy()
    expect(archive.articleCount()).toBe(6)
    archive.close()
  })

  it('names two backups of the same second apart, and lists them newest first', async () => {
    const archive = archiveWith(3)
    const dir = join(root, 'same-second')
    const at = new Date('2026-01-02T03:04:05Z')
    const a = await createBackup(archive, { dir, appVersion: 't', now: () => at })
    const b = await createBackup(archive, { dir, appVersion: 't', now: () => at })
    expect([a.id, b.id]).toEqual(['2026-01-02T03-04-05Z', '2026-01-02T03-04-05Z-2'])
    expect(listBackups(dir).map((x) => x.id)).toEqual([b.id, a.id])
    archive.close()
  })

  it('leaves nothing that looks like a backup when cancelled', async () => {
    const archive = archiveWith(3)
    const dir = join(root, 'cancelled')
    const controller = new AbortController()
    controller.abort()
    await expect(createBackup(archive, { dir, appVersion: 't', signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' })
    expect(readdirSync(dir)).toEqual([])
    archive.close()
  })
})

describe('restoreBackup', () => {
  it('brings the articles and the originals back into an empty folder, and drops the stale index', async () => {
    const archive = archiveWith(12)
    const info = await createBackup(archive, { appVersion: 't' })
    const first = archive.getArticle(1)!
    const third = archive.getArticle(3)!
    const firstBytes = archive.readOriginal(first.originalFile!)!
    const thirdBytes = archive.readOriginal(third.originalFile!)!
    archive.close()

    const target = join(root, 'restored-empty')
    mkdirSync(join(target, 'index'), { recursive: true })
    writeFileSync(join(target, 'index', 'search.json'), '{}')
    const result = await restoreBackup(info.path, target)
    expect(result.setAside).toBeNull()
    const restored = Archive.open(target)
    expect(restored.articleCount()).toBe(12)
    expect(restored.getArticle(1)).toMatchObject({ title: first.title, paragraphs: first.paragraphs, originalFile: first.originalFile })
    expect(firstBytes.toString('utf8')).toMatch(/^<p>الأصل \d+<\/p>$/)
    expect(restored.readOriginal(first.originalFile!)!.equals(firstBytes)).toBe(true)
    expect(restored.readOriginal(third.originalFile!)!.equals(thirdBytes)).toBe(true)
    expect(existsSync(join(target, third.originalFile!))).toBe(true)
    expect(existsSync(join(target, 'index'))).toBe(false)
    restored.close()
  })

  it('never replaces an archive that holds articles without force, and sets the old database aside with it', async () => {
    const source = archiveWith(4)
    const info = await createBackup(source, { appVersion: 't' })
    source.close()
    const other = archiveWith(7)
    other.close()
    expect(archiveHoldsData(other.dir)).toBe(true)

    await expect(restoreBackup(info.path, other.dir)).rejects.toMatchObject({ code: 'archive_not_empty', message: expect.stringMatching(/--force/) })
    const untouched = Archive.open(other.dir)
    expect(untouched.articleCount()).toBe(7)
    untouched.close()

    const result = await restoreBackup(info.path, other.dir, { force: true })
    expect(result.setAside).toMatch(/archive\.sqlite\.replaced-/)
    const reopened = Archive.open(other.dir)
    expect(reopened.articleCount()).toBe(4)
    reopened.close()
    const aside = new Database(result.setAside!, { readonly: true })
    expect(aside.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(7)
    aside.close()
  })

  it('counts originals kept in the database as data, even with no article left', () => {
    const archive = Archive.open(join(root, `archive-${++n}`))
    archive.storeOriginal(Buffer.from('<p>أصل بلا مقال</p>'), 'page.html')
    archive.close()
    expect(archiveHoldsData(archive.dir)).toBe(true)
    const empty = Archive.open(join(root, `archive-${++n}`))
    empty.close()
    expect(archiveHoldsData(empty.dir)).toBe(false)
  })

  it('replaces a damaged archive when forced (the recovery path)', async () => {
    const archive = archiveWith(40)
    const info = await createBackup(archive, { appVersion: 't' })
    archive.addArticles(Array.from({ length: 400 }, (_, i) => article(1000 + i, { paragraphs: ['نص طويل '.repeat(200)] })), null)
    archive.close()
    corruptDatabaseFile(join(archive.dir, 'archive.sqlite'))
    expect(() => Archive.open(archive.dir)).toThrow(expect.objectContaining({ code: 'archive_corrupt' }))
    expect(archiveHoldsData(archive.dir)).toBe(true)

    await restoreBackup(info.path, archive.dir, { force: true })
    const back = Archive.open(archive.dir)
    expect(back.articleCount()).toBe(40)
    back.close()
  })
})

describe('verifyBackup refuses a backup it cannot trust', () => {
  async function freshBackup(): Promise<string> {
    const archive = archiveWith(6)
    const info = await createBackup(archive, { appVersion: 't' })
    archive.close()
    return info.path
  }

  it('with a changed database', async () => {
    const path = await freshBackup()
    appendFileSync(join(path, 'archive.sqlite'), 'x')
    await expect(verifyBackup(path)).rejects.toMatchObject({ code: 'backup_invalid', message: expect.stringMatching(/checksum/) })
    // …and a restore from it changes nothing.
    const target = join(root, 'never-written')
    await expect(restoreBackup(path, target)).rejects.toMatchObject({ code: 'backup_invalid' })
    expect(existsSync(join(target, 'archive.sqlite'))).toBe(false)
  })

  it('with a damaged database whose manifest was rewritten to match', async () => {
    const path = await freshBackup()
    const db = join(path, 'archive.sqlite')
    corruptDatabaseFile(db)
    const manifestFile = join(path, 'manifest.json')
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'))
    manifest.database.sha256 = await sha256File(db)
    writeFileSync(manifestFile, JSON.stringify(manifest))
    await expect(verifyBackup(path)).rejects.toMatchObject({ code: 'backup_invalid', message: expect.stringMatching(/integrity|cannot be read/) })
  })

  it('with a missing original file', async () => {
    const path = await freshBackup()
    const manifest = JSON.parse(readFileSync(join(path, 'manifest.json'), 'utf8'))
    rmSync(join(path, manifest.originals[0].path))
    await expect(verifyBackup(path)).rejects.toMatchObject({ message: expect.stringMatching(/1 original files are missing/) })
  })

  it('whose articles refer to an original file it does not hold', async () => {
    const path = await freshBackup()
    const manifestFile = join(path, 'manifest.json')
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'))
    rmSync(join(path, manifest.originals[0].path))
    manifest.originals = []
    writeFileSync(manifestFile, JSON.stringify(manifest))
    // Only the file is missing: the small original is in the database.
    await expect(verifyBackup(path)).rejects.toMatchObject({ message: expect.stringMatching(/^[^;]*: 1 original files its articles refer to are not in it[^;]*$/) })
  })

  it('without a manifest, or with one that names files outside the backup', async () => {
    const path = await freshBackup()
    const manifestFile = join(path, 'manifest.json')
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'))
    manifest.originals.push({ path: 'originals/../../../etc/passwd', bytes: 1 })
    writeFileSync(manifestFile, JSON.stringify(manifest))
    await expect(verifyBackup(path)).rejects.toMatchObject({ message: expect.stringMatching(/outside the originals/) })
    rmSync(manifestFile)
    await expect(verifyBackup(path)).rejects.toMatchObject({ message: expect.stringMatching(/manifest cannot be read/) })
    expect(listBackups(join(path, '..')).map((b) => b.path)).not.toContain(path)
  })

  it('names nothing but backup ids', () => {
    expect(() => backupPath(root, '../archive-1')).toThrow(expect.objectContaining({ code: 'invalid_argument' }))
    expect(() => backupPath(root, '2020-01-01T00-00-00Z')).toThrow(expect.objectContaining({ code: 'not_found' }))
  })
})

describe('pruneBackups', () => {
  it('keeps the newest automatic backups and every backup a person made', async () => {
    const archive = archiveWith(3)
    const dir = join(root, 'prune')
    const day = (d: number) => () => new Date(Date.UTC(2026, 0, d))
    for (let d = 1; d <= 5; d++) await createBackup(archive, { dir, appVersion: 't', automatic: true, now: day(d) })
    const manual = await createBackup(archive, { dir, appVersion: 't', now: day(2) })
    expect(pruneBackups(dir, 2)).toEqual(['2026-01-03T00-00-00Z', '2026-01-02T00-00-00Z', '2026-01-01T00-00-00Z'])
    expect(listBackups(dir).map((b) => b.id)).toEqual(['2026-01-05T00-00-00Z', '2026-01-04T00-00-00Z', manual.id])
    expect(statSync(join(dir, manual.id)).isDirectory()).toBe(true)
    archive.close()
  })
})
