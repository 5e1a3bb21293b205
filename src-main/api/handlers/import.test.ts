// The import API end to end in Node: staging uploaded files, previewing a table, running the import
// in its worker thread as a job, the batch history and undo. Through dispatch, as the window calls it.
import { describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Archive } from '../../core/archive/archive'
import { JobRegistry, type JobInfo } from '../../core/jobs'
import { tempDir } from '../../../test-support/tmp'
import { dispatch } from '../dispatch'
import { createHandlers } from '../handlers'
import type { Envelope } from '../contract'
import type { BatchDetail, BatchSummary, ImportPreview, ImportReport } from '../contracts/import'

const quiet = () => {}
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64')

function engine() {
  const archive = Archive.open(tempDir())
  const jobs = new JobRegistry()
  const handlers = createHandlers({ archive, host: 'serve', version: '0', jobs })
  const api = async <T>(method: string, args: unknown): Promise<T> => {
    const res: Envelope = await dispatch(handlers, method, args, quiet)
    if (!res.ok) throw Object.assign(new Error(res.error.message), { code: res.error.code })
    return res.value as T
  }
  const refused = async (method: string, args: unknown) => {
    const res = await dispatch(handlers, method, args, quiet)
    if (res.ok) throw new Error(`${method} was accepted`)
    return res.error
  }
  return { archive, jobs, api, refused }
}

const CSV = 'headline_ar,matn,yawm\n"سيول في الوادي","هطلت أمطار غزيرة على الوادي فجرفت السيول عدداً من السيارات.",2024-03-01\n"افتتاح المكتبة","افتتحت البلدية مكتبة عامة جديدة في وسط المدينة.",2024-03-02\n'

