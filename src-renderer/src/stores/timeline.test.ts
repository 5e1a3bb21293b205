import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ApiTransport, Envelope } from '@contract'
import type { Timeline, TimelineEvent } from '../../../src-main/api/contracts/timeline'
import { setTransport } from '../api/client'
import { periodLabel } from '../timeline-groups'
import { JOB_POLL_MS, dateFitsPrecision, useTimelineStore } from './timeline'

const source = (articleId: number) => ({ articleId, title: `مقال ${articleId}`, source: 'الرصد اليومي', date: '2025-07-02', start: 10, end: 20, sentence: 'جملة' })
const event = (key: string, date: string, precision: TimelineEvent['precision'], label: string, extra: Partial<TimelineEvent> = {}): TimelineEvent => ({
  key, date, precision, label, hidden: false, manual: false, sources: [source(1)], ...extra,
})

const draft = (): Timeline => ({
  name: 'مترو المرجان',
  scope: { query: 'مترو' },
  events: [
    event('a', '2023-02-21', 'day', 'إقرار المشروع'),
    event('b', '2023-06', 'month', 'توقيع العقد'),
    event('c', '2024', 'part', 'بدء الحفر', { part: 'early' }),
    event('d', '2025-07-02', 'day', 'الافتتاح'),
  ],
  range: { from: '2023-02-21', to: '2025-07-02' },
  stats: { articles: 5, mentions: 9, events: 4, unresolved: 0 },
})

interface Call {
  method: string
  args: any
}

/** A fake engine: jobs run for `runningPolls` polls, then end as `ending` with the given result. */
function fakeEngine(opts: { runningPolls?: number; ending?: 'done' | 'failed' | 'cancelled'; saved?: any[] } = {}) {
  const calls: Call[] = []
  const jobs = new Map<string, { polls: number; result: unknown; kind: string; cancelled?: boolean }>()
  let saved = [...(opts.saved ?? [])]
  let nextId = 1
  const job = (id: string) => {
    const j = jobs.get(id)!
    const running = !j.cancelled && j.polls < (opts.runningPolls ?? 1)
    const state = j.cancelled ? 'cancelled' : running ? 'running' : (opts.ending ?? 'done')
    return {
      id, kind: j.kind, state, startedAt: '', finishedAt: running ? null : '', progress: { done: j.polls, total: 3 },
      result: state === 'done' ? j.result : null, error: state === 'failed' ? { code: 'internal', message: 'it broke' } : null,
    }
  }
  const start = (kind: string, result: unknown) => {
    const id = `job-${jobs.size + 1}`
    jobs.set(id, { polls: 0, result, kind })
    return job(id)
  }
  const answer = (method: string, args: any): unknown => {
    switch (method) {
      case 'timeline.build': return start('timeline.build', { ...draft(), name: args.title ?? draft().name })
      case 'timeline.export': return start('timeline.export', { fileName: `timeline.${args.format}`, mime: 'application/pdf', base64: 'JVBERg==' })
      case 'jobs.get': jobs.get(args.id)!.polls++; return job(args.id)
      case 'jobs.cancel': jobs.get(args.id)!.cancelled = true; return job(args.id)
      case 'timeline.save': {
        const id = args.id ?? nextId++
        saved = [{ id, name: args.name, scope: args.scope, events: args.events.length, range: { from: '', to: '' }, updatedAt: '' }, ...saved.filter((s) => s.id !== id)]
        return { id, name: args.name, scope: args.scope, events: args.events, range: { from: '', to: '' } }
      }
      case 'timeline.list': return saved
      case 'timeline.get': return { ...draft(), id: args.id, name: saved.find((s) => s.id === args.id)?.name }
      case 'timeline.delete': saved = saved.filter((s) => s.id !== args.id); return { deleted: true }
      default: throw new Error(`unexpected ${method}`)
    }
  }
  const transport: ApiTransport = {
    call(method, args: any): Promise<Envelope> {
      args = JSON.parse(JSON.stringify(args ?? {})) // as the HTTP transport sends them
      calls.push({ method, args })
      return Promise.resolve({ ok: true, value: answer(method, args) })
    },
  }
  setTransport(transport)
  return { calls, of: (m: string) => calls.filter((c) => c.method === m).map((c) => c.args) }
}

