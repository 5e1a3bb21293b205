// The timeline and collection operations through the API door (arguments checked by the contract):
// build from ids or a collection, save with hand edits, list, get, delete, export.
import { describe, expect, it } from 'vitest'
import { Archive } from '../../core/archive/archive'
import { JobRegistry, type JobInfo } from '../../core/jobs'
import { tempDir } from '../../../test-support/tmp'
import { article } from '../../../test-support/articles'
import { dispatch } from '../dispatch'
import { createHandlers } from '../handlers'
import type { ExportedFile } from '../contract'
import type { Timeline } from '../contracts/timeline'

const archive = Archive.open(tempDir())
const added = archive.addArticles(
  [
    article(1, { paragraphs: ['مقدمة الخبر الأول عن الاتفاق', 'وقعت الحكومة في 30 حزيران 2009 اتفاقية جديدة مع الشركات الأجنبية لتطوير الميناء.'], publishedAt: '2015-08-07' }),
    article(2, { title: 'خبر <script>alert(1)</script>', paragraphs: ['وقعت الحكومة في 30 حزيران 2009 اتفاقية جديدة مع الشركات الأجنبية لتطوير الميناء.', 'وأعلنت الوزارة أمس افتتاح المعرض الدولي للكتاب في العاصمة.'], publishedAt: '2015-08-07' }),
    article(3, { paragraphs: ['ذكرت الصحيفة أن المجلس البلدي عقد جلسته الأولى عام 2011 في مبنى البلدية القديم.'], publishedAt: null, datePrecision: 'unknown' }),
  ],
  null,
)
const ids = added.map((o) => (o.status === 'added' ? o.id : 0))
const jobs = new JobRegistry()
const printed: { html: string; footer?: string }[] = []
const handlers = createHandlers({
  archive,
  host: 'serve',
  version: '0.0.0',
  jobs,
  printPdf: async (html, opts) => (printed.push({ html, footer: opts?.footerTemplate }), Buffer.from('%PDF-fake')),
})
const quiet = () => {}

