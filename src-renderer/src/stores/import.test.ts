import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ApiTransport, Envelope } from '@contract'
import { setTransport } from '../api/client'
import { POLL_MS, UPLOAD_CALL_BYTES, labelFor, toBase64, uniquePaths, useImportStore, type PickedFile } from './import'
import { useSettingsStore } from './settings'

interface Call {
  method: string
  args: any
}

const report = { batchId: 7, status: 'done', counts: { files: 3, added: 2, duplicates: 0, failed: 1 }, files: [] }
const detail = { id: 7, label: 'folder', status: 'done', files: [{ file: 'bad.bin', status: 'failed', added: 0, duplicates: 0, problems: ['This kind of file is not supported.'] }] }
const preview = (map: Record<string, string> = {}) => ({
  more: 0,
  files: [{ file: 't.csv', format: 'csv', columns: ['a', 'b'], suggested: {}, map: { title: map.title ?? 'a', body: map.body ?? 'b' }, rows: [], articles: [], problems: [], error: null }],
})

/** A fake engine: an import job runs for `runningPolls` polls, then ends with `report`. */
function fakeEngine(opts: { runningPolls?: number } = {}) {
  const calls: Call[] = []
  const staged = new Map<string, string>()
  let polls = 0
  let articleCount = 10
  const job = (state: string, done: number) => ({
    id: 'job-1', kind: 'import', state, startedAt: '', finishedAt: null, error: null,
    progress: { done, total: 3, rate: 12, etaSeconds: 1, counts: { files: 3, added: done, duplicates: 0, failed: 0 } },
    result: state === 'running' ? null : { ...report, status: state === 'cancelled' ? 'cancelled' : 'done' },
  })
  let cancelled = false
  const answers: Record<string, (args: any) => unknown> = {
    'import.upload': (args) => {
      for (const f of args.files) staged.set(f.path, (f.append ? staged.get(f.path) ?? '' : '') + atob(f.base64))
      return { uploadId: args.uploadId ?? 'up-1', bytes: 0 }
    },
    'import.discard': () => ({ discarded: true }),
    'import.preview': (args) => preview(args.map),
    'import.start': () => job('running', 0),
    'import.resume': () => job('running', 0),
    'jobs.get': () => (polls++ < (opts.runningPolls ?? 2) && !cancelled ? job('running', polls) : ((articleCount = 12), job(cancelled ? 'cancelled' : 'done', 3))),
    'jobs.cancel': () => ((cancelled = true), job('running', 1)),
    'import.batch': () => detail,
    'import.batches': () => [{ id: 7, label: 'folder', status: 'done' }],
    'import.undo': () => ((articleCount = 10), { removed: 2 }),
    'settings.get': () => ({ locale: 'ar' }),
    'app.info': () => ({ archiveDir: '/a', articleCount }),
  }
  const transport: ApiTransport = {
    call(method, args: any): Promise<Envelope> {
      calls.push({ method, args })
      const answer = answers[method]
      if (!answer) return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: method } })
      return Promise.resolve({ ok: true, value: answer(args) })
    },
  }
  setTransport(transport)
  return { calls, staged, of: (m: string) => calls.filter((c) => c.method === m).map((c) => c.args) }
}

const file = (path: string, text: string | Uint8Array): PickedFile => ({ path, file: new Blob([text as BlobPart]) })