/** Builds a draft through the job, advancing the poll timer until it ends. */
async function built(store: ReturnType<typeof useTimelineStore>) {
  const done = store.build({ query: 'مترو' }, 'مترو المرجان')
  await vi.advanceTimersByTimeAsync(JOB_POLL_MS * 3)
  await done
}

const labels = (store: ReturnType<typeof useTimelineStore>) => store.visibleEvents.map((e) => e.label)

describe('timeline store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('builds a draft as a job: shows its progress while running, then the events, unsaved', async () => {
    const engine = fakeEngine({ runningPolls: 2 })
    const store = useTimelineStore()
    const done = store.build({ query: 'مترو' }, ' مترو المرجان ')
    await vi.advanceTimersByTimeAsync(0)
    expect(store.building).toBe(true)
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS)
    expect(store.buildJob?.progress.done).toBe(1)
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS * 2)
    await done
    expect(engine.of('timeline.build')).toEqual([{ query: 'مترو', title: 'مترو المرجان' }])
    expect(store.building).toBe(false)
    expect(labels(store)).toEqual(['إقرار المشروع', 'توقيع العقد', 'بدء الحفر', 'الافتتاح'])
    expect(store.dirty).toBe(true)
  })

  it('a failed build leaves an error and no timeline', async () => {
    fakeEngine({ ending: 'failed' })
    const store = useTimelineStore()
    await built(store)
    expect(store.timeline).toBeNull()
    expect(store.error?.message).toBe('it broke')
  })

  it('cancels a running build', async () => {
    fakeEngine({ runningPolls: 100 })
    const store = useTimelineStore()
    const done = store.build({ ids: [1, 2] })
    await vi.advanceTimersByTimeAsync(0)
    await store.cancelBuild()
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS * 2)
    await done
    expect(store.buildJob?.state).toBe('cancelled')
    expect(store.timeline).toBeNull()
    expect(store.error).toBeNull()
  })

  it('groups the visible events by year and month in chronological order', async () => {
    fakeEngine()
    const store = useTimelineStore()
    await built(store)
    const outline = store.groups.map((g) => `${periodLabel(g.period, 'ar')}: ${g.subgroups.map((s) => periodLabel(s.period, 'ar')).join(' | ')}`)
    expect(outline).toEqual(['2023: شباط/فبراير 2023 | حزيران/يونيو 2023', '2024: أوائل 2024', '2025: تموز/يوليو 2025'])
    store.zoom = 'decade'
    expect(store.groups.map((g) => periodLabel(g.period, 'en'))).toEqual(['2020–2029'])
  })

  it('edits a label and a date with its precision, re-sorting and marking the event as edited by hand', async () => {
    fakeEngine()
    const store = useTimelineStore()
    await built(store)
    store.editEvent('d', { label: '  افتتاح المرحلة الأولى ' })
    store.editEvent('a', { date: '2025', precision: 'part', part: 'late' })
    expect(labels(store)).toEqual(['توقيع العقد', 'بدء الحفر', 'افتتاح المرحلة الأولى', 'إقرار المشروع'])
    const a = store.events.find((e) => e.key === 'a')!
    expect(a).toMatchObject({ date: '2025', precision: 'part', part: 'late', manual: true })
    // a month has no part of a year; an empty label is refused (the old one stays)
    store.editEvent('a', { date: '2025-09', precision: 'month', part: null, label: '  ' })
    expect(store.events.find((e) => e.key === 'a')).toMatchObject({ date: '2025-09', precision: 'month', label: 'إقرار المشروع' })
    expect(store.events.find((e) => e.key === 'a')!.part).toBeUndefined()
    expect(() => store.editEvent('a', { date: '2025-09', precision: 'day' })).toThrow(RangeError)
  })

  it('hides an event from the timeline, and shows hidden ones again on request', async () => {
    fakeEngine()
    const store = useTimelineStore()
    await built(store)
    store.setHidden('b', true)
    expect(labels(store)).toEqual(['إقرار المشروع', 'بدء الحفر', 'الافتتاح'])
    expect(store.hiddenCount).toBe(1)
    store.showHidden = true
    expect(labels(store)).toContain('توقيع العقد')
    store.setHidden('b', false)
    store.showHidden = false
    expect(labels(store)).toContain('توقيع العقد')
  })

  it('adds an event by hand in its place, and removes it again', async () => {
    fakeEngine()
    const store = useTimelineStore()
    await built(store)
    const key = store.addEvent({ label: 'تأجيل الافتتاح', date: '2024-09-24', precision: 'day' })
    expect(labels(store)).toEqual(['إقرار المشروع', 'توقيع العقد', 'بدء الحفر', 'تأجيل الافتتاح', 'الافتتاح'])
    expect(store.events.find((e) => e.key === key)).toMatchObject({ manual: true, sources: [], hidden: false })
    expect(() => store.addEvent({ label: 'x', date: '2024-09', precision: 'day' })).toThrow(RangeError)
    store.removeEvent(key)
    store.removeEvent('a') // built from articles: only hidden, never removed
    expect(labels(store)).toEqual(['إقرار المشروع', 'توقيع العقد', 'بدء الحفر', 'الافتتاح'])
  })

  it('saves by name with every event (hidden and hand-made included), then saves the same timeline again', async () => {
    const engine = fakeEngine()
    const store = useTimelineStore()
    await built(store)
    store.setHidden('b', true)
    store.addEvent({ label: 'يدوي', date: '2024', precision: 'year' })
    expect(await store.save('  تسلسل المترو ')).toBe(true)
    const [first] = engine.of('timeline.save')
    expect(first.name).toBe('تسلسل المترو')
    expect(first.id).toBeUndefined()
    expect(first.events).toHaveLength(5)
    expect(first.events.find((e: TimelineEvent) => e.key === 'b').hidden).toBe(true)
    expect(store.timeline?.id).toBe(1)
    expect(store.dirty).toBe(false)
    expect(store.saved.map((s) => s.name)).toEqual(['تسلسل المترو'])
    store.editEvent('a', { label: 'جديد' })
    expect(store.dirty).toBe(true)
    await store.save('تسلسل المترو')
    expect(engine.of('timeline.save')[1].id).toBe(1)
  })

  it('knows a name another saved timeline has, and replaces that one only when asked to', async () => {
    const engine = fakeEngine({ saved: [{ id: 7, name: 'قديم', scope: {}, events: 1, range: { from: '', to: '' }, updatedAt: '' }] })
    const store = useTimelineStore()
    await store.loadSaved()
    await built(store)
    expect(store.nameTaken(' قديم ')?.id).toBe(7)
    await store.save('قديم', true)
    expect(engine.of('timeline.save')[0]).toMatchObject({ id: 7, overwrite: true })
  })

  it('opens and deletes saved timelines; the deleted one on screen stays as an unsaved draft', async () => {
    fakeEngine({ saved: [{ id: 3, name: 'محفوظ', scope: {}, events: 4, range: { from: '', to: '' }, updatedAt: '' }] })
    const store = useTimelineStore()
    await store.loadSaved()
    await store.open(3)
    expect(store.timeline?.name).toBe('محفوظ')
    expect(store.dirty).toBe(false)
    await store.remove(3)
    expect(store.saved).toEqual([])
    expect(store.timeline?.id).toBeUndefined()
    expect(store.dirty).toBe(true)
  })

  it('exports a saved, unchanged timeline by id, and a changed one as the draft it is', async () => {
    const engine = fakeEngine()
    const store = useTimelineStore()
    await built(store)
    store.showHijri = true
    let file = store.exportAs('html', 'en')
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS * 2)
    expect((await file)?.fileName).toBe('timeline.html')
    const draftArgs = engine.of('timeline.export')[0]
    expect(draftArgs).toMatchObject({ format: 'html', hijri: true, locale: 'en', timeline: { name: 'مترو المرجان', range: { from: '2023-02-21', to: '2025-07-02' } } })
    expect(draftArgs.timeline.events).toHaveLength(4)
    await store.save('مترو')
    file = store.exportAs('pdf', 'ar')
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS * 2)
    expect((await file)?.fileName).toBe('timeline.pdf')
    expect(engine.of('timeline.export')[1]).toEqual({ id: 1, format: 'pdf', hijri: true, locale: 'ar' })
    expect(store.exporting).toBe(false)
  })

  it('checks that a date fits its precision', () => {
    expect(dateFitsPrecision('2011', 'year')).toBe(true)
    expect(dateFitsPrecision('2011-07', 'year')).toBe(false)
    expect(dateFitsPrecision('2011-07', 'month')).toBe(true)
    expect(dateFitsPrecision('2011-13', 'month')).toBe(false)
    expect(dateFitsPrecision('2011-07-26', 'day')).toBe(true)
  })
})
