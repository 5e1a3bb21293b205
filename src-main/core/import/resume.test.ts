// Resuming a batch in-process: a cancelled import goes on where it stopped, under the same batch id,
// and a batch left 'running' by this process is interrupted unless the host says it still runs it.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../test-support/tmp'
import { Archive } from '../archive/archive'
import { importPaths, interruptedBatches, resumeImport } from './importer'

const PLACES = ['حديقة', 'مكتبة', 'مدرسة', 'مستشفى', 'ملعب', 'سوق', 'جسر', 'متحف', 'مسرح', 'ميناء']

describe('resuming an import', () => {
  const dir = tempDir()
  const folder = join(dir, 'files')
  mkdirSync(folder)
  PLACES.forEach((place, i) => writeFileSync(join(folder, `${i}.txt`), `افتتاح ${place} جديد\n2015-08-1${i}\n\nافتتحت البلدية ${place} جديداً في الحي رقم ${i} صباح اليوم.\n`))
  writeFileSync(join(folder, 'notes.csv'), 'title,body\n')
  const archive = Archive.open(join(dir, 'archive'))

  it('goes on with a cancelled batch: every file once, the same batch id, one report', async () => {
    const ctl = new AbortController()
    const first = await importPaths(archive, [folder], { origin: 'test', onProgress: (p) => p.done === 4 && ctl.abort(), signal: ctl.signal })
    expect(first.status).toBe('cancelled')
    expect(first.files).toHaveLength(4)
    expect(archive.articleCount()).toBe(4)

    const progress: number[] = []
    const report = await resumeImport(archive, first.batchId, { onProgress: (p) => progress.push(p.done) })
    expect(report).toMatchObject({ batchId: first.batchId, status: 'done', counts: { files: 11, added: 10, duplicates: 0, failed: 1 } })
    expect(report.files.map((f) => f.file)).toEqual([...PLACES.map((_, i) => `${i}.txt`), 'notes.csv'])
    expect(progress.at(-1)).toBe(11)
    expect(archive.articleCount()).toBe(10)
    expect(archive.getBatch(first.batchId)).toMatchObject({ status: 'done', counts: { added: 10, failed: 1 } })
    expect(archive.getBatch(first.batchId)!.report).toHaveLength(11)
  })

  it('refuses what cannot be resumed, with a reason', async () => {
    await expect(resumeImport(archive, 1)).rejects.toMatchObject({ code: 'invalid_argument', message: 'Batch 1 is done; only an interrupted or cancelled import can be resumed.' })
    await expect(resumeImport(archive, 999)).rejects.toMatchObject({ code: 'not_found' })
  })

  it("lists a batch this process left 'running' as interrupted, unless the host still runs it", () => {
    archive.db.prepare(`UPDATE import_batches SET status = 'running' WHERE id = 1`).run()
    expect(interruptedBatches(archive).map((b) => [b.id, b.unitsDone, b.added, b.paths])).toEqual([[1, 11, 10, [folder]]])
    expect(interruptedBatches(archive, (id) => id === 1)).toEqual([])
  })
})

describe('the same name twice in one batch', () => {
  it('imports each occurrence as a unit of its own (the second one finds duplicates)', async () => {
    const dir = tempDir()
    const file = join(dir, 'one.txt')
    writeFileSync(file, 'خبر واحد\n2015-08-10\n\nافتتحت البلدية حديقة جديدة في وسط المدينة صباح اليوم.\n')
    const archive = Archive.open(join(dir, 'archive'))
    const report = await importPaths(archive, [file, file], { origin: 'test' })
    expect(report.files.map((f) => [f.status, f.added, f.duplicates])).toEqual([
      ['imported', 1, 0],
      ['duplicate', 0, 1],
    ])
    expect(report.counts).toEqual({ files: 2, added: 1, duplicates: 1, failed: 0 })
    archive.close()
  })
})
