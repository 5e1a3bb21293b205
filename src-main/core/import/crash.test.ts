// A real `arshif import` of a big folder, killed with SIGKILL half-way: the archive must be healthy,
// hold whole articles only, know which files are done, and either resume (every article then there
// exactly once) or undo the interrupted batch.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, vi } from 'vitest'
import { tempDir } from '../../../test-support/tmp'
import { Archive } from '../archive/archive'
import { interruptedBatches, resumeImport } from './importer'

const FILES = 2500
// Removing thousands of files and two archives afterwards can take a while on a busy machine.
vi.setConfig({ hookTimeout: 120_000 })
const BIN = resolve(import.meta.dirname, '../../../bin/arshif.js')

// Distinct random-word texts (a seeded generator), so every file is its own article.
const WORDS = 'مدينة وزارة مشروع طريق مدرسة سوق ميناء مطار قرار مجلس لجنة تقرير موسم شركة مبنى حديقة جامعة مستشفى نادي مصنع'.split(' ')
function bodyOf(n: number): string {
  let seed = n * 2654435761 + 1
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed >>> 8)
  return Array.from({ length: 3 }, () => Array.from({ length: 30 }, () => WORDS[next() % WORDS.length]).join(' ') + '.').join('\n\n')
}
const titleOf = (n: number) => `الخبر رقم ${n}`

function bigFolder(dir: string): string {
  const folder = join(dir, 'articles')
  mkdirSync(folder)
  for (let n = 0; n < FILES; n++) writeFileSync(join(folder, `${String(n).padStart(5, '0')}.txt`), `${titleOf(n)}\n2015-08-10\n\n${bodyOf(n)}\n`)
  return folder
}

/** Starts `arshif import`, waits until it has recorded `atLeast` files, and kills it with SIGKILL. */
async function importAndKill(archiveDir: string, folder: string, atLeast: number): Promise<void> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'import', '--archive', archiveDir, folder], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += d))
  const exited = new Promise<void>((res) => child.on('exit', () => res()))
  const recorded = () => {
    try {
      const db = new Database(join(archiveDir, 'archive.sqlite'), { readonly: true, fileMustExist: true })
      try {
        return db.prepare('SELECT count(*) FROM import_file_outcomes').pluck().get() as number
      } finally {
        db.close()
      }
    } catch {
      return 0 // not created (or migrated) yet
    }
  }
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the import ended before it could be killed:\n${stderr}`)
    if (recorded() >= atLeast) break
    await new Promise((r) => setTimeout(r, 10))
  }
  child.kill('SIGKILL')
  await exited
  expect(child.signalCode).toBe('SIGKILL')
}

/** Whole articles only, each matching its file, and the recorded outcomes matching the articles. */
function expectConsistent(archive: Archive, batchId: number): { articles: number; outcomes: number } {
  expect(archive.db.pragma('integrity_check', { simple: true })).toBe('ok')
  expect(archive.db.pragma('foreign_key_check')).toEqual([])
  const rows = archive.db.prepare('SELECT title, body FROM articles WHERE batch_id = ?').all(batchId) as { title: string; body: string }[]
  for (const r of rows) {
    const n = Number(/\d+$/.exec(r.title)![0])
    expect(r.body).toBe(bodyOf(n))
  }
  const outcomes = archive.db.prepare('SELECT outcome FROM import_file_outcomes WHERE batch_id = ?').pluck().all(batchId) as string[]
  const added = outcomes.map((o) => JSON.parse(o) as { added: number }).reduce((s, o) => s + o.added, 0)
  // Each file's article and its outcome were written in one transaction: both or neither.
  expect(added).toBe(rows.length)
  expect(outcomes.length).toBe(rows.length)
  return { articles: rows.length, outcomes: outcomes.length }
}

describe('an import killed half-way (SIGKILL)', () => {
  const dir = tempDir()
  const folder = bigFolder(dir)

  it('leaves a healthy archive with whole articles, resumable under the same batch until every article is there once', { timeout: 120_000 }, async () => {
    const archiveDir = join(dir, 'resume')
    await importAndKill(archiveDir, folder, 300)

    const archive = Archive.open(archiveDir)
    try {
      const [batch, ...others] = interruptedBatches(archive)
      expect(others).toEqual([])
      expect(batch).toMatchObject({ id: 1, paths: [folder] })
      expect(archive.getBatch(batch!.id)!.status).toBe('running')
      const before = expectConsistent(archive, batch!.id)
      expect(before.articles).toBeGreaterThanOrEqual(300)
      expect(before.articles).toBeLessThan(FILES)
      expect(batch!.unitsDone).toBe(before.outcomes)

      const report = await resumeImport(archive, batch!.id)
      expect(report).toMatchObject({ batchId: batch!.id, status: 'done', counts: { files: FILES, added: FILES, duplicates: 0, failed: 0 } })
      expect(report.files).toHaveLength(FILES)
      expect(new Set(report.files.map((f) => f.file)).size).toBe(FILES)
      expect(expectConsistent(archive, batch!.id).articles).toBe(FILES)
      expect(archive.db.prepare('SELECT count(DISTINCT title) FROM articles').pluck().get()).toBe(FILES)
      expect(archive.articleCount()).toBe(FILES)
      expect(archive.getBatch(batch!.id)!.status).toBe('done')
      expect(interruptedBatches(archive)).toEqual([])
    } finally {
      archive.close()
    }
  })

  it('can be undone instead of resumed', { timeout: 120_000 }, async () => {
    const archiveDir = join(dir, 'undo')
    await importAndKill(archiveDir, folder, 200)
    const archive = Archive.open(archiveDir)
    try {
      const [batch] = interruptedBatches(archive)
      const { articles } = expectConsistent(archive, batch!.id)
      expect(archive.undoBatch(batch!.id)).toBe(articles)
      expect(archive.articleCount()).toBe(0)
      expect(archive.db.prepare('SELECT count(*) FROM article_bands').pluck().get()).toBe(0)
      expect(archive.getBatch(batch!.id)!.status).toBe('undone')
      expect(interruptedBatches(archive)).toEqual([])
      await expect(resumeImport(archive, batch!.id)).rejects.toThrow(/undone/)
    } finally {
      archive.close()
    }
  })
})