describe('import store', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.useRealTimers())

  it('sends files in calls of at most 512 KB, a big file in appended chunks, then previews the tables', async () => {
    const engine = fakeEngine()
    const store = useImportStore()
    const big = new Uint8Array(UPLOAD_CALL_BYTES + 1000).fill(65)
    await store.chooseFiles([file('folder/a.txt', 'نص أ'), file('folder/sub/big.txt', big), file('folder/t.csv', 'a,b\n1,2\n')])
    const uploads = engine.of('import.upload')
    for (const u of uploads) expect(u.files.reduce((n: number, f: any) => n + atob(f.base64).length, 0)).toBeLessThanOrEqual(UPLOAD_CALL_BYTES)
    expect(uploads.slice(1).every((u) => u.uploadId === 'up-1')).toBe(true)
    expect(engine.staged.get('folder/sub/big.txt')!.length).toBe(big.length)
    expect(engine.staged.get('folder/t.csv')).toBe('a,b\n1,2\n')
    expect(engine.of('import.preview')).toEqual([{ uploadId: 'up-1' }])
    expect(store.phase).toBe('ready')
    expect(store.label).toBe('folder')
    expect(store.upload.sent).toBe(store.upload.total)
  })

  it('keeps the other fields as they are in effect when one is corrected, and imports with that mapping', async () => {
    const engine = fakeEngine()
    const store = useImportStore()
    await store.choosePaths(['/home/me/news/'])
    expect(store.label).toBe('news')
    await store.setMapping('title', 'b')
    expect(engine.of('import.preview').at(-1)).toEqual({ paths: ['/home/me/news/'], map: { title: 'b', body: 'b', date: '', source: '', author: '', url: '' } })
    vi.useFakeTimers()
    const done = store.start()
    await vi.advanceTimersByTimeAsync(POLL_MS * 5)
    await done
    expect(engine.of('import.start')[0]).toMatchObject({ paths: ['/home/me/news/'], map: { title: 'b' }, label: 'news' })
  })

  it('follows the job to its end, then shows the report and the per-file outcomes and updates the article count', async () => {
    const engine = fakeEngine({ runningPolls: 2 })
    const store = useImportStore()
    const settings = useSettingsStore()
    await store.chooseFiles([file('a.txt', 'x')])
    vi.useFakeTimers()
    const done = store.start()
    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(store.phase).toBe('importing')
    expect(store.progress).toMatchObject({ done: 1, total: 3, rate: 12, etaSeconds: 1 })
    await vi.advanceTimersByTimeAsync(POLL_MS * 3)
    await done
    expect(store.phase).toBe('finished')
    expect(store.report?.counts).toEqual({ files: 3, added: 2, duplicates: 0, failed: 1 })
    expect(store.detail?.files[0]?.status).toBe('failed')
    expect(store.batches.map((b) => b.id)).toEqual([7])
    expect(settings.articleCount).toBe(12)
    expect(engine.of('jobs.get').length).toBe(3)
  })

  it('cancels a running import through jobs.cancel and ends with the cancelled report', async () => {
    const engine = fakeEngine({ runningPolls: 100 })
    const store = useImportStore()
    await store.chooseFiles([file('a.txt', 'x')])
    vi.useFakeTimers()
    const done = store.start()
    await vi.advanceTimersByTimeAsync(POLL_MS)
    await store.cancel()
    await vi.advanceTimersByTimeAsync(POLL_MS * 2)
    await done
    expect(engine.of('jobs.cancel')).toEqual([{ id: 'job-1' }])
    expect(store.report?.status).toBe('cancelled')
  })

  it('resumes a batch and follows it like a new import', async () => {
    const engine = fakeEngine({ runningPolls: 1 })
    const store = useImportStore()
    vi.useFakeTimers()
    const done = store.resume(7)
    await vi.advanceTimersByTimeAsync(POLL_MS * 3)
    await done
    expect(engine.of('import.resume')).toEqual([{ id: 7 }])
    expect(store.phase).toBe('finished')
    expect(store.report?.batchId).toBe(7)
    expect(store.detail?.id).toBe(7)
  })

  it('throws away an upload that was not imported when the person starts over', async () => {
    const engine = fakeEngine()
    const store = useImportStore()
    await store.chooseFiles([file('a.txt', 'x')])
    await store.reset()
    expect(engine.of('import.discard')).toEqual([{ uploadId: 'up-1' }])
    expect(store.phase).toBe('idle')
  })

  it('undoes a batch and refreshes the history and the article count', async () => {
    const engine = fakeEngine()
    const store = useImportStore()
    const res = await store.undo(7)
    expect(res.removed).toBe(2)
    expect(engine.of('import.undo')).toEqual([{ id: 7 }])
    expect(engine.of('import.batches').length).toBe(1)
    expect(useSettingsStore().articleCount).toBe(10)
  })

  it('makes paths unique, skips hidden files, names the batch and encodes bytes', () => {
    const blob = new Blob(['x'])
    expect(uniquePaths([{ path: 'a.txt', file: blob }, { path: 'a.txt', file: blob }, { path: 'f/.DS_Store', file: blob }]).map((f) => f.path)).toEqual(['a.txt', 'a (2).txt'])
    expect(labelFor([{ path: 'news/a.txt', file: blob }, { path: 'news/b/c.txt', file: blob }])).toBe('news')
    expect(labelFor([{ path: 'a.txt', file: blob }, { path: 'b.txt', file: blob }, { path: 'c.txt', file: blob }])).toBe('a.txt +2')
    expect(atob(toBase64(new TextEncoder().encode('سيول')))).toBe(String.fromCharCode(...new TextEncoder().encode('سيول')))
  })
})