async function call<T>(method: string, args: unknown): Promise<T> {
  const res = await dispatch(handlers, method, args, quiet)
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`)
  return res.value as T
}
async function job<T>(method: string, args: unknown): Promise<T> {
  const started = await call<JobInfo<T>>(method, args)
  const done = await jobs.wait(started.id)
  if (done.state !== 'done') throw new Error(`${method}: ${done.state} ${done.error?.message}`)
  return done.result as T
}

describe('timeline.build', () => {
  it('builds a draft from ids: the shared event merged, the undated article\'s year kept, in order', async () => {
    const t = await job<Timeline>('timeline.build', { ids, title: 'الميناء' })
    expect(t.id).toBeUndefined()
    expect(t.name).toBe('الميناء')
    expect(t.events.map((e) => [e.date, e.precision, e.sources.map((s) => s.articleId)])).toEqual([
      ['2009-06-30', 'day', [ids[0], ids[1]]],
      ['2011', 'year', [ids[2]]],
      ['2015-08-06', 'day', [ids[1]]],
    ])
    expect(t.events[0]!.label).toBe('وقعت الحكومة اتفاقية جديدة مع الشركات الأجنبية لتطوير الميناء')
    expect(t.range).toEqual({ from: '2009-06-30', to: '2015-08-06' })
    expect(t.stats).toEqual({ articles: 3, mentions: 4, events: 3, unresolved: 0 })
  })

  it('refuses a call without a scope, and an unknown collection', async () => {
    const none = await dispatch(handlers, 'timeline.build', { title: 'x' }, quiet)
    expect(none.ok === false && none.error.code).toBe('invalid_argument')
    const missing = await dispatch(handlers, 'timeline.build', { collection: 999 }, quiet)
    expect(missing.ok === false && missing.error.code).toBe('not_found')
  })
})

describe('collections', () => {
  it('creates, lists and extends a collection, and builds a timeline from it', async () => {
    const c = await call<{ id: number; articles: number }>('collections.create', { name: 'ملف الميناء', ids: [ids[1], 99999] })
    expect(c).toMatchObject({ name: 'ملف الميناء', articles: 1 })
    expect((await call<{ articles: number }>('collections.add', { id: c.id, ids: [ids[0], ids[1]] })).articles).toBe(2)
    expect(await call('collections.list', {})).toEqual([expect.objectContaining({ id: c.id, name: 'ملف الميناء', articles: 2 })])
    const t = await job<Timeline>('timeline.build', { collection: c.id })
    expect(t.name).toBe('ملف الميناء')
    expect(t.events).toHaveLength(2)
    const taken = await dispatch(handlers, 'collections.create', { name: 'ملف الميناء' }, quiet)
    expect(taken.ok === false && taken.error.code).toBe('invalid_argument')
  })
})

describe('saving and reading timelines', () => {
  it('keeps hidden flags, edited labels, hand-made events and keys; lists, refuses a taken name, deletes', async () => {
    const draft = await job<Timeline>('timeline.build', { ids })
    const events = draft.events.map((e, i) => (i === 0 ? { ...e, label: 'توقيع اتفاقية الميناء', manual: true } : i === 2 ? { ...e, hidden: true } : e))
    events.push({ key: 'manual-1', date: '2012-03', precision: 'month', label: 'بدء أعمال الحفر في الميناء', hidden: false, manual: true, sources: [] })
    const saved = await call<Timeline>('timeline.save', { name: 'خط الميناء', scope: draft.scope, events })
    expect(saved.id).toBeGreaterThan(0)
    const again = await call<Timeline>('timeline.get', { id: saved.id })
    expect(again.events.map((e) => [e.key, e.date, e.label, e.hidden, e.manual, e.sources.map((s) => s.articleId)])).toEqual(
      events.map((e) => [e.key, e.date, e.label, e.hidden, e.manual, e.sources.map((s) => s.articleId)]),
    )
    // sources come back with their article's title and the sentence around the cited range
    expect(again.events[0]!.sources[0]).toMatchObject({ title: 'خبر تجريبي رقم 1', sentence: expect.stringContaining('30 حزيران 2009') })
    expect(again.range).toEqual({ from: '2009-06-30', to: '2012-03' })
    expect(again.scope).toEqual({ ids })

    const list = await call<{ id: number; name: string; events: number }[]>('timeline.list', {})
    expect(list).toEqual([expect.objectContaining({ id: saved.id, name: 'خط الميناء', events: 4 })])

    const taken = await dispatch(handlers, 'timeline.save', { name: 'خط الميناء', events: [] }, quiet)
    expect(taken.ok === false && taken.error.code).toBe('invalid_argument')
    const replaced = await call<Timeline>('timeline.save', { id: saved.id, name: 'خط الميناء', events: events.slice(0, 1) })
    expect(replaced.events).toHaveLength(1)

    expect(await call('timeline.delete', { id: saved.id })).toEqual({ deleted: true })
    const gone = await dispatch(handlers, 'timeline.get', { id: saved.id }, quiet)
    expect(gone.ok === false && gone.error.code).toBe('not_found')
  })
})

describe('timeline.export', () => {
  it('exports a draft as CSV and JSON without its hidden events, and prints a PDF numbering its pages', async () => {
    const draft = await job<Timeline>('timeline.build', { ids })
    draft.events[1]!.hidden = true
    const csv = await job<ExportedFile>('timeline.export', { timeline: draft, format: 'csv' })
    expect(csv).toMatchObject({ fileName: `${draft.name}.csv`, mime: 'text/csv; charset=utf-8' })
    const text = Buffer.from(csv.base64, 'base64').toString('utf8')
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(3)
    expect(text).not.toContain('المجلس البلدي')

    const json = JSON.parse(Buffer.from((await job<ExportedFile>('timeline.export', { timeline: draft, format: 'json' })).base64, 'base64').toString('utf8'))
    expect(json.events.map((e: { date: string }) => e.date)).toEqual(['2009-06-30', '2015-08-06'])

    const pdf = await job<ExportedFile>('timeline.export', { timeline: draft, format: 'pdf', hijri: true })
    expect(Buffer.from(pdf.base64, 'base64').toString()).toBe('%PDF-fake')
    // Page numbers are the document's own (CSS page margin boxes), not a Chromium footer template.
    expect(printed.at(-1)!.html).toMatch(/@bottom-center \{ content: "صفحة " counter\(page\) " من " counter\(pages\)/)
    // hostile article text is escaped in the document
    expect(printed.at(-1)!.html).toContain('خبر &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(printed.at(-1)!.html).not.toContain('<script>')
  })

  it('refuses both an id and a timeline, or neither', async () => {
    for (const args of [{ format: 'csv' }, { id: 1, timeline: { name: 'x', events: [] }, format: 'csv' }]) {
      const res = await dispatch(handlers, 'timeline.export', args, quiet)
      expect(res.ok === false && res.error.code).toBe('invalid_argument')
    }
  })
})