describe('import API', () => {
  it('refuses upload paths that climb out, are absolute, or carry more than one chunk of bytes', async () => {
    const { refused } = engine()
    for (const path of ['../evil.txt', 'a/../../evil.txt', '/etc/passwd', 'C:\\x.txt', 'a//b.txt']) {
      expect((await refused('import.upload', { files: [{ path, base64: b64('x') }] })).code).toBe('invalid_argument')
    }
    const big = b64(Buffer.alloc(300 * 1024, 1))
    expect((await refused('import.upload', { files: [{ path: 'a.txt', base64: big }, { path: 'b.txt', base64: big }] })).code).toBe('payload_too_large')
    expect((await refused('import.start', { uploadId: '00000000-0000-0000-0000-000000000000' })).code).toBe('not_found')
    expect((await refused('import.start', {})).code).toBe('invalid_argument')
  })

  it('stages files in chunks, previews the table with a corrected mapping, imports it off-thread and removes the staging', async () => {
    const { archive, jobs, api } = engine()
    const text = 'العنوان الأول للخبر\n\nنص الخبر الأول عن افتتاح الجسر الجديد فوق النهر.'
    const bytes = Buffer.from(text)
    const { uploadId } = await api<{ uploadId: string }>('import.upload', { files: [{ path: 'folder/sub/a.txt', base64: b64(bytes.subarray(0, 20)) }] })
    await api('import.upload', { uploadId, files: [{ path: 'folder/sub/a.txt', base64: b64(bytes.subarray(20)), append: true }, { path: 'folder/table.csv', base64: b64(CSV) }] })

    const auto = await api<ImportPreview>('import.preview', { uploadId })
    expect(auto.files.map((f) => f.file)).toEqual(['folder/table.csv'])
    expect(auto.files[0]!.columns).toEqual(['headline_ar', 'matn', 'yawm'])
    // Odd column names: the title column is found by its word, the text column is not.
    const corrected = await api<ImportPreview>('import.preview', { uploadId, map: { title: 'headline_ar', body: 'matn', date: 'yawm' } })
    expect(corrected.files[0]!.articles.map((a) => a.title)).toEqual(['سيول في الوادي', 'افتتاح المكتبة'])
    expect(corrected.files[0]!.articles[0]!.date).toBe('2024-03-01')

    const job = await api<JobInfo>('import.start', { uploadId, map: { title: 'headline_ar', body: 'matn', date: 'yawm' }, label: 'folder' })
    expect(job.state).toBe('running')
    const end = await jobs.wait(job.id)
    expect(end.state).toBe('done')
    const report = end.result as ImportReport
    expect(report.counts).toMatchObject({ files: 2, added: 3, failed: 0 })
    expect(end.progress).toMatchObject({ done: 2, total: 2, counts: { added: 3 } })
    expect(existsSync(join(archive.dir, 'staging', uploadId))).toBe(false)

    // The worker wrote through its own connection; this one sees the articles.
    expect(archive.articleCount()).toBe(3)
    const titles = archive.listArticles({ limit: 10 }).items.map((a) => a.title)
    expect(titles).toContain('سيول في الوادي')
    expect(titles).toContain('العنوان الأول للخبر')

    const batches = await api<BatchSummary[]>('import.batches', {})
    expect(batches[0]).toMatchObject({ id: report.batchId, label: 'folder', status: 'done', origin: 'ui', articles: 3, counts: { added: 3 } })
    expect((await api<{ removed: number }>('import.undo', { id: report.batchId })).removed).toBe(3)
    expect(archive.articleCount()).toBe(0)
    expect((await api<BatchSummary[]>('import.batches', {}))[0]).toMatchObject({ status: 'undone', articles: 0 })
  })

  it('imports a typed folder path, lists the failed file first with its reason, and can be cancelled', async () => {
    const { jobs, api, refused } = engine()
    const dir = tempDir()
    mkdirSync(join(dir, 'sub'))
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, i % 2 ? 'sub' : '', `n${i}.txt`), `خبر رقم ${i}\n\nهذا نص الخبر رقم ${i} عن الطقس في المدينة.`)
    writeFileSync(join(dir, 'zz-broken.bin'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7]))

    expect((await refused('import.start', { paths: [join(dir, 'nope')] })).code).toBe('not_found')
    const end = await jobs.wait((await api<JobInfo>('import.start', { paths: [dir] })).id)
    const report = end.result as ImportReport
    expect(report.counts).toMatchObject({ files: 41, added: 40, failed: 1 })
    const detail = await api<BatchDetail>('import.batch', { id: report.batchId })
    expect(detail.files[0]).toMatchObject({ file: 'zz-broken.bin', status: 'failed' })
    expect(detail.files[0]!.problems.join(' ')).toMatch(/not supported|binary|cannot/i)
    expect(detail.files).toHaveLength(41)

    // Cancelled at once: the batch ends 'cancelled' with what it had done. (Enough files that the
    // import cannot finish in the one transaction group it writes before it next looks for a cancel.)
    const big = tempDir()
    for (let i = 0; i < 400; i++) writeFileSync(join(big, `m${i}.txt`), `خبر آخر رقم ${i}\n\nنص الخبر الآخر رقم ${i} عن الأسواق.`)
    const started = await api<JobInfo>('import.start', { paths: [big] })
    await api('jobs.cancel', { id: started.id })
    const cancelled = await jobs.wait(started.id)
    expect(cancelled.state).toBe('cancelled')
    expect((cancelled.result as ImportReport).status).toBe('cancelled')
  })

  it('keeps a cancelled upload staged, resumes the batch with the rest of its files, then removes the staging', async () => {
    const { archive, jobs, api, refused } = engine()
    const files = Array.from({ length: 30 }, (_, i) => ({ path: `f/n${i}.txt`, base64: b64(`خبر رقم ${i}\n\nنص الخبر رقم ${i} عن الأمطار في الجبال.`) }))
    const { uploadId } = await api<{ uploadId: string }>('import.upload', { files })
    const started = await api<JobInfo>('import.start', { uploadId })
    await api('jobs.cancel', { id: started.id })
    const cancelled = (await jobs.wait(started.id)).result as ImportReport
    expect(cancelled.status).toBe('cancelled')
    expect(existsSync(join(archive.dir, 'staging', uploadId))).toBe(true)
    expect((await api<BatchSummary[]>('import.batches', {}))[0]).toMatchObject({ id: cancelled.batchId, status: 'cancelled' })

    const resumed = await jobs.wait((await api<JobInfo>('import.resume', { id: cancelled.batchId })).id)
    expect(resumed.state).toBe('done')
    const report = resumed.result as ImportReport
    expect(report).toMatchObject({ batchId: cancelled.batchId, status: 'done' })
    expect(archive.articleCount()).toBe(30)
    expect(existsSync(join(archive.dir, 'staging', uploadId))).toBe(false)
    expect((await refused('import.resume', { id: cancelled.batchId })).code).toBe('invalid_argument')
  })

  it('calls a batch left running by an earlier run of the app interrupted', async () => {
    const { archive, api } = engine()
    const id = archive.beginBatch('crashed', 'ui')
    archive.db.prepare(`UPDATE import_batches SET started_at = '2020-01-01T00:00:00.000Z' WHERE id = ?`).run(id)
    expect((await api<BatchSummary[]>('import.batches', {}))[0]).toMatchObject({ id, status: 'interrupted' })
  })
})
